package dev.toolgate.server.knowledge;

import dev.toolgate.knowledge.DocumentFormat;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One document of an agent's knowledge base, as stored (its chunks are apart, in {@link DocumentStore}).
 *
 * @param id the document's id
 * @param owner whose it is
 * @param source what it is and where it came from
 * @param state where its processing is
 * @param createdAt when it was added
 * @param updatedAt its last status change (or processing progress)
 */
public record KnowledgeDocument(
        UUID id, Owner owner, Source source, State state, Instant createdAt, Instant updatedAt) {

    /** Checks that every part is present. */
    public KnowledgeDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * @param tenantId the tenant
     * @param agentId the agent whose {@code knowledge_base} tools search it
     */
    public record Owner(UUID tenantId, UUID agentId) {}

    /**
     * @param title the title shown with every hit
     * @param format its type
     * @param url the https URL it was fetched from, or null for an upload
     * @param sizeBytes its size in bytes (0 while a URL is still being fetched)
     */
    public record Source(String title, DocumentFormat format, String url, long sizeBytes) {}

    /**
     * @param status processing, ready or failed
     * @param failureReason why it failed (safe to show), or null
     * @param chunkCount its chunks once ready, else 0
     */
    public record State(DocumentStatus status, String failureReason, int chunkCount) {}
}
