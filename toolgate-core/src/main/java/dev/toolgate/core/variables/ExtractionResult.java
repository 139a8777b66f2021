package dev.toolgate.core.variables;

import java.util.Objects;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outcome of one {@code extract_variable} call (see {@link VariableExtraction}).
 *
 * <ul>
 *   <li>{@link Stored}: the variable is set; the model continues.</li>
 *   <li>{@link AwaitingConfirmation}: the value is valid and pending; the model reads it back to the caller
 *       and calls the tool again with {@code "confirmed": true}.</li>
 *   <li>{@link InvalidValue}: nothing was stored; the model asks the caller again ({@code HTTP_TOOL_INVALID_ARGS}).</li>
 * </ul>
 */
public sealed interface ExtractionResult
        permits ExtractionResult.Stored, ExtractionResult.AwaitingConfirmation, InvalidValue {

    /**
     * The variable was stored.
     *
     * @param variable the variable name
     * @param value the normalized value
     */
    record Stored(String variable, String value) implements ExtractionResult {
        public Stored {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(value, "value");
        }

        /** Returns what the model reads: {@code {"status": "ok", "variable": NAME, "value": VALUE, "stored": true}}. */
        public ObjectNode content() {
            return JsonNodeFactory.instance
                    .objectNode()
                    .put("status", "ok")
                    .put("variable", variable)
                    .put("value", value)
                    .put("stored", true);
        }
    }

    /**
     * The value is valid and waits for the caller's confirmation.
     *
     * @param variable the variable name
     * @param value the normalized value, to be read back
     * @param instruction what the model should do now
     */
    record AwaitingConfirmation(String variable, String value, String instruction) implements ExtractionResult {
        public AwaitingConfirmation {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(instruction, "instruction");
        }

        /**
         * Returns what the model reads: {@code {"status": "confirm", "variable": NAME, "value": VALUE,
         * "stored": false, "instruction": TEXT}}.
         */
        public ObjectNode content() {
            return JsonNodeFactory.instance
                    .objectNode()
                    .put("status", "confirm")
                    .put("variable", variable)
                    .put("value", value)
                    .put("stored", false)
                    .put("instruction", instruction);
        }
    }
}
