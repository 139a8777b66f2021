package dev.toolgate.core.knowledge;

import java.util.List;
import java.util.UUID;

/**
 * Finds the chunks of an agent's knowledge base that best answer a query: the port a {@code knowledge_base} tool
 * calls. The server implements it (embedding, index, ranking); the engine only asks and turns the hits into the
 * model's content.
 */
public interface KnowledgeSearch {
    /**
     * Searches one agent's knowledge base.
     *
     * @param tenantId the tenant that owns the agent
     * @param agentId the agent whose documents are searched
     * @param query what the model asked, as it sent it (not blank)
     * @param topK the most hits to return, 1–50
     * @param similarityThreshold the lowest score a hit may have, 0.0–1.0 (cosine similarity of the embeddings)
     * @return the hits, best first, at most {@code topK}, none under {@code similarityThreshold}; empty when nothing
     *     matches or the agent has no ready document
     * @throws KnowledgeSearchException when the search cannot run (index unavailable); never for "nothing found"
     */
    List<KnowledgeHit> search(UUID tenantId, UUID agentId, String query, int topK, double similarityThreshold);
}
