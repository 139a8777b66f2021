package dev.toolgate.server.knowledge;

import dev.toolgate.core.knowledge.KnowledgeHit;
import dev.toolgate.core.knowledge.KnowledgeSearch;
import dev.toolgate.core.knowledge.KnowledgeSearchException;
import dev.toolgate.knowledge.AgentIndex;
import dev.toolgate.knowledge.Embedder;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * The {@link KnowledgeSearch} a {@code knowledge_base} tool calls: embeds the query with {@link Embedder} and asks
 * the agent's {@link AgentIndex} (kept in step with the database by {@link KnowledgeIndexes}) for the hybrid
 * vector + BM25 ranking (docs/knowledge-base.md, "Ranking"). A tenant's agent id only ever opens that tenant's
 * index: indexes are kept per tenant and agent, and built from the tenant's rows only.
 */
public final class LuceneKnowledgeSearch implements KnowledgeSearch {

    /** The most hits one search returns (the port's bound on {@code topK}). */
    public static final int MAX_TOP_K = 50;

    private final KnowledgeIndexes indexes;
    private final Embedder embedder;

    /**
     * @param indexes the per-agent indexes
     * @param embedder embeds the query
     */
    public LuceneKnowledgeSearch(KnowledgeIndexes indexes, Embedder embedder) {
        this.indexes = indexes;
        this.embedder = embedder;
    }

    @Override
    public List<KnowledgeHit> search(UUID tenantId, UUID agentId, String query, int topK, double similarityThreshold) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(agentId, "agentId");
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank");
        }
        if (topK < 1 || topK > MAX_TOP_K) {
            throw new IllegalArgumentException("topK must be 1.." + MAX_TOP_K + ": " + topK);
        }
        if (!(similarityThreshold >= 0 && similarityThreshold <= 1)) {
            throw new IllegalArgumentException("similarityThreshold must be 0..1: " + similarityThreshold);
        }
        Optional<AgentIndex> index = indexes.current(new KnowledgeDocument.Owner(tenantId, agentId));
        if (index.isEmpty() || index.get().indexed().isEmpty()) {
            return List.of();
        }
        try {
            return index.get().search(embedder.embed(query.strip()), query, topK, similarityThreshold);
        } catch (UncheckedIOException | AlreadyClosedException e) {
            throw new KnowledgeSearchException("the knowledge index of agent " + agentId + " cannot be read", e);
        }
    }
}
