package dev.toolgate.core.tool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a submitted tool (a REST body) into a checked {@link ToolDefinition}, reporting every problem at once.
 *
 * <p>Two shapes are accepted:
 * <ul>
 *   <li>The native shape: {@code name} (required, {@code ^[a-zA-Z0-9_-]{1,64}$}), {@code display_name}
 *       (≤ 255), {@code description} (required, non-blank, ≤ 2,000), {@code tool_type} (required, one of the
 *       seven wire names), {@code parameters} (JSON Schema, default {@code {"type":"object","properties":{}}},
 *       see {@link ParametersSchemaCheck}), {@code config} (per type; optional only for {@code end_call},
 *       {@code knowledge_base} and {@code play_tone}, whose fields all have defaults), {@code is_enabled} (default true),
 *       {@code priority} (0–10,000, default 0);</li>
 *   <li>AssemblyAI's: the same fields but, instead of {@code tool_type} and {@code config}, an
 *       {@code http} block plus {@code timeout_seconds} and {@code execution_mode}; it always makes an
 *       {@code http_request} tool (see {@code AssemblyAiForm}).</li>
 * </ul>
 * Unknown fields are errors, so a typo is never silently dropped. Read-only fields of a stored tool
 * ({@code id}, {@code agent_id}, {@code created_at}, {@code updated_at}) are errors too: the caller strips
 * them when it accepts a GET response sent back.
 *
 * <p>Error paths name the submitted field: {@code name}, {@code config.url}, {@code config.headers[2].key},
 * {@code parameters.properties.city.type}, {@code http.url}; {@code body} when the body is not an object.
 *
 * <p>Thread-safe and stateless apart from its limits: one instance may serve all requests.
 */
public final class ToolDefinitionParser {

    /** The highest {@code priority}. */
    public static final int MAX_PRIORITY = 10_000;

    /** The longest {@code description}, in characters (Unicode code points). */
    public static final int MAX_DESCRIPTION = 2_000;

    /** The longest {@code display_name}, in characters (Unicode code points). */
    public static final int MAX_DISPLAY_NAME = 255;

    private static final List<String> FIELDS = List.of(
            "name", "display_name", "description", "tool_type", "parameters", "config", "is_enabled", "priority");
    private static final List<String> READ_ONLY_FIELDS = List.of("id", "agent_id", "created_at", "updated_at");

    private final ParametersSchemaCheck schemaCheck;
    private final HttpConfigParser httpParser;
    private final ToolDefinitionWriter writer = new ToolDefinitionWriter();

    /**
     * Creates a parser for one deployment's limits; loads the bundled JSON Schema meta-schemas.
     *
     * @param limits the deployment limits {@code timeout}, {@code max_response_bytes} and {@code parameters}
     *     (size, depth, descriptions) are checked against, and the defaults of a new {@code http_request} tool
     * @throws NullPointerException if {@code limits} is null
     */
    public ToolDefinitionParser(ToolLimits limits) {
        this.httpParser = new HttpConfigParser(Objects.requireNonNull(limits, "limits"));
        this.schemaCheck = new ParametersSchemaCheck(limits);
    }

    /**
     * Checks a tool to be created.
     *
     * @param body the submitted JSON; any value (a non-object yields one error at {@code body})
     * @return {@link ParseResult.Valid} with defaults filled in, or {@link ParseResult.Invalid} listing every problem
     */
    public ParseResult parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            return new ParseResult.Invalid(List.of(new FieldError("body", "must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        boolean assemblyAi = body.has("http");
        List<String> known = assemblyAi
                ? Stream.concat(FIELDS.stream(), AssemblyAiForm.TOP_LEVEL_FIELDS.stream())
                        .toList()
                : FIELDS;
        FieldReader top = new FieldReader(body, "", errors, known, "a tool");
        String name =
                top.checkPattern("name", top.requiredString("name"), ToolDefinition.NAME_PATTERN, "lookup_customer");
        String displayName = top.checkMaxLength("display_name", top.optionalString("display_name"), MAX_DISPLAY_NAME);
        String description = description(top);
        JsonNode parameters = parameters(top);
        Boolean enabled = top.optionalBoolean("is_enabled");
        Long priority = top.optionalInteger("priority", 0, MAX_PRIORITY);
        ToolConfig config = assemblyAi ? assemblyAiConfig(top) : typedConfig(top);
        misplacedFields(top, assemblyAi);
        pathArgumentsDeclared(top, parameters, config, assemblyAi ? "http.url" : "config.url");
        top.rejectUnknown();
        if (!errors.isEmpty()) {
            return new ParseResult.Invalid(errors);
        }
        return new ParseResult.Valid(ToolDefinition.builder(name, description, parameters, config)
                .displayName(displayName)
                .enabled(enabled == null || enabled)
                .priority(priority == null ? 0 : priority.intValue())
                .build());
    }

    /**
     * Checks a PATCH of a stored tool. Top-level fields present in {@code patch} replace the stored ones (a
     * {@code null} resets a field to its default, or is an error for a required field). A {@code config}
     * object is merged over the stored config key by key (JSON Merge Patch, RFC 7396) unless the patch
     * changes {@code tool_type}, in which case it replaces it. An {@code http} block (AssemblyAI form)
     * replaces the whole config. Where the stored tool has a secret, the mask {@code "***"} sent back keeps it:
     * {@code config.auth.token}, {@code config.auth.value}, and in an {@code http} block an
     * {@code Authorization} (or the auth header's) value of {@code "***"} or {@code "Bearer ***"}.
     * The result is re-checked whole, against the current limits.
     *
     * @param existing the stored definition
     * @param patch the submitted JSON; any value (a non-object yields one error at {@code body})
     * @return the patched definition, or every problem of the patched result
     */
    public ParseResult patch(ToolDefinition existing, JsonNode patch) {
        Objects.requireNonNull(existing, "existing");
        if (patch == null || !patch.isObject()) {
            return new ParseResult.Invalid(List.of(new FieldError("body", "must be a JSON object")));
        }
        ObjectNode current = writer.toJson(existing, false);
        return parse(ToolPatch.merge(existing, current, patch));
    }

    private static String description(FieldReader top) {
        String description = top.requiredString("description");
        if (description != null && description.isBlank()) {
            top.error("description", "must not be blank");
            return null;
        }
        return top.checkMaxLength("description", description, MAX_DESCRIPTION);
    }

    private JsonNode parameters(FieldReader top) {
        JsonNode parameters = top.node("parameters");
        if (parameters == null) {
            ObjectNode empty = JsonNodeFactory.instance.objectNode();
            empty.put("type", "object");
            empty.putObject("properties");
            return empty;
        }
        List<FieldError> problems = schemaCheck.check(parameters, "parameters");
        top.errors().addAll(problems);
        return problems.isEmpty() ? parameters.deepCopy() : null;
    }

    private ToolConfig typedConfig(FieldReader top) {
        String typeName = top.requiredString("tool_type");
        ToolType type = null;
        if (typeName != null) {
            type = Arrays.stream(ToolType.values())
                    .filter(t -> t.wireName().equals(typeName))
                    .findFirst()
                    .orElse(null);
            if (type == null) {
                top.error(
                        "tool_type",
                        "must be one of "
                                + String.join(
                                        ", ",
                                        Arrays.stream(ToolType.values())
                                                .map(ToolType::wireName)
                                                .toList()));
            }
        }
        JsonNode config = top.node("config");
        if (type == null) {
            return null;
        }
        if (config == null) {
            if (!configOptional(type)) {
                top.error("config", "is required for tool_type " + type.wireName());
                return null;
            }
            config = JsonNodeFactory.instance.objectNode();
        } else if (!config.isObject()) {
            top.error("config", "must be an object");
            return null;
        }
        List<FieldError> errors = top.errors();
        return switch (type) {
            case HTTP_REQUEST -> httpParser.parse(config, "config", errors);
            case TRANSFER_CALL -> TransferConfigParsers.transferCall(config, "config", errors);
            case MONITORED_TRANSFER -> TransferConfigParsers.monitoredTransfer(config, "config", errors);
            case END_CALL -> ActionConfigParsers.endCall(config, "config", errors);
            case EXTRACT_VARIABLE -> ActionConfigParsers.extractVariable(config, "config", errors);
            case PLAY_TONE -> ActionConfigParsers.playTone(config, "config", errors);
            case KNOWLEDGE_BASE -> ActionConfigParsers.knowledgeBase(config, "config", errors);
        };
    }

    /** Returns whether every config field of {@code type} has a default, so {@code config} may be left out. */
    static boolean configOptional(ToolType type) {
        return switch (type) {
            case END_CALL, KNOWLEDGE_BASE, PLAY_TONE -> true;
            case HTTP_REQUEST, TRANSFER_CALL, MONITORED_TRANSFER, EXTRACT_VARIABLE -> false;
        };
    }

    private ToolConfig assemblyAiConfig(FieldReader top) {
        String typeName = top.optionalString("tool_type");
        if (typeName != null && !typeName.equals(ToolType.HTTP_REQUEST.wireName())) {
            top.error(
                    "tool_type",
                    "must be http_request or left out: an http block (AssemblyAI form) always makes an"
                            + " http_request tool");
        }
        if (top.has("config")) {
            top.error(
                    "config",
                    "cannot be combined with an http block: use either the AssemblyAI form (http) or"
                            + " tool_type + config");
        }
        return AssemblyAiForm.parse(top, httpParser);
    }

    /**
     * Records an error for each argument that fills a URL path segment ({@link UrlTemplate}) but is not a
     * {@code required} property of {@code parameters}: without it the call could never render.
     */
    private static void pathArgumentsDeclared(FieldReader top, JsonNode parameters, ToolConfig config, String path) {
        if (parameters == null || !(config instanceof HttpRequestConfig http)) {
            return;
        }
        JsonNode properties = parameters.path("properties");
        JsonNode required = parameters.path("required");
        for (String name : UrlTemplate.argumentNames(http.url())) {
            boolean isRequired = false;
            for (JsonNode entry : required) {
                isRequired |= entry.isString() && entry.stringValue().equals(name);
            }
            if (!properties.has(name) || !isRequired) {
                top.errors()
                        .add(new FieldError(
                                path,
                                "fills a path segment with {{args." + name + "}}: parameters must declare " + name
                                        + " as a required property"));
            }
        }
    }

    private static void misplacedFields(FieldReader top, boolean assemblyAi) {
        for (String field : READ_ONLY_FIELDS) {
            if (top.has(field)) {
                top.error(field, "is read-only: Toolgate sets it");
            }
        }
        if (assemblyAi) {
            return;
        }
        if (top.has("timeout_seconds")) {
            top.error(
                    "timeout_seconds",
                    "belongs to the AssemblyAI form and needs an http block; with tool_type and"
                            + " config, use config.timeout");
        }
        if (top.has("execution_mode")) {
            top.error("execution_mode", "belongs to the AssemblyAI form and needs an http block");
        }
    }
}
