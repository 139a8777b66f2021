package dev.toolgate.core.tool;

import static dev.toolgate.core.tool.SchemaNodes.bool;
import static dev.toolgate.core.tool.SchemaNodes.integer;
import static dev.toolgate.core.tool.SchemaNodes.number;
import static dev.toolgate.core.tool.SchemaNodes.object;
import static dev.toolgate.core.tool.SchemaNodes.oneOf;
import static dev.toolgate.core.tool.SchemaNodes.pattern;
import static dev.toolgate.core.tool.SchemaNodes.string;
import static dev.toolgate.core.tool.SchemaNodes.text;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas (draft 2020-12, the dialect of OpenAPI 3.1) of the tool bodies {@link ToolDefinitionParser} accepts in
 * their native shape, one per {@link ToolType}, written from the same constants and defaults the parsers apply. They
 * document the API; the parser stays the judge: it also checks what these schemas do not say (the header names
 * Toolgate reserves, template syntax, the {@code parameters} JSON Schema itself, URL parsing).
 *
 * <p>A JSON {@code null} counts as absent, so every optional field also admits {@code null}. Responses carry the same
 * config fields, each written with its default filled in ({@link ToolDefinitionWriter}).
 */
public final class ToolSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ToolSchemas() {}

    /**
     * Returns the schema of the {@code config} object of a tool of {@code type}.
     *
     * @param type the tool type
     * @param limits the deployment limits a {@code http_request} {@code timeout} and {@code max_response_bytes} are
     *     checked against (and default to)
     * @return a new {@code {"type": "object", "properties": ..., "required": ..., "additionalProperties": false}}
     */
    public static ObjectNode config(ToolType type, ToolLimits limits) {
        Objects.requireNonNull(limits, "limits");
        ObjectNode schema = object("The " + type.wireName() + " configuration.");
        ObjectNode p = schema.putObject("properties");
        switch (type) {
            case HTTP_REQUEST -> HttpConfigSchema.properties(p, limits);
            case TRANSFER_CALL -> {
                p.set("phone_number", phone());
                p.set(
                        "transfer_mode",
                        oneOf(
                                TransferConfigParsers.TRANSFER_MODES,
                                "cold",
                                "cold: at once; warm: the agent stays on."));
                p.set("play_hold_music", bool(false, "Whether hold music plays while transferring."));
                p.set("allowed_destinations", destinations());
                p.set(
                        "extension",
                        nullable(pattern("^[0-9]{1,10}$", "123", "Digits dialled once connected (numbers only).")));
                p.set("whisper_message", text(ActionConfigParsers.MAX_SPOKEN_TEXT, "Said to the target (warm only)."));
                p.set("summary", bool(false, "Whether the agent summarises the call to the target (warm only)."));
            }
            case MONITORED_TRANSFER -> {
                p.set("phone_number", phone());
                p.set(
                        "timeout_seconds",
                        integer(
                                TransferConfigParsers.MIN_MONITOR_TIMEOUT_SECONDS,
                                TransferConfigParsers.MAX_MONITOR_TIMEOUT_SECONDS,
                                TransferConfigParsers.DEFAULT_MONITOR_TIMEOUT_SECONDS,
                                "Seconds it may ring before the AI takes the call back."));
                p.set("allowed_destinations", destinations());
                p.set(
                        "extension",
                        nullable(pattern("^[0-9]{1,10}$", "123", "Digits dialled once connected (numbers only).")));
            }
            case END_CALL ->
                p.set("goodbye_message", text(ActionConfigParsers.MAX_SPOKEN_TEXT, "Said before hanging up."));
            case EXTRACT_VARIABLE -> {
                p.set(
                        "variable_name",
                        pattern(
                                ActionConfigParsers.VARIABLE_NAME.pattern(),
                                "customer_email",
                                "Becomes {{vars.NAME}}."));
                p.set("variable_type", oneOf(ActionConfigParsers.VARIABLE_TYPES, null, "The kind of value."));
                p.set("prompt_text", text(ActionConfigParsers.MAX_PROMPT_TEXT, "What the agent asks."));
                p.set("example_format", text(ActionConfigParsers.MAX_EXAMPLE_FORMAT, "An example for the model."));
                p.set("confirmation_enabled", bool(false, "Whether the caller confirms the value."));
                p.set(
                        "pattern",
                        text(
                                CustomPatterns.MAX_LENGTH,
                                "For variable_type custom: a pattern the value must match (RE2 syntax, linear time)."));
            }
            case PLAY_TONE -> {
                p.set("tone_type", oneOf(ActionConfigParsers.TONE_TYPES, "dtmf", "The tone family."));
                String dtmf = "^[0-9*#A-DwW]{1," + dev.toolgate.core.telephony.Dtmf.MAX_SYMBOLS + "}$";
                p.set("dtmf_digit", pattern(dtmf, "1", "The DTMF digits to play; this or digits is required."));
                p.set("digits", pattern(dtmf, "0#", "Another name for dtmf_digit; give one of the two."));
                p.set(
                        "duration",
                        integer(
                                ActionConfigParsers.MIN_TONE_DURATION_MS,
                                ActionConfigParsers.MAX_TONE_DURATION_MS,
                                dev.toolgate.core.telephony.Dtmf.DEFAULT_DURATION_MS,
                                "Milliseconds per tone."));
                p.set("volume", number(0, 1, dev.toolgate.core.telephony.Dtmf.DEFAULT_VOLUME, "From 0.0 to 1.0."));
            }
            case KNOWLEDGE_BASE -> {
                p.set(
                        "top_k",
                        integer(
                                1,
                                ActionConfigParsers.MAX_TOP_K,
                                ActionConfigParsers.DEFAULT_TOP_K,
                                "Chunks to fetch."));
                p.set(
                        "similarity_threshold",
                        number(0, 1, ActionConfigParsers.DEFAULT_SIMILARITY_THRESHOLD, "The lowest similarity kept."));
                p.set("bridging_sentence", text(ActionConfigParsers.MAX_BRIDGING_SENTENCE, "Said while searching."));
            }
        }
        ArrayNode required = schema.putArray("required");
        switch (type) {
            case HTTP_REQUEST -> required.add("url");
            case TRANSFER_CALL, MONITORED_TRANSFER -> required.add("phone_number");
            case EXTRACT_VARIABLE -> required.add("variable_name").add("variable_type");
            case END_CALL, PLAY_TONE, KNOWLEDGE_BASE -> {}
        }
        return schema;
    }

    /**
     * Returns the schema of a whole tool body of {@code type}: {@code name}, {@code display_name}, {@code description},
     * {@code tool_type} (this type only), {@code parameters}, {@code config}, {@code is_enabled}, {@code priority}.
     *
     * @param type the tool type
     * @param config the schema of the {@code config} field, e.g. {@link #config} or a reference to it
     * @return a new object schema
     */
    public static ObjectNode tool(ToolType type, JsonNode config) {
        ObjectNode schema = object("A " + type.wireName() + " tool.");
        ObjectNode p = schema.putObject("properties");
        p.set(
                "name",
                pattern(
                        ToolDefinition.NAME_PATTERN.pattern(),
                        "lookup_customer",
                        "The function name the model calls; unique per agent."));
        p.set("display_name", text(ToolDefinitionParser.MAX_DISPLAY_NAME, "A name for people."));
        ObjectNode description = string("The text the model reads to decide when to call the tool; not blank.");
        description.put("minLength", 1).put("maxLength", ToolDefinitionParser.MAX_DESCRIPTION);
        p.set("description", description);
        ObjectNode toolType = string("The tool type.");
        toolType.put("const", type.wireName());
        p.set("tool_type", toolType);
        ObjectNode parameters = object("A JSON Schema of \"type\": \"object\" for the model's arguments.");
        parameters.put("additionalProperties", true); // any JSON Schema keyword
        parameters.putObject("default").put("type", "object").putObject("properties");
        p.set("parameters", parameters);
        p.set("config", config.deepCopy());
        p.set("is_enabled", bool(true, "Whether the tool is exported to the model and may be invoked."));
        p.set("priority", integer(0, ToolDefinitionParser.MAX_PRIORITY, 0, "Export order, lowest first."));
        ArrayNode required =
                schema.putArray("required").add("name").add("description").add("tool_type");
        if (!ToolDefinitionParser.configOptional(type)) {
            required.add("config");
        }
        return schema;
    }

    private static ObjectNode nullable(ObjectNode schema) {
        schema.set("type", NODES.arrayNode().add(schema.get("type").asString()).add("null"));
        return schema;
    }

    private static ObjectNode destinations() {
        ObjectNode array = NODES.objectNode()
                .put("type", "array")
                .put(
                        "description",
                        "Other targets the model may name (E.164 numbers or SIP URIs); any other is refused.");
        array.set("items", phone());
        array.put("maxItems", TransferConfigParsers.MAX_ALLOWED_DESTINATIONS);
        return array;
    }

    private static ObjectNode phone() {
        return pattern("^(\\+[1-9][0-9]{6,14}|sips?:.+)$", "+4930999888", "The target: an E.164 number or a SIP URI.");
    }
}
