package dev.toolgate.core.tool;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Small JSON Schema builders for {@link ToolSchemas}: each returns a new node with a {@code description}. */
final class SchemaNodes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SchemaNodes() {}

    static ObjectNode object(String description) {
        ObjectNode schema = NODES.objectNode().put("type", "object").put("description", description);
        schema.put("additionalProperties", false);
        return schema;
    }

    static ObjectNode string(String description) {
        return NODES.objectNode().put("type", "string").put("description", description);
    }

    static ObjectNode text(int maxLength, String description) {
        ObjectNode text = NODES.objectNode().put("description", description);
        text.set("type", NODES.arrayNode().add("string").add("null"));
        return text.put("maxLength", maxLength);
    }

    static ObjectNode pattern(String regex, String example, String description) {
        ObjectNode schema = string(description).put("pattern", regex);
        schema.putArray("examples").add(example);
        return schema;
    }

    static ObjectNode oneOf(List<String> values, String fallback, String description) {
        ObjectNode schema = string(description);
        ArrayNode allowed = schema.putArray("enum");
        values.forEach(allowed::add);
        return fallback == null ? schema : schema.put("default", fallback);
    }

    static ObjectNode bool(boolean fallback, String description) {
        return NODES.objectNode()
                .put("type", "boolean")
                .put("description", description)
                .put("default", fallback);
    }

    static ObjectNode integer(long min, long max, long fallback, String description) {
        return NODES.objectNode()
                .put("type", "integer")
                .put("description", description)
                .put("minimum", min)
                .put("maximum", max)
                .put("default", fallback);
    }

    static ObjectNode number(double min, double max, Double fallback, String description) {
        ObjectNode schema = NODES.objectNode().put("type", "number").put("description", description);
        schema.set("minimum", plain(min));
        schema.set("maximum", plain(max));
        if (fallback != null) {
            schema.set("default", plain(fallback));
        }
        return schema;
    }

    /** A whole number as an integer ({@code 10}, as the writer writes it), anything else as a decimal. */
    private static JsonNode plain(double value) {
        return value == Math.rint(value) ? NODES.numberNode((long) value) : NODES.numberNode(value);
    }
}
