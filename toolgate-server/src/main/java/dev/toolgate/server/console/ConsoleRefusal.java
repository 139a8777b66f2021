package dev.toolgate.server.console;

import org.springframework.http.HttpStatus;

/**
 * A console request refused before its handler ran or by a console rule: shown to the user as an error page (or,
 * for an htmx request, an alert), never as a stack trace.
 */
final class ConsoleRefusal extends RuntimeException {

    private final HttpStatus status;
    private final long retryAfterSeconds;

    /**
     * @param status the HTTP status of the answer (403, 429, ...)
     * @param message what the user is told
     */
    ConsoleRefusal(HttpStatus status, String message) {
        this(status, message, 0);
    }

    /**
     * @param status the HTTP status of the answer
     * @param message what the user is told
     * @param retryAfterSeconds the {@code Retry-After} to send, 0 for none
     */
    ConsoleRefusal(HttpStatus status, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Returns the answer's HTTP status. */
    HttpStatus status() {
        return status;
    }

    /** Returns the {@code Retry-After} seconds, 0 for none. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
