package dev.toolgate.server.toolimport;

import java.util.List;

/**
 * An OpenAPI document that cannot be imported at all (answered 422 {@code invalid_document}); what is wrong with a
 * single operation is an {@link ImportWarning} instead.
 */
final class DocumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> details;

    /**
     * @param message what is wrong, safe to show the tenant (it quotes only the document)
     * @param details the parser's messages, possibly empty
     */
    DocumentException(String message, List<String> details) {
        super(message, null, false, false);
        this.details = List.copyOf(details);
    }

    DocumentException(String message) {
        this(message, List.of());
    }

    /** Returns the parser's messages, possibly empty. */
    List<String> details() {
        return details;
    }
}
