package dev.toolgate.core.knowledge;

import java.util.Objects;

/**
 * One chunk of a knowledge-base document that answers a query.
 *
 * @param documentId the id of the document the chunk comes from
 * @param title the document's title
 * @param text the chunk's text, as stored
 * @param score how well it matches, 0.0–1.0 (higher is better)
 */
public record KnowledgeHit(String documentId, String title, String text, double score) {
    /** Checks that the ids and text are present and the score is in range. */
    public KnowledgeHit {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be within 0.0-1.0: " + score);
        }
    }
}
