package dev.toolgate.server.toolimport;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an OpenAPI document (OpenAPI 3.0, 3.1, or Swagger 2.0 converted to OpenAPI 3) with swagger-parser and hands
 * it back as one plain JSON tree in OpenAPI 3 form, so the rest of the import never sees swagger-parser's models or
 * its Jackson 2 types (they stay inside this class).
 *
 * <p>Before swagger-parser sees a document, every {@code $ref} must be local ({@code #/...}): a reference to another
 * file or a URL is refused, so reading a document never reads a file of this server or fetches anything
 * ({@link #externalReference}).
 *
 * <p>Thread-safe: a parser is made per call.
 */
final class OpenApiDocuments {

    /** The most parser messages passed on as warnings or as the reason of a refusal. */
    static final int MAX_MESSAGES = 20;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Keys whose values are data (examples, defaults, extensions): a {@code $ref} key inside is not a reference. */
    private static final List<String> DATA_KEYS = List.of("example", "examples", "default", "enum", "const");

    private OpenApiDocuments() {}

    /**
     * A document read.
     *
     * @param document the OpenAPI 3 document as JSON ({@code openapi}, {@code servers}, {@code paths}, ...); local
     *     {@code $ref}s are left in place, to be followed with {@link JsonNode#at(String)}
     * @param version the version the document was written in: {@code 2.0}, {@code 3.0.x} or {@code 3.1.x}
     * @param messages what swagger-parser reported while reading it (at most {@link #MAX_MESSAGES})
     */
    record Read(JsonNode document, String version, List<String> messages) {}

    /**
     * Reads a document given as JSON or YAML text.
     *
     * @throws DocumentException when the text is neither, or {@link #read(JsonNode)} refuses the tree
     */
    static Read read(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new DocumentException("the document is empty");
        }
        JsonNode tree;
        try {
            if (trimmed.startsWith("{")) {
                tree = JSON.readTree(trimmed);
            } else {
                // YAML goes through swagger's mapper (SnakeYAML with its alias and size limits), then to JSON text
                tree = JSON.readTree(
                        Json.mapper().writeValueAsString(Yaml.mapper().readTree(trimmed)));
            }
        } catch (JacksonException | com.fasterxml.jackson.core.JacksonException e) {
            throw new DocumentException("the document is neither JSON nor YAML: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            // SnakeYAML's own limits (aliases, size, nesting) throw its exceptions, not Jackson's
            throw new DocumentException("the document cannot be read as YAML: " + firstLine(e.getMessage()));
        }
        return read(tree);
    }

    /**
     * Reads a document given as a JSON tree.
     *
     * @throws DocumentException when it is not an object with {@code openapi} (3.x) or {@code swagger} (2.0), holds a
     *     non-local {@code $ref}, or swagger-parser cannot make an OpenAPI 3 model of it (its messages are the reason)
     */
    static Read read(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new DocumentException("the document must be an OpenAPI object (JSON or YAML), not "
                    + (tree == null ? "nothing" : tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        String version = version(tree);
        String external = externalReference(tree, "#");
        if (external != null) {
            throw new DocumentException("the document refers to another document (" + external
                    + "): only local references (#/...) are read; bundle the document into one file first");
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result;
        try {
            result = new OpenAPIParser().readContents(JSON.writeValueAsString(tree), null, options);
        } catch (RuntimeException e) {
            throw new DocumentException("the document cannot be read: " + firstLine(e.getMessage()));
        }
        List<String> messages = messages(result);
        OpenAPI openApi = result == null ? null : result.getOpenAPI();
        if (openApi == null || openApi.getPaths() == null) {
            throw new DocumentException(
                    openApi == null ? "the document is not a valid OpenAPI document" : "the document has no paths",
                    messages);
        }
        try {
            com.fasterxml.jackson.databind.ObjectMapper mapper =
                    openApi.getSpecVersion() == SpecVersion.V31 ? Json31.mapper() : Json.mapper();
            return new Read(JSON.readTree(mapper.writeValueAsString(openApi)), version, messages);
        } catch (com.fasterxml.jackson.core.JacksonException | JacksonException e) {
            throw new DocumentException("the document cannot be read: " + firstLine(e.getMessage()));
        }
    }

    private static String version(JsonNode tree) {
        JsonNode openapi = tree.get("openapi");
        JsonNode swagger = tree.get("swagger");
        if (openapi != null && openapi.isString() && openapi.stringValue().matches("3\\.[01]\\.\\d+(-.+)?")) {
            return openapi.stringValue();
        }
        if (swagger != null && swagger.isString() && swagger.stringValue().equals("2.0")) {
            return "2.0";
        }
        if (openapi != null || swagger != null) {
            throw new DocumentException("the document's version is not supported: "
                    + (openapi != null ? "openapi " + openapi : "swagger " + swagger)
                    + " (supported: OpenAPI 3.0 and 3.1, Swagger 2.0)");
        }
        throw new DocumentException("the document has neither an openapi nor a swagger field: it is not an OpenAPI"
                + " or Swagger document");
    }

    /**
     * Returns the first {@code $ref} of {@code node} that does not start with {@code #}, or null when every reference
     * is local; data (examples, defaults, enums, {@code x-} extensions) is not searched.
     */
    static String externalReference(JsonNode node, String path) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                String found = externalReference(element, path);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals("$ref")) {
                if (!value.isString() || !value.stringValue().startsWith("#")) {
                    return value.isString() ? value.stringValue() : "a $ref that is not a string";
                }
            } else if (!DATA_KEYS.contains(key) && !key.startsWith("x-")) {
                String found = externalReference(value, path);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static List<String> messages(SwaggerParseResult result) {
        List<String> messages = new ArrayList<>();
        if (result != null && result.getMessages() != null) {
            for (String message : result.getMessages()) {
                if (message != null && messages.size() < MAX_MESSAGES) {
                    messages.add(firstLine(message));
                }
            }
        }
        return messages;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
