package dev.toolgate.core.describe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading a JSON Schema node for {@link GeminiSchemaConverter}: typed look-ups of keywords, the type a schema
 * implies, and the notes that carry into the description what Gemini's OpenAPI subset cannot say.
 */
final class SchemaNotes {
    private SchemaNotes() {}

    /** For an INTEGER or NUMBER: adds the bounds Gemini cannot express (exclusive bounds, multipleOf) as notes. */
    static void numberNotes(JsonNode schema, String type, List<String> notes) {
        if (!type.equals("INTEGER") && !type.equals("NUMBER")) {
            return;
        }
        JsonNode exclusiveMinimum = schema.get("exclusiveMinimum");
        if (exclusiveMinimum != null && exclusiveMinimum.isNumber()) {
            notes.add("Must be greater than " + exclusiveMinimum + ".");
        }
        JsonNode exclusiveMaximum = schema.get("exclusiveMaximum");
        if (exclusiveMaximum != null && exclusiveMaximum.isNumber()) {
            notes.add("Must be less than " + exclusiveMaximum + ".");
        }
        JsonNode multipleOf = schema.get("multipleOf");
        if (multipleOf != null && multipleOf.isNumber()) {
            notes.add("Must be a multiple of " + multipleOf + ".");
        }
    }

    /** Adds "Default: X." unless the description already talks about a default. */
    static void defaultNote(JsonNode schema, List<String> notes) {
        JsonNode value = schema.get("default");
        String description = text(schema, "description");
        boolean mentioned =
                description != null && description.toLowerCase(Locale.ROOT).contains("default");
        if (value != null && !mentioned) {
            notes.add("Default: " + value + ".");
        }
    }

    /** Writes the description (or the title) of {@code schema} followed by {@code notes}, if any. */
    static void putDescription(ObjectNode out, JsonNode schema, List<String> notes) {
        List<String> parts = new ArrayList<>();
        String description = schema == null ? null : text(schema, "description");
        if (description == null && schema != null) {
            description = text(schema, "title");
        }
        if (description != null && !description.isBlank()) {
            parts.add(description.strip());
        }
        parts.addAll(notes);
        if (!parts.isEmpty()) {
            out.put("description", String.join(" ", parts));
        }
    }

    /** Returns the JSON type a schema without {@code type} implies (from properties, items, enum or const), or null. */
    static String inferType(JsonNode schema) {
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        List<JsonNode> values =
                enumValues(schema).stream().filter(value -> !value.isNull()).toList();
        if (values.isEmpty()) {
            return null;
        }
        if (values.stream().allMatch(JsonNode::isString)) {
            return "string";
        }
        if (values.stream().allMatch(JsonNode::isBoolean)) {
            return "boolean";
        }
        if (values.stream().allMatch(value -> value.isNumber() && value.canConvertToExactIntegral())) {
            return "integer";
        }
        return values.stream().allMatch(JsonNode::isNumber) ? "number" : null;
    }

    /** Returns the values of {@code enum}, or the {@code const} value, or none. */
    static List<JsonNode> enumValues(JsonNode schema) {
        JsonNode values = schema.get("enum");
        if (values != null && values.isArray()) {
            return StreamSupport.stream(values.spliterator(), false).toList();
        }
        return schema.has("const") ? List.of(schema.get("const")) : List.of();
    }

    /** Returns whether {@code schema} is {@code {"type": "null"}}. */
    static boolean isNullType(JsonNode schema) {
        JsonNode type = schema.get("type");
        return type != null && type.isString() && type.stringValue().equals("null");
    }

    /** Returns the value of the first of {@code keywords} that holds an array, or null. */
    static JsonNode firstArray(JsonNode schema, String... keywords) {
        for (String keyword : keywords) {
            JsonNode value = schema.get(keyword);
            if (value != null && value.isArray()) {
                return value;
            }
        }
        return null;
    }

    /** Returns the string value of {@code keyword}, or null. */
    static String text(JsonNode schema, String keyword) {
        JsonNode value = schema.get(keyword);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    /** Returns whether {@code keyword} is {@code true}. */
    static boolean flag(JsonNode schema, String keyword) {
        JsonNode value = schema.get(keyword);
        return value != null && value.isBoolean() && value.booleanValue();
    }
}
