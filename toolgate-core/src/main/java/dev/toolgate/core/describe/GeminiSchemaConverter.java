package dev.toolgate.core.describe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts a JSON Schema into the Schema object of Gemini function declarations: "a select subset of an
 * OpenAPI 3.0 schema object" (Gemini API reference, {@code Schema}; Vertex AI {@code FunctionDeclaration}).
 *
 * <p>Only the keywords in {@link #KEYWORDS} are written; every other keyword ({@code $schema}, {@code $id},
 * {@code $ref}, {@code $defs}, {@code additionalProperties}, {@code title}, {@code default},
 * {@code examples}, {@code anyOf}, {@code const}, ...) is dropped, where useful folded into the description:
 * <ul>
 *   <li>{@code type} is upper-cased ({@code STRING}, {@code NUMBER}, {@code INTEGER}, {@code BOOLEAN},
 *       {@code ARRAY}, {@code OBJECT}); {@code ["string", "null"]}, {@code nullable} and an
 *       {@code anyOf}/{@code oneOf} of one schema plus {@code {"type": "null"}} become {@code nullable: true};
 *       a missing type is inferred from {@code properties}, {@code items} or the {@code enum} values.</li>
 *   <li>{@code enum} is kept on {@code STRING} only (Gemini refuses it elsewhere: "enum only allowed for STRING
 *       type"); for other types it is dropped and "One of: 1, 2, 3." is appended to the description. A
 *       {@code const} is treated as a one-value enum.</li>
 *   <li>{@code format} is kept only where Gemini accepts it (STRING: {@code enum}, {@code date-time};
 *       INTEGER: {@code int32}, {@code int64}; NUMBER: {@code float}, {@code double}); other formats
 *       ({@code email}, {@code date}, ...) are refused by the API, so they move into the description.</li>
 *   <li>{@code title} stands in for a missing {@code description}; {@code default},
 *       {@code exclusiveMinimum}, {@code exclusiveMaximum} and {@code multipleOf} become sentences.</li>
 *   <li>{@code properties} and {@code required} are written on OBJECT only, {@code required} filtered to
 *       declared properties; {@code items} on ARRAY only, and always (Gemini requires it).</li>
 *   <li><b>Untyped schemas</b> (BFCL's "any": no type, or several types) become {@code STRING} with
 *       "Any JSON value, given as text." appended: STRING is the one Gemini type that can carry any value,
 *       the model's string still passes the tool's own (untyped) schema, and the endpoint receives it as text.</li>
 * </ul>
 * The input is not modified. Thread-safe.
 */
public final class GeminiSchemaConverter {

    /** The keywords a converted schema may contain; everything else is dropped. */
    public static final Set<String> KEYWORDS = Set.of(
            "type",
            "format",
            "description",
            "nullable",
            "enum",
            "properties",
            "required",
            "items",
            "minItems",
            "maxItems",
            "minimum",
            "maximum",
            "minLength",
            "maxLength",
            "pattern");

    /** The sentence appended to the description of an untyped schema. */
    public static final String ANY_VALUE_NOTE = "Any JSON value, given as text.";

    private static final Map<String, Set<String>> FORMATS = Map.of(
            "STRING", Set.of("enum", "date-time"),
            "INTEGER", Set.of("int32", "int64"),
            "NUMBER", Set.of("float", "double"));

    private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "array", "object");

    private GeminiSchemaConverter() {}

    /**
     * Returns the Gemini form of {@code schema}.
     *
     * @param schema a JSON Schema (object or boolean)
     * @return a new schema object using only {@link #KEYWORDS}
     */
    public static ObjectNode convert(JsonNode schema) {
        if (!schema.isObject()) {
            return untyped(null, false);
        }
        JsonNode union = schema.has("type") ? null : SchemaNotes.firstArray(schema, "anyOf", "oneOf");
        if (union != null) {
            List<JsonNode> branches =
                    StreamSupport.stream(union.spliterator(), false).toList();
            List<JsonNode> nonNull = branches.stream()
                    .filter(branch -> !SchemaNotes.isNullType(branch))
                    .toList();
            if (nonNull.size() == 1) {
                ObjectNode converted = convert(nonNull.get(0));
                String outer = SchemaNotes.text(schema, "description");
                if (outer != null) {
                    converted.put("description", outer);
                }
                if (nonNull.size() < branches.size() || SchemaNotes.flag(schema, "nullable")) {
                    converted.put("nullable", true);
                }
                return converted;
            }
        }
        return typed(schema);
    }

    private static ObjectNode typed(JsonNode schema) {
        boolean nullable = SchemaNotes.flag(schema, "nullable");
        String type = null;
        JsonNode declared = schema.get("type");
        if (declared != null && declared.isString()) {
            type = declared.stringValue();
        } else if (declared != null && declared.isArray()) {
            List<String> names = StreamSupport.stream(declared.spliterator(), false)
                    .map(JsonNode::asString)
                    .toList();
            List<String> nonNull =
                    names.stream().filter(name -> !name.equals("null")).toList();
            nullable |= nonNull.size() < names.size();
            type = nonNull.size() == 1 ? nonNull.get(0) : null;
        } else if (declared == null) {
            type = SchemaNotes.inferType(schema);
        }
        if (type != null && type.equals("null")) {
            nullable = true;
            type = null;
        }
        if (type == null || !TYPES.contains(type)) {
            return untyped(schema, nullable);
        }
        return typed(schema, type.toUpperCase(Locale.ROOT), nullable);
    }

    private static ObjectNode typed(JsonNode schema, String type, boolean nullable) {
        List<String> notes = new ArrayList<>();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("type", type);
        String format = SchemaNotes.text(schema, "format");
        if (format != null && FORMATS.getOrDefault(type, Set.of()).contains(format)) {
            out.put("format", format);
        } else if (format != null) {
            notes.add("Format: " + format + ".");
        }
        List<JsonNode> values = SchemaNotes.enumValues(schema);
        nullable |= values.stream().anyMatch(JsonNode::isNull);
        List<JsonNode> nonNullValues =
                values.stream().filter(value -> !value.isNull()).toList();
        ArrayNode enumNode = null;
        if (!nonNullValues.isEmpty() && type.equals("STRING")) {
            enumNode = JsonNodeFactory.instance.arrayNode();
            for (JsonNode value : nonNullValues) {
                enumNode.add(value.isString() ? value.stringValue() : value.toString());
            }
        } else if (!nonNullValues.isEmpty()) {
            notes.add("One of: "
                    + nonNullValues.stream().map(JsonNode::toString).collect(Collectors.joining(", ")) + ".");
        }
        SchemaNotes.numberNotes(schema, type, notes);
        SchemaNotes.defaultNote(schema, notes);
        SchemaNotes.putDescription(out, schema, notes);
        if (nullable) {
            out.put("nullable", true);
        }
        if (enumNode != null) {
            out.set("enum", enumNode);
        }
        switch (type) {
            case "OBJECT" -> objectKeywords(schema, out);
            case "ARRAY" -> arrayKeywords(schema, out);
            case "STRING" -> copyKeywords(schema, out, "minLength", "maxLength", "pattern");
            case "INTEGER", "NUMBER" -> copyKeywords(schema, out, "minimum", "maximum");
            default -> {}
        }
        return out;
    }

    private static ObjectNode untyped(JsonNode schema, boolean nullable) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("type", "STRING");
        List<String> notes = new ArrayList<>();
        notes.add(ANY_VALUE_NOTE);
        if (schema != null) {
            SchemaNotes.defaultNote(schema, notes);
        }
        SchemaNotes.putDescription(out, schema, notes);
        if (nullable) {
            out.put("nullable", true);
        }
        return out;
    }

    private static void objectKeywords(JsonNode schema, ObjectNode out) {
        JsonNode properties = schema.get("properties");
        if (properties == null || !properties.isObject() || properties.isEmpty()) {
            return;
        }
        ObjectNode converted = out.putObject("properties");
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            converted.set(property.getKey(), convert(property.getValue()));
        }
        JsonNode required = schema.get("required");
        if (required != null && required.isArray()) {
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            for (JsonNode name : required) {
                if (name.isString() && properties.has(name.stringValue())) {
                    kept.add(name.stringValue());
                }
            }
            if (!kept.isEmpty()) {
                out.set("required", kept);
            }
        }
    }

    private static void arrayKeywords(JsonNode schema, ObjectNode out) {
        JsonNode items = schema.get("items");
        boolean single = items != null && (items.isObject() || items.isBoolean());
        out.set("items", single ? convert(items) : untyped(null, false));
        copyKeywords(schema, out, "minItems", "maxItems");
    }

    private static void copyKeywords(JsonNode schema, ObjectNode out, String... keywords) {
        for (String keyword : keywords) {
            JsonNode value = schema.get(keyword);
            boolean usable = value != null
                    && switch (keyword) {
                        case "pattern" -> value.isString();
                        case "minimum", "maximum" -> value.isNumber();
                        default -> value.isNumber() && value.canConvertToExactIntegral();
                    };
            if (usable) {
                out.set(keyword, value.deepCopy());
            }
        }
    }
}
