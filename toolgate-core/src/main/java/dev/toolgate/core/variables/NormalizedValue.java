package dev.toolgate.core.variables;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import java.util.Objects;

/** The outcome of checking one value against its {@code variable_type}: {@link Valid} or {@link Invalid}. */
public sealed interface NormalizedValue permits NormalizedValue.Valid, NormalizedValue.Invalid {

    /**
     * The value is acceptable.
     *
     * @param value the normalized value, e.g. {@code jane@example.com}, {@code +4930999888}, {@code 2027-03-05}
     */
    record Valid(String value) implements NormalizedValue {
        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The value is not acceptable; the model should ask the caller again.
     *
     * @param message what is wrong with the value, one sentence
     * @param hint what the model should do, built from the tool's {@code prompt_text} and {@code example_format}
     */
    record Invalid(String message, String hint) implements NormalizedValue {
        public Invalid {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(hint, "hint");
        }

        /** Returns this as an {@link ErrorCode#HTTP_TOOL_INVALID_ARGS} error. */
        public ToolError toToolError() {
            return new ToolError(ErrorCode.HTTP_TOOL_INVALID_ARGS, message, hint);
        }
    }
}
