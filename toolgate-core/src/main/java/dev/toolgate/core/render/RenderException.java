package dev.toolgate.core.render;

import dev.toolgate.core.error.ToolError;
import java.util.Objects;

/**
 * A tool's request could not be rendered: a secret is missing, an argument cannot travel in a header, or the
 * tool's stored URL or header is unusable. Carries the {@link ToolError} to return; the message is the
 * error's message, safe to show (it names secrets, never their values). No stack trace is captured: this is
 * an expected outcome, not a bug.
 */
public final class RenderException extends RuntimeException {

    private final transient ToolError error;

    /**
     * Creates the exception; its message is the error's message.
     *
     * @param error the failure to report; its message becomes this exception's message
     */
    public RenderException(ToolError error) {
        super(Objects.requireNonNull(error, "error").message(), null, false, false);
        this.error = error;
    }

    /** Returns the failure as a value. */
    public ToolError error() {
        return error;
    }
}
