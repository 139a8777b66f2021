package dev.toolgate.core.voice;

import dev.toolgate.core.telephony.Dtmf;
import dev.toolgate.core.tool.EndCallConfig;
import dev.toolgate.core.tool.ExtractVariableConfig;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.KnowledgeBaseConfig;
import dev.toolgate.core.tool.MonitoredTransferConfig;
import dev.toolgate.core.tool.PlayToneConfig;
import dev.toolgate.core.tool.ToolDefinition;
import dev.toolgate.core.tool.TransferCallConfig;
import dev.toolgate.core.variables.CallVariables;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema (draft 2020-12) of the arguments the model sees for a tool. An {@code http_request}
 * tool's is its own {@code parameters}; the six other types have a fixed shape derived from the config
 * (their stored {@code parameters} are not used), always {@code "type": "object"} with
 * {@code "additionalProperties": false}:
 *
 * <table>
 *   <caption>Arguments per tool type</caption>
 *   <tr><th>type</th><th>properties</th></tr>
 *   <tr><td>{@code transfer_call}, {@code monitored_transfer}</td><td>{@code destination} (string, optional; only
 *       when the config has {@code allowed_destinations}, which the description lists), {@code extension}
 *       (digits, optional; not when the config fixes one and has no alternatives), {@code summary} (string,
 *       optional; warm {@code transfer_call} with {@code summary})</td></tr>
 *   <tr><td>{@code end_call}</td><td>none</td></tr>
 *   <tr><td>{@code extract_variable}</td><td>{@code value} (string, required), {@code confirmed} (boolean,
 *       optional; with {@code confirmation_enabled})</td></tr>
 *   <tr><td>{@code play_tone}</td><td>{@code digits} (DTMF, required; only when the config leaves them open)</td></tr>
 *   <tr><td>{@code knowledge_base}</td><td>{@code query} (string, required)</td></tr>
 * </table>
 *
 * <p>Thread-safe; all methods are static and return fresh nodes.
 */
public final class ToolSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ToolSchemas() {}

    /**
     * Returns the schema of a tool's arguments.
     *
     * @param tool the tool
     * @return a new JSON Schema object
     */
    public static JsonNode forTool(ToolDefinition tool) {
        return switch (tool.config()) {
            case HttpRequestConfig http -> tool.parameters().deepCopy();
            case TransferCallConfig transfer ->
                transferSchema(
                        transfer.allowedDestinations(), transfer.extension(), transfer.warm() && transfer.summary());
            case MonitoredTransferConfig monitored ->
                transferSchema(monitored.allowedDestinations(), monitored.extension(), false);
            case EndCallConfig endCall -> object();
            case ExtractVariableConfig extract -> extractSchema(extract);
            case PlayToneConfig tone -> toneSchema(tone);
            case KnowledgeBaseConfig knowledge -> {
                ObjectNode schema = object();
                properties(schema)
                        .putObject("query")
                        .put("type", "string")
                        .put("minLength", 1)
                        .put("maxLength", 1000)
                        .put("description", "What to look up, in the caller's words.");
                schema.putArray("required").add("query");
                yield schema;
            }
        };
    }

    private static ObjectNode transferSchema(List<String> allowed, String fixedExtension, boolean summary) {
        ObjectNode schema = object();
        ObjectNode properties = properties(schema);
        if (!allowed.isEmpty()) {
            properties
                    .putObject("destination")
                    .put("type", "string")
                    .put("maxLength", 256)
                    .put(
                            "description",
                            "Only if the caller asks for another destination: one of " + String.join(", ", allowed)
                                    + ". Leave out for the default destination.");
        }
        if (fixedExtension == null || !allowed.isEmpty()) {
            properties
                    .putObject("extension")
                    .put("type", "string")
                    .put("pattern", "^[0-9]{1," + CallActions.MAX_MODEL_EXTENSION + "}$")
                    .put(
                            "description",
                            "The extension to dial after the number answers, digits only, if the"
                                    + " caller named one.");
        }
        if (summary) {
            properties
                    .putObject("summary")
                    .put("type", "string")
                    .put("maxLength", CallActions.MAX_SUMMARY)
                    .put(
                            "description",
                            "Two or three sentences for the person taking the call: who is calling"
                                    + " and what they need.");
        }
        return schema;
    }

    private static ObjectNode extractSchema(ExtractVariableConfig config) {
        ObjectNode schema = object();
        ObjectNode properties = properties(schema);
        List<String> description = new ArrayList<>();
        description.add("The caller's " + config.variableName() + " (" + config.variableType() + ")");
        if (config.exampleFormat() != null) {
            description.add("e.g. " + config.exampleFormat());
        }
        properties
                .putObject("value")
                .put("type", "string")
                .put("minLength", 1)
                .put("maxLength", CallVariables.MAX_VALUE_LENGTH)
                .put("description", String.join(", ", description) + ".");
        if (config.confirmationEnabled()) {
            properties
                    .putObject("confirmed")
                    .put("type", "boolean")
                    .put("description", "true only after you read the value back and the caller confirmed it.");
        }
        schema.putArray("required").add("value");
        return schema;
    }

    private static ObjectNode toneSchema(PlayToneConfig config) {
        ObjectNode schema = object();
        if (config.digitsOpen()) {
            properties(schema)
                    .putObject("digits")
                    .put("type", "string")
                    .put("pattern", "^[0-9*#A-DwW]{1," + Dtmf.MAX_SYMBOLS + "}$")
                    .put(
                            "description",
                            "The keys to press: 0-9, *, #, A-D; w waits 0.5 s, W waits 1 s. E.g. " + Dtmf.EXAMPLE
                                    + ".");
            schema.putArray("required").add("digits");
        }
        return schema;
    }

    private static ObjectNode object() {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        schema.putObject("properties");
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode properties(ObjectNode schema) {
        return (ObjectNode) schema.get("properties");
    }
}
