package dev.toolgate.server.knowledge;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A knowledge-base document as the API shows it.
 *
 * @param id the document's id
 * @param agentId the agent it belongs to
 * @param title its title
 * @param contentType its media type
 * @param sourceUrl the URL it was fetched from, or null
 * @param sizeBytes its size in bytes (0 while a URL is being fetched)
 * @param status processing, ready or failed
 * @param failureReason why it failed, or null
 * @param chunkCount its chunks (0 until ready)
 * @param createdAt when it was added
 * @param updatedAt its last status change
 */
@Schema(name = "DocumentOut", description = "A document of an agent's knowledge base.")
record DocumentOut(
        UUID id,
        UUID agentId,
        @Schema(example = "Opening hours") String title,
        @Schema(example = "text/markdown") String contentType,

        @Schema(
                types = {"string", "null"},
                format = "uri")
        String sourceUrl,

        long sizeBytes,

        @Schema(allowableValues = {"processing", "ready", "failed"})
        DocumentStatus status,

        @Schema(
                types = {"string", "null"},
                description = "Why processing failed; null unless `status` is `failed`.",
                example = "the PDF is encrypted")
        String failureReason,

        int chunkCount,
        Instant createdAt,
        Instant updatedAt) {

    static DocumentOut of(KnowledgeDocument document) {
        return new DocumentOut(
                document.id(),
                document.owner().agentId(),
                document.source().title(),
                document.source().format().mediaType(),
                document.source().url(),
                document.source().sizeBytes(),
                document.state().status(),
                document.state().failureReason(),
                document.state().chunkCount(),
                document.createdAt(),
                document.updatedAt());
    }
}
