package dev.toolgate.core.knowledge;

/** A knowledge-base search that could not run (the index is unavailable); "nothing found" is not an error. */
public final class KnowledgeSearchException extends RuntimeException {
    /**
     * @param message what failed, safe to log (no document text, no secret)
     * @param cause the underlying failure, or null
     */
    public KnowledgeSearchException(String message, Throwable cause) {
        super(message, cause);
    }
}
