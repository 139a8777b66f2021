package dev.toolgate.server.toolimport;

import dev.toolgate.core.args.LinearRegex;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an OpenAPI schema object (3.0's dialect or 3.1's JSON Schema) into a self-contained JSON Schema 2020-12
 * schema for a tool's {@code parameters}: local {@code $ref}s are inlined, and only the keywords that describe
 * argument values are kept ({@code type}, {@code format}, {@code enum}, {@code const}, {@code default},
 * {@code description}, {@code title}, the numeric, string, array and object bounds, {@code pattern},
 * {@code properties}, {@code required}, {@code additionalProperties}, {@code items}, {@code allOf}/{@code anyOf}/
 * {@code oneOf}/{@code not}).
 *
 * <ul>
 *   <li>3.0's {@code nullable: true} becomes {@code "type": [T, "null"]}; its boolean {@code exclusiveMinimum}/
 *       {@code exclusiveMaximum} become 2020-12's numeric ones.</li>
 *   <li>{@code readOnly} properties are left out (a client never sends them).</li>
 *   <li>A reference that leads back into itself, or nesting past {@link #MAX_DEPTH}, is left open as {@code {}}
 *       ({@link ImportWarning.Code#SCHEMA_CUT}): tool schemas are never recursive.</li>
 *   <li>A {@code pattern} the linear-time engine refuses ({@link LinearRegex}) is dropped
 *       ({@link ImportWarning.Code#PATTERN_DROPPED}).</li>
 *   <li>A description longer than the deployment's limit is cut.</li>
 * </ul>
 *
 * Not thread-safe: one instance per operation.
 */
final class SchemaConverter {

    /** The deepest nesting of schema objects an imported schema keeps, the parameters object being level 1. */
    static final int MAX_DEPTH = 12;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> COPIED = List.of(
            "format",
            "enum",
            "const",
            "default",
            "title",
            "multipleOf",
            "minimum",
            "maximum",
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "uniqueItems",
            "minProperties",
            "maxProperties");

    private static final List<String> TYPES =
            List.of("string", "number", "integer", "boolean", "array", "object", "null");

    private final JsonNode document;
    private final int maxDescriptionChars;
    private final Consumer<ImportWarning.Code> lossy;
    private final Deque<String> references = new ArrayDeque<>();

    /**
     * @param document the whole OpenAPI document, where local references are looked up
     * @param maxDescriptionChars the longest description kept (the deployment's limit), in characters
     * @param lossy told each time something is left out ({@code SCHEMA_CUT}, {@code PATTERN_DROPPED})
     */
    SchemaConverter(JsonNode document, int maxDescriptionChars, Consumer<ImportWarning.Code> lossy) {
        this.document = document;
        this.maxDescriptionChars = maxDescriptionChars;
        this.lossy = lossy;
    }

    /**
     * Returns the JSON Schema of {@code schema} at nesting {@code depth} (the parameters object is 1, its properties
     * 2); a missing or non-object schema is {@code {}}.
     */
    ObjectNode convert(JsonNode schema, int depth) {
        ObjectNode out = NODES.objectNode();
        if (schema == null || !schema.isObject()) {
            return out;
        }
        if (depth > MAX_DEPTH) {
            lossy.accept(ImportWarning.Code.SCHEMA_CUT);
            return out;
        }
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isString()) {
            return referenced(schema, ref.stringValue(), depth);
        }
        type(schema, out);
        for (String keyword : COPIED) {
            JsonNode value = schema.get(keyword);
            if (value != null && !value.isNull()) {
                out.set(keyword, value.deepCopy());
            }
        }
        description(schema, out);
        pattern(schema, out);
        exclusiveBounds(schema, out);
        properties(schema, out, depth);
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isBoolean()) {
            out.set("additionalProperties", additional.deepCopy());
        } else if (additional != null && additional.isObject()) {
            out.set("additionalProperties", convert(additional, depth + 1));
        }
        JsonNode items = schema.get("items");
        if (items != null && items.isObject()) {
            out.set("items", convert(items, depth + 1));
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode parts = schema.get(combinator);
            if (parts != null && parts.isArray() && !parts.isEmpty()) {
                ArrayNode converted = out.putArray(combinator);
                parts.forEach(part -> converted.add(convert(part, depth + 1)));
            }
        }
        JsonNode not = schema.get("not");
        if (not != null && not.isObject()) {
            out.set("not", convert(not, depth + 1));
        }
        return out;
    }

    /** Returns whether {@code schema} (following references) is marked {@code readOnly: true}. */
    boolean readOnly(JsonNode schema) {
        JsonNode resolved = resolve(schema, 0);
        return resolved != null && resolved.path("readOnly").asBoolean(false);
    }

    /** Returns {@code schema} with references followed (at most {@link #MAX_DEPTH} hops), or null if one is broken. */
    JsonNode resolve(JsonNode schema, int hops) {
        if (schema == null || !schema.isObject() || !schema.has("$ref")) {
            return schema;
        }
        if (hops > MAX_DEPTH) {
            return null;
        }
        JsonNode target = lookUp(schema.path("$ref").asString(""));
        return target == null ? null : resolve(target, hops + 1);
    }

    /** Returns the node a local reference ({@code #/components/schemas/Pet}) points at, or null. */
    JsonNode lookUp(String ref) {
        if (!ref.startsWith("#")) {
            return null;
        }
        JsonNode target = document.at(ref.substring(1));
        return target.isMissingNode() ? null : target;
    }

    private ObjectNode referenced(JsonNode schema, String ref, int depth) {
        JsonNode target = lookUp(ref);
        if (target == null || references.contains(ref)) {
            lossy.accept(ImportWarning.Code.SCHEMA_CUT);
            ObjectNode open = NODES.objectNode();
            description(schema, open);
            return open;
        }
        references.push(ref);
        try {
            ObjectNode out = convert(target, depth);
            // OpenAPI 3.1 lets a reference carry its own description next to $ref; it wins
            if (schema.has("description")) {
                description(schema, out);
            }
            return out;
        } finally {
            references.pop();
        }
    }

    private static void type(JsonNode schema, ObjectNode out) {
        JsonNode type = schema.get("type");
        boolean nullable = schema.path("nullable").asBoolean(false);
        if (type != null && type.isString() && TYPES.contains(type.stringValue())) {
            if (nullable && !type.stringValue().equals("null")) {
                out.putArray("type").add(type.stringValue()).add("null");
            } else {
                out.put("type", type.stringValue());
            }
        } else if (type != null && type.isArray()) {
            ArrayNode types = NODES.arrayNode();
            type.forEach(t -> {
                if (t.isString() && TYPES.contains(t.stringValue())) {
                    types.add(t.stringValue());
                }
            });
            if (!types.isEmpty()) {
                out.set("type", types);
            }
        }
    }

    private void description(JsonNode schema, ObjectNode out) {
        JsonNode description = schema.get("description");
        if (description != null
                && description.isString()
                && !description.stringValue().isBlank()) {
            out.put("description", Descriptions.cut(description.stringValue().strip(), maxDescriptionChars));
        }
    }

    private void pattern(JsonNode schema, ObjectNode out) {
        JsonNode pattern = schema.get("pattern");
        if (pattern == null || !pattern.isString()) {
            return;
        }
        if (LinearRegex.problem(pattern.stringValue()).isPresent()) {
            lossy.accept(ImportWarning.Code.PATTERN_DROPPED);
        } else {
            out.put("pattern", pattern.stringValue());
        }
    }

    private static void exclusiveBounds(JsonNode schema, ObjectNode out) {
        for (String bound : List.of("Minimum", "Maximum")) {
            JsonNode exclusive = schema.get("exclusive" + bound);
            String inclusive = bound.toLowerCase(java.util.Locale.ROOT);
            if (exclusive != null && exclusive.isNumber()) {
                out.set("exclusive" + bound, exclusive.deepCopy());
            } else if (exclusive != null
                    && exclusive.asBoolean(false)
                    && schema.path(inclusive).isNumber()) {
                out.set("exclusive" + bound, schema.get(inclusive).deepCopy());
                out.remove(inclusive);
            }
        }
    }

    private void properties(JsonNode schema, ObjectNode out, int depth) {
        JsonNode properties = schema.get("properties");
        if (properties == null || !properties.isObject()) {
            requiredList(schema, out, null);
            return;
        }
        ObjectNode converted = out.putObject("properties");
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            if (!readOnly(property.getValue())) {
                converted.set(property.getKey(), convert(property.getValue(), depth + 1));
            }
        }
        requiredList(schema, out, converted);
    }

    private static void requiredList(JsonNode schema, ObjectNode out, ObjectNode properties) {
        JsonNode required = schema.get("required");
        if (required == null || !required.isArray()) {
            return;
        }
        ArrayNode kept = NODES.arrayNode();
        for (JsonNode name : required) {
            boolean known = properties == null || properties.has(name.asString(""));
            if (name.isString() && known && !containsString(kept, name.stringValue())) {
                kept.add(name.stringValue());
            }
        }
        if (!kept.isEmpty()) {
            out.set("required", kept);
        }
    }

    private static boolean containsString(ArrayNode array, String value) {
        for (JsonNode element : array) {
            if (element.isString() && element.stringValue().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
