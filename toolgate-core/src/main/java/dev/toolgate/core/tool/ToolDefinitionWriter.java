package dev.toolgate.core.tool;

import java.time.Duration;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link ToolDefinition} as JSON in the native shape:
 * {@code {"name", "display_name", "description", "tool_type", "parameters", "config", "is_enabled", "priority"}},
 * with every config field written, defaults included, and absent optional texts as {@code null}. The
 * {@code http_request} {@code timeout} is in seconds (a decimal when not whole), and a {@code play_tone}'s
 * digits are written as {@code dtmf_digit} ({@code null} when the model chooses them).
 *
 * <p>{@code new ToolDefinitionParser(limits).parse(toJson(def, false))} yields {@code def} again (for a
 * definition within those limits). With {@code maskSecrets} the auth {@code token} / {@code value} become
 * {@code "***"}; header and query values are not secrets (a credential in them should be a
 * {@code {{secrets.NAME}}} template) and are written as they are.
 *
 * <p>Stateless and thread-safe.
 */
public final class ToolDefinitionWriter {

    /** The placeholder written instead of a secret. */
    public static final String MASK = HttpFieldRules.MASK;

    /** Creates a writer; it holds no state. */
    public ToolDefinitionWriter() {}

    /**
     * Returns the definition as a new JSON object.
     *
     * @param def the definition
     * @param maskSecrets whether auth tokens and values are replaced by {@value #MASK} (always, for API responses)
     */
    public ObjectNode toJson(ToolDefinition def, boolean maskSecrets) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", def.name());
        json.put("display_name", def.displayName());
        json.put("description", def.description());
        json.put("tool_type", def.type().wireName());
        json.set("parameters", def.parameters().deepCopy());
        json.set("config", config(def.config(), maskSecrets));
        json.put("is_enabled", def.enabled());
        json.put("priority", def.priority());
        return json;
    }

    private static ObjectNode config(ToolConfig config, boolean maskSecrets) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        switch (config) {
            case HttpRequestConfig http -> http(json, http, maskSecrets);
            case TransferCallConfig transfer -> {
                json.put("phone_number", transfer.phoneNumber())
                        .put("transfer_mode", transfer.transferMode())
                        .put("play_hold_music", transfer.playHoldMusic());
                strings(json.putArray("allowed_destinations"), transfer.allowedDestinations());
                json.put("extension", transfer.extension())
                        .put("whisper_message", transfer.whisperMessage())
                        .put("summary", transfer.summary());
            }
            case MonitoredTransferConfig monitored -> {
                json.put("phone_number", monitored.phoneNumber()).put("timeout_seconds", monitored.timeoutSeconds());
                strings(json.putArray("allowed_destinations"), monitored.allowedDestinations());
                json.put("extension", monitored.extension());
            }
            case EndCallConfig endCall -> json.put("goodbye_message", endCall.goodbyeMessage());
            case ExtractVariableConfig extract ->
                json.put("variable_name", extract.variableName())
                        .put("variable_type", extract.variableType())
                        .put("prompt_text", extract.promptText())
                        .put("example_format", extract.exampleFormat())
                        .put("confirmation_enabled", extract.confirmationEnabled())
                        .put("pattern", extract.pattern());
            case PlayToneConfig tone ->
                json.put("tone_type", tone.toneType())
                        .put("dtmf_digit", tone.dtmfDigits())
                        .put("duration", tone.durationMs())
                        .put("volume", tone.volume());
            case KnowledgeBaseConfig knowledge ->
                json.put("top_k", knowledge.topK())
                        .put("similarity_threshold", knowledge.similarityThreshold())
                        .put("bridging_sentence", knowledge.bridgingSentence());
        }
        return json;
    }

    private static void http(ObjectNode json, HttpRequestConfig http, boolean maskSecrets) {
        json.put("url", http.url());
        json.put("method", http.method().name());
        pairs(json.putArray("headers"), http.headers());
        pairs(json.putArray("query_params"), http.queryParams());
        json.put("body_mode", http.bodyMode().wireName());
        ObjectNode auth = json.putObject("auth").put("type", http.auth().type());
        switch (http.auth()) {
            case Auth.None none -> {}
            case Auth.Bearer bearer -> auth.put("token", maskSecrets ? MASK : bearer.token());
            case Auth.Header header ->
                auth.put("header_name", header.headerName()).put("value", maskSecrets ? MASK : header.value());
        }
        writeSeconds(json, "timeout", http.timeout());
        json.put("max_response_bytes", http.maxResponseBytes());
        json.put("speak_during_execution", http.speakDuringExecution());
        json.put("speak_after_execution", http.speakAfterExecution());
        json.put("speak_during_message", http.speakDuringMessage());
        json.put("error_hint", http.errorHint());
        json.put("signature_scheme", http.signatureScheme().wireName());
        if (http.duplicateWindow() == null) {
            json.putNull("duplicate_window");
        } else {
            writeSeconds(json, "duplicate_window", http.duplicateWindow());
        }
        ObjectNode responseVariables = json.putObject("response_variables");
        http.responseVariables().forEach(responseVariables::put);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void pairs(ArrayNode array, List<KeyValue> pairs) {
        for (KeyValue pair : pairs) {
            array.addObject().put("key", pair.key()).put("value", pair.value());
        }
    }

    /** Writes whole seconds as an integer, anything finer as a decimal with millisecond precision. */
    private static void writeSeconds(ObjectNode json, String field, Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0 && millis / 1000 <= Integer.MAX_VALUE) {
            json.put(field, (int) (millis / 1000));
        } else {
            json.put(field, millis / 1000.0);
        }
    }
}
