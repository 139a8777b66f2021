package dev.toolgate.core.args;

import dev.toolgate.core.error.ToolError;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@link ArgumentParser#parse} made of the model's raw arguments: a JSON object, or an
 * {@code HTTP_TOOL_INVALID_ARGS} error saying why there is none.
 */
public sealed interface ArgumentParseResult permits ArgumentParseResult.Parsed, ArgumentParseResult.Invalid {

    /**
     * The arguments are a JSON object (possibly empty). Not yet checked against the tool's schema.
     *
     * @param arguments the arguments; a fresh node the caller may keep, never null
     */
    record Parsed(ObjectNode arguments) implements ArgumentParseResult {
        /** Checks that {@code arguments} is present. */
        public Parsed {
            Objects.requireNonNull(arguments, "arguments");
        }
    }

    /**
     * The arguments are not a JSON object (malformed JSON text, or JSON of another type), or they break an
     * {@link ArgumentLimits} limit.
     *
     * @param error an {@code HTTP_TOOL_INVALID_ARGS} error whose message says what was wrong
     * @param overLimit true when the arguments are larger or deeper than the limits: they must then not be kept
     *     anywhere (invocation record, duplicate-call cache)
     */
    record Invalid(ToolError error, boolean overLimit) implements ArgumentParseResult {
        /** Checks that {@code error} is present. */
        public Invalid {
            Objects.requireNonNull(error, "error");
        }

        /** Arguments that are within the limits but not a JSON object. */
        public Invalid(ToolError error) {
            this(error, false);
        }
    }
}
