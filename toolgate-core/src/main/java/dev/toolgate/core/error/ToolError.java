package dev.toolgate.core.error;

import java.util.Objects;

/**
 * A tool-call failure as a value: a {@link ErrorCode}, a message safe to show a model, an API client
 * or a tenant (never a stack trace, never a secret), and a recovery hint for the model.
 *
 * @param code the failure code (docs/errors.md)
 * @param message one or more sentences saying what went wrong; never null
 * @param hint what the model should do next; never null
 */
public record ToolError(ErrorCode code, String message, String hint) {

    public ToolError {
        Objects.requireNonNull(code, "code");
        message = message == null || message.isBlank() ? code.defaultMessage() : message;
        hint = hint == null || hint.isBlank() ? code.defaultHint() : hint;
    }

    /** Returns an error with the code's default message and hint. */
    public static ToolError of(ErrorCode code) {
        return new ToolError(code, null, null);
    }

    /** Returns an error with the given message and the code's default hint. */
    public static ToolError of(ErrorCode code, String message) {
        return new ToolError(code, message, null);
    }

    /** Returns a copy whose hint is {@code hint} when it is non-blank (a tool's {@code error_hint}). */
    public ToolError withHint(String hint) {
        return hint == null || hint.isBlank() ? this : new ToolError(code, message, hint);
    }
}
