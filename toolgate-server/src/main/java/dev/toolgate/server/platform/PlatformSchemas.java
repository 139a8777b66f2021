package dev.toolgate.server.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool's {@code parameters} JSON Schema cut down to the subset a voice platform's tool format takes: Vapi's
 * {@code JsonSchema} (type, items, properties, required, description, enum, pattern, title; Vapi server SDK) and
 * ElevenLabs' request-body schema (type, items, properties, required, description, enum; every literal property
 * described; ElevenLabs SDK {@code ObjectJsonSchemaPropertyInput}, {@code LiteralJsonSchemaProperty}). Every node gets
 * one {@code type}: a type list gives its first non-null type, a node without one is an object when it has
 * {@code properties}, an array when it has {@code items}, else a string. Keywords outside the subset (formats,
 * bounds, compositions) are left out: the gateway still validates every call against the full schema. Stateless.
 */
final class PlatformSchemas {

    /** The subset of one platform. */
    enum Subset {
        VAPI(List.of("description", "enum", "pattern", "title"), false),
        ELEVENLABS(List.of("description", "enum"), true);

        private final List<String> keywords;
        private final boolean describeLiterals;

        Subset(List<String> keywords, boolean describeLiterals) {
            this.keywords = keywords;
            this.describeLiterals = describeLiterals;
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> LITERALS = Set.of("string", "number", "integer", "boolean");

    private PlatformSchemas() {}

    /**
     * Returns {@code parameters} as an object schema of {@code subset}, always with {@code properties}.
     *
     * @param parameters a tool's parameters schema ({@code "type": "object"})
     */
    static ObjectNode convert(JsonNode parameters, Subset subset) {
        ObjectNode converted = node(parameters, subset, "arguments");
        converted.put("type", "object");
        if (!converted.has("properties")) {
            converted.putObject("properties");
        }
        return converted;
    }

    private static ObjectNode node(JsonNode schema, Subset subset, String name) {
        ObjectNode out = NODES.objectNode();
        String type = type(schema);
        out.put("type", type);
        for (String keyword : subset.keywords) {
            JsonNode value = schema.get(keyword);
            if (value == null) {
                continue;
            }
            if (keyword.equals("enum")) {
                if (value.isArray() && !value.isEmpty() && value.valueStream().allMatch(JsonNode::isString)) {
                    out.set("enum", value.deepCopy());
                }
            } else if (value.isString()) {
                out.put(keyword, value.asString());
            }
        }
        if (type.equals("object")) {
            ObjectNode properties = out.putObject("properties");
            JsonNode declared = schema.path("properties");
            for (Map.Entry<String, JsonNode> property : declared.properties()) {
                if (property.getValue().isObject()) {
                    properties.set(property.getKey(), node(property.getValue(), subset, property.getKey()));
                }
            }
            JsonNode required = schema.get("required");
            if (required != null && required.isArray()) {
                ArrayNode names = NODES.arrayNode();
                required.valueStream()
                        .filter(JsonNode::isString)
                        .map(JsonNode::asString)
                        .filter(properties::has)
                        .forEach(names::add);
                if (!names.isEmpty()) {
                    out.set("required", names);
                }
            }
        } else if (type.equals("array")) {
            JsonNode items = schema.get("items");
            out.set("items", node(items != null && items.isObject() ? items : NODES.objectNode(), subset, name));
        }
        if (subset.describeLiterals && LITERALS.contains(type) && !out.has("description")) {
            out.put("description", name);
        }
        return out;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isString() && !type.asString().equals("null")) {
            return type.asString();
        }
        if (type != null && type.isArray()) {
            for (JsonNode option : type) {
                if (option.isString() && !option.asString().equals("null")) {
                    return option.asString();
                }
            }
        }
        if (schema.has("properties")) {
            return "object";
        }
        return schema.has("items") ? "array" : "string";
    }
}
