package dev.toolgate.knowledge;

/** A document whose text cannot be read; the message is safe to show the tenant (no document text, no trace). */
public final class ExtractionException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong with the document, for its {@code failure_reason}
     * @param cause the parser's failure, or null (kept for the server log only)
     */
    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
