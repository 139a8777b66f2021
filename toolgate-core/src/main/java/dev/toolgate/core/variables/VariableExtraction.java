package dev.toolgate.core.variables;

import dev.toolgate.core.telephony.Locality;
import dev.toolgate.core.tool.ExtractVariableConfig;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Carries out an {@code extract_variable} call: checks the model's {@code value} by the tool's
 * {@code variable_type} ({@link VariableNormalizer}) and stores it as a call variable, through the
 * confirmation flow when the tool has {@code confirmation_enabled}.
 *
 * <p>Arguments (the schema {@code dev.toolgate.core.voice.ToolSchemas} gives the model): {@code value}
 * (string, required; a JSON number is read as its text) and, with confirmation, {@code confirmed} (boolean).
 *
 * <p>Confirmation flow, per call and variable:
 * <ol>
 *   <li>A call without {@code "confirmed": true} checks the value; a valid one becomes <em>pending</em> and
 *       the answer is {@link ExtractionResult.AwaitingConfirmation}: read it back, ask the caller.</li>
 *   <li>A call with {@code "confirmed": true} while a value is pending stores the value given (checked again
 *       when it differs from the pending one, for example after the caller corrected a digit) and drops the
 *       pending value.</li>
 *   <li>{@code "confirmed": true} with nothing pending is treated as step 1: a value is never stored
 *       without having been read back once.</li>
 * </ol>
 * An invalid value never changes what is stored or pending.
 *
 * <p>Thread-safe when the store is.
 */
public final class VariableExtraction {

    private final CallVariables store;
    private final VariableNormalizer normalizer;

    /**
     * @param store where variables are kept
     * @param normalizer checks values
     */
    public VariableExtraction(CallVariables store, VariableNormalizer normalizer) {
        this.store = Objects.requireNonNull(store, "store");
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
    }

    /**
     * Handles one call of an {@code extract_variable} tool.
     *
     * @param callId the voice runtime's call id (the variables' scope)
     * @param config the tool's config
     * @param arguments the model's arguments, an object
     * @param locality the tenant's region and time zone
     * @return stored, awaiting confirmation, or invalid
     */
    public ExtractionResult extract(
            String callId, ExtractVariableConfig config, JsonNode arguments, Locality locality) {
        Objects.requireNonNull(callId, "callId");
        String name = config.variableName();
        JsonNode valueNode = arguments == null ? null : arguments.get("value");
        String raw = valueNode == null || valueNode.isNull()
                ? null
                : valueNode.isString() ? valueNode.stringValue() : valueNode.isNumber() ? valueNode.asString() : null;
        if (raw == null) {
            return new InvalidValue(
                    valueNode == null || valueNode.isNull()
                            ? "The value argument is missing."
                            : "The value argument must be a string.",
                    VariableNormalizer.hint(config));
        }
        String value;
        switch (normalizer.normalize(config, raw, locality)) {
            case NormalizedValue.Valid valid -> value = valid.value();
            case InvalidValue invalid -> {
                return invalid;
            }
        }
        if (!config.confirmationEnabled()) {
            return store(callId, name, value, config);
        }
        JsonNode confirmedNode = arguments.get("confirmed");
        boolean confirmed = confirmedNode != null && confirmedNode.isBoolean() && confirmedNode.booleanValue();
        Optional<String> pending = store.pending(callId, name);
        if (confirmed && pending.isPresent()) {
            return store(callId, name, value, config);
        }
        store.putPending(callId, name, value);
        return new ExtractionResult.AwaitingConfirmation(
                name,
                value,
                "Read the value back to the caller: \"" + value + "\". If they confirm it, call this tool again with"
                        + " the same value and \"confirmed\": true; if not, ask again and call it with the corrected"
                        + " value.");
    }

    private ExtractionResult store(String callId, String name, String value, ExtractVariableConfig config) {
        if (!store.put(callId, name, value)) {
            return new InvalidValue(
                    "This call already holds " + CallVariables.MAX_VARIABLES_PER_CALL
                            + " variables; no more can be stored.",
                    "Continue the conversation without storing " + config.variableName() + ".");
        }
        return new ExtractionResult.Stored(name, value);
    }
}
