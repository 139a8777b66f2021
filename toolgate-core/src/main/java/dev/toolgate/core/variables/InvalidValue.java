package dev.toolgate.core.variables;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import java.util.Objects;

/**
 * A value that is not acceptable, or an {@code extract_variable} call that stored nothing: the model should
 * ask the caller again. Both a {@link NormalizedValue} and an {@link ExtractionResult}.
 *
 * @param message what is wrong with the value, one sentence
 * @param hint what the model should do, built from the tool's {@code prompt_text} and {@code example_format}
 */
public record InvalidValue(String message, String hint) implements NormalizedValue, ExtractionResult {
    public InvalidValue {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }

    /** Returns this as an {@link ErrorCode#HTTP_TOOL_INVALID_ARGS} error. */
    public ToolError toToolError() {
        return new ToolError(ErrorCode.HTTP_TOOL_INVALID_ARGS, message, hint);
    }
}
