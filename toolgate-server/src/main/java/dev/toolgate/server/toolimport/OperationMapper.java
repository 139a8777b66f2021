package dev.toolgate.server.toolimport;

import dev.toolgate.core.http.ReservedHeaders;
import dev.toolgate.core.tool.ToolDefinitionParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps one OpenAPI operation to the JSON of an {@code http_request} tool as the tool API takes it
 * (docs/openapi-import.md, "Mapping"), in {@code body_mode: arguments}:
 *
 * <ul>
 *   <li>path parameters → {@code {{args.NAME}}} segments of {@code config.url} (always required);</li>
 *   <li>query parameters → arguments (sent as the query of a GET or DELETE), or {@code query_params} entries
 *       {@code {{args.NAME}}} when the method sends a body or the name needs renaming;</li>
 *   <li>header parameters → {@code headers} entries {@code {{args.NAME}}};</li>
 *   <li>a JSON object request body → its properties as arguments (sent as the body);</li>
 *   <li>security → {@code auth} ({@link SecurityMapping}).</li>
 * </ul>
 * What does not map becomes an {@link ImportWarning}; the result is not yet checked by the tool rules.
 */
final class OperationMapper {

    /** The methods a tool sends. */
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    /** The methods OpenAPI knows that a tool does not send. */
    static final List<String> OTHER_METHODS = List.of("head", "options", "trace");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^{}/]+)}");

    private final JsonNode document;
    private final String baseUrl;
    private final int maxDescriptionChars;

    /**
     * One operation mapped.
     *
     * @param label how warnings name it, {@code GET /pets/{id} (getPet)}
     * @param tool the tool JSON, or null when the operation makes no tool
     * @param secrets the tenant secrets its auth refers to
     * @param warnings what did not map
     */
    record Mapped(String label, ObjectNode tool, Set<String> secrets, List<ImportWarning> warnings) {}

    /**
     * @param document the OpenAPI 3 document ({@link OpenApiDocuments.Read#document()})
     * @param baseUrl the https base URL operations' paths are appended to, without a trailing {@code /}
     * @param maxDescriptionChars the longest description inside {@code parameters}
     */
    OperationMapper(JsonNode document, String baseUrl, int maxDescriptionChars) {
        this.document = document;
        this.baseUrl = baseUrl;
        this.maxDescriptionChars = maxDescriptionChars;
    }

    /** Returns how warnings name an operation: {@code GET /pets/{id} (getPet)}. */
    static String label(String method, String path, JsonNode operation) {
        String id = operation.path("operationId").asString("");
        return method.toUpperCase(Locale.ROOT) + " " + path + (id.isBlank() ? "" : " (" + id + ")");
    }

    Mapped map(String path, JsonNode pathItem, String method, JsonNode operation) {
        String label = label(method, path, operation);
        List<ImportWarning> warnings = new ArrayList<>();
        Set<ImportWarning.Code> losses = new LinkedHashSet<>();
        SchemaConverter schemas = new SchemaConverter(document, maxDescriptionChars, losses::add);
        Set<String> taken = new HashSet<>();
        ObjectNode properties = NODES.objectNode();
        List<String> required = new ArrayList<>();
        ObjectNode parametersExtra = NODES.objectNode();

        if (!RequestBodies.map(
                method,
                operation,
                schemas,
                new RequestBodies.Target(properties, required, parametersExtra, taken),
                label,
                warnings)) {
            return new Mapped(label, null, Set.of(), warnings);
        }
        SecurityMapping.Result security = SecurityMapping.map(document, operation, label, warnings);
        String authHeader = authHeader(security.auth());
        Map<String, JsonNode> parameters = parameters(pathItem, operation, schemas);
        Map<String, String> pathArguments = new LinkedHashMap<>();
        ArrayNode headers = NODES.arrayNode();
        ArrayNode query = NODES.arrayNode();
        boolean bodyMethod = !method.equals("get") && !method.equals("delete");
        for (JsonNode parameter : parameters.values()) {
            String name = parameter.path("name").asString("");
            String in = parameter.path("in").asString("");
            ObjectNode schema = parameterSchema(parameter, schemas);
            switch (in) {
                case "path" -> {
                    String argument = argument(name, taken, label, warnings, false);
                    pathArguments.put(name, argument);
                    properties.set(argument, schema);
                    required.add(argument);
                }
                case "query" -> {
                    boolean plain = !bodyMethod && Names.isName(name) && !taken.contains(name);
                    String argument = argument(name, taken, label, warnings, !bodyMethod);
                    if (!plain) {
                        query.addObject().put("key", name).put("value", "{{args." + argument + "}}");
                    }
                    String type = schemas.convert(parameter.path("schema"), 2)
                            .path("type")
                            .asString("");
                    if (type.equals("array") || type.equals("object")) {
                        warnings.add(ImportWarning.of(
                                ImportWarning.Code.QUERY_SERIALIZATION,
                                label,
                                "query parameter '" + name + "' is an " + type + ": it is sent as JSON text" + " (?"
                                        + name + "=[\"a\",\"b\"]), not in the document's style"));
                    }
                    properties.set(argument, schema);
                    if (parameter.path("required").asBoolean(false)) {
                        required.add(argument);
                    }
                }
                case "header" -> {
                    if (ReservedHeaders.isReserved(name)
                            || name.equalsIgnoreCase("Authorization")
                            || name.equalsIgnoreCase("Accept")
                            || name.equalsIgnoreCase(authHeader)) {
                        warnings.add(ImportWarning.of(
                                ImportWarning.Code.RESERVED_HEADER,
                                label,
                                "header parameter '" + name + "' is set by Toolgate or by the tool's auth; it is"
                                        + " not sent"));
                        continue;
                    }
                    String argument = argument(name, taken, label, warnings, false);
                    headers.addObject().put("key", name).put("value", "{{args." + argument + "}}");
                    properties.set(argument, schema);
                    if (parameter.path("required").asBoolean(false)) {
                        required.add(argument);
                    }
                }
                default ->
                    warnings.add(ImportWarning.of(
                            ImportWarning.Code.COOKIE_PARAMETER,
                            label,
                            "parameter '" + name + "' in " + (in.isEmpty() ? "an unknown place" : in)
                                    + " is not sent: a tool sends no cookies"));
            }
        }
        String url = url(path, pathArguments, label, warnings);
        if (url == null) {
            return new Mapped(label, null, Set.of(), warnings);
        }
        security.queryParams().forEach(query::add);
        for (ImportWarning.Code loss : losses) {
            warnings.add(ImportWarning.of(loss, label, lossMessage(loss)));
        }

        ObjectNode tool = NODES.objectNode();
        tool.put("name", OperationText.name(method, path, operation));
        String summary = operation.path("summary").asString("").strip();
        if (!summary.isEmpty()) {
            tool.put("display_name", Descriptions.cut(summary, ToolDefinitionParser.MAX_DISPLAY_NAME));
        }
        tool.put("description", OperationText.description(method, path, operation, label, warnings));
        tool.put("tool_type", "http_request");
        ObjectNode schema = tool.putObject("parameters");
        schema.put("type", "object");
        schema.set("properties", properties);
        if (!required.isEmpty()) {
            ArrayNode list = schema.putArray("required");
            new LinkedHashSet<>(required).forEach(list::add);
        }
        schema.setAll(parametersExtra);
        ObjectNode config = tool.putObject("config");
        config.put("url", url);
        config.put("method", method.toUpperCase(Locale.ROOT));
        config.put("body_mode", "arguments");
        if (!headers.isEmpty()) {
            config.set("headers", headers);
        }
        if (!query.isEmpty()) {
            config.set("query_params", query);
        }
        if (security.auth() != null) {
            config.set("auth", security.auth());
        }
        return new Mapped(label, tool, security.secrets(), warnings);
    }

    /** Returns the header the auth sends, or null. */
    private static String authHeader(ObjectNode auth) {
        if (auth == null) {
            return null;
        }
        return auth.path("type").asString("").equals("bearer")
                ? "Authorization"
                : auth.path("header_name").asString(null);
    }

    /** Path-level parameters, then the operation's, which win for the same {@code in} and {@code name}. */
    private static Map<String, JsonNode> parameters(JsonNode pathItem, JsonNode operation, SchemaConverter schemas) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : list) {
                JsonNode resolved = schemas.resolve(parameter, 0);
                if (resolved != null && resolved.path("name").isString()) {
                    result.put(
                            resolved.path("in").asString("") + "\n"
                                    + resolved.path("name").stringValue(),
                            resolved);
                }
            }
        }
        return result;
    }

    private ObjectNode parameterSchema(JsonNode parameter, SchemaConverter schemas) {
        JsonNode source = parameter.path("schema");
        if (!source.isObject()) {
            // a parameter may describe its value by content (one media type) instead of schema
            for (JsonNode media : parameter.path("content")) {
                source = media.path("schema");
                break;
            }
        }
        ObjectNode schema = schemas.convert(source, 2);
        String description = parameter.path("description").asString("").strip();
        if (!description.isEmpty() && !schema.has("description")) {
            schema.put("description", Descriptions.cut(description, maxDescriptionChars));
        }
        return schema;
    }

    /**
     * Claims an argument name for parameter {@code name}: the name itself when it is valid and free, else a sanitized,
     * unique one ({@code renamed_parameter}, unless the rename is invisible because it travels by template anyway).
     */
    private static String argument(
            String name, Set<String> taken, String label, List<ImportWarning> warnings, boolean warnOnRename) {
        String argument = Names.unique(Names.sanitize(name, "param"), taken);
        if (!argument.equals(name) && warnOnRename) {
            warnings.add(ImportWarning.of(
                    ImportWarning.Code.RENAMED_PARAMETER,
                    label,
                    "parameter '" + name + "' is the argument '" + argument + "', sent under its own name"));
        }
        return argument;
    }

    /** Returns the tool URL, or null when a path template is not a whole segment (the warning is recorded). */
    private String url(String path, Map<String, String> pathArguments, String label, List<ImportWarning> warnings) {
        StringBuilder url = new StringBuilder(baseUrl);
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() && url.length() == baseUrl.length()) {
                continue;
            }
            Matcher matcher = PATH_PARAMETER.matcher(segment);
            if (matcher.matches() && pathArguments.containsKey(matcher.group(1))) {
                url.append("/{{args.")
                        .append(pathArguments.get(matcher.group(1)))
                        .append("}}");
            } else if (segment.contains("{") || segment.contains("}")) {
                warnings.add(
                        ImportWarning.of(
                                ImportWarning.Code.UNSUPPORTED_PATH,
                                label,
                                "path segment '" + segment + "' is not one whole {parameter} (or names no path"
                                        + " parameter); an argument may fill only a whole segment: the operation made no tool"));
                return null;
            } else {
                url.append('/').append(segment);
            }
        }
        return url.toString();
    }

    private static String lossMessage(ImportWarning.Code loss) {
        return switch (loss) {
            case SCHEMA_CUT ->
                "a schema refers to itself or nests deeper than " + SchemaConverter.MAX_DEPTH
                        + " levels: that part accepts any value";
            case PATTERN_DROPPED ->
                "a pattern uses lookaround, backreferences or too large a repetition, which the linear-time regex"
                        + " engine does not run: it was dropped";
            default -> loss.wireName();
        };
    }
}
