package dev.toolgate.core.describe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

class GeminiSchemaConverterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    private static ObjectNode convert(String schema) {
        return GeminiSchemaConverter.convert(json(schema));
    }

    @Test
    void upperCasesEveryType() {
        ObjectNode converted = convert("""
                {'type': 'object', 'properties': {'s': {'type': 'string'}, 'n': {'type': 'number'},
                 'i': {'type': 'integer'}, 'b': {'type': 'boolean'}, 'a': {'type': 'array', 'items': {'type': 'string'}},
                 'o': {'type': 'object', 'properties': {'x': {'type': 'string'}}}}}""");

        assertThat(converted).isEqualTo(json("""
                {'type': 'OBJECT', 'properties': {'s': {'type': 'STRING'}, 'n': {'type': 'NUMBER'},
                 'i': {'type': 'INTEGER'}, 'b': {'type': 'BOOLEAN'}, 'a': {'type': 'ARRAY', 'items': {'type': 'STRING'}},
                 'o': {'type': 'OBJECT', 'properties': {'x': {'type': 'STRING'}}}}}"""));
    }

    @Test
    void keepsStringEnums() {
        assertThat(convert("{'type': 'string', 'enum': ['celsius', 'fahrenheit']}"))
                .isEqualTo(json("{'type': 'STRING', 'enum': ['celsius', 'fahrenheit']}"));
    }

    @Test
    void movesIntegerEnumIntoTheDescription() {
        assertThat(convert("{'type': 'integer', 'description': 'Service id.', 'enum': [1, 2, 7, 13]}"))
                .isEqualTo(json("{'type': 'INTEGER', 'description': 'Service id. One of: 1, 2, 7, 13.'}"));
    }

    @Test
    void movesNumberEnumIntoTheDescriptionEvenWithoutOne() {
        assertThat(convert("{'type': 'number', 'enum': [0.5, 1.5]}"))
                .isEqualTo(json("{'type': 'NUMBER', 'description': 'One of: 0.5, 1.5.'}"));
    }

    @Test
    void turnsNullableTypeArrayIntoNullable() {
        assertThat(convert("{'type': ['string', 'null'], 'maxLength': 5}"))
                .isEqualTo(json("{'type': 'STRING', 'nullable': true, 'maxLength': 5}"));
    }

    @Test
    void unwrapsAnyOfWithNull() {
        assertThat(
                        convert(
                                "{'description': 'Optional day.', 'anyOf': [{'type': 'string', 'format': 'date-time'}, {'type': 'null'}]}"))
                .isEqualTo(json(
                        "{'type': 'STRING', 'format': 'date-time', 'description': 'Optional day.', 'nullable': true}"));
    }

    @Test
    void givesUntypedSchemasStringTypeWithANote() {
        assertThat(convert("{'description': 'The training data for the model.'}"))
                .isEqualTo(
                        json(
                                "{'type': 'STRING', 'description': 'The training data for the model. Any JSON value, given as text.'}"));
        assertThat(convert("{}"))
                .isEqualTo(json("{'type': 'STRING', 'description': 'Any JSON value, given as text.'}"));
    }

    @Test
    void treatsSeveralTypesAsUntyped() {
        assertThat(convert("{'type': ['string', 'integer']}").get("type").stringValue())
                .isEqualTo("STRING");
    }

    @Test
    void infersTypeFromEnumValues() {
        assertThat(convert("{'enum': ['a', 'b']}")).isEqualTo(json("{'type': 'STRING', 'enum': ['a', 'b']}"));
        assertThat(convert("{'enum': [1, 2]}")).isEqualTo(json("{'type': 'INTEGER', 'description': 'One of: 1, 2.'}"));
    }

    @Test
    void turnsConstIntoAOneValueEnum() {
        assertThat(convert("{'type': 'string', 'const': 'v1'}")).isEqualTo(json("{'type': 'STRING', 'enum': ['v1']}"));
    }

    @Test
    void dropsKeywordsGeminiRejects() {
        ObjectNode converted = convert("""
                {'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://x.example/s', 'title': 'Args',
                 'type': 'object', 'additionalProperties': false, '$defs': {'a': {}}, 'examples': [{}],
                 'properties': {'q': {'type': 'string', 'default': 'x', 'examples': ['y'], '$comment': 'c'}}}""");

        assertThat(converted).isEqualTo(MAPPER.readTree("""
                {"type": "OBJECT", "description": "Args",
                 "properties": {"q": {"type": "STRING", "description": "Default: \\"x\\"."}}}"""));
    }

    @Test
    void keepsLimitsAndPattern() {
        ObjectNode converted = convert("""
                {'type': 'object', 'properties': {
                  'code': {'type': 'string', 'minLength': 2, 'maxLength': 3, 'pattern': '^[A-Z]+$'},
                  'n': {'type': 'integer', 'minimum': 1, 'maximum': 9},
                  'tags': {'type': 'array', 'items': {'type': 'string'}, 'minItems': 1, 'maxItems': 4}}}""");

        assertThat(converted.get("properties")).isEqualTo(json("""
                {'code': {'type': 'STRING', 'minLength': 2, 'maxLength': 3, 'pattern': '^[A-Z]+$'},
                 'n': {'type': 'INTEGER', 'minimum': 1, 'maximum': 9},
                 'tags': {'type': 'ARRAY', 'items': {'type': 'STRING'}, 'minItems': 1, 'maxItems': 4}}"""));
    }

    @Test
    void movesUnsupportedFormatsIntoTheDescription() {
        assertThat(convert("{'type': 'string', 'format': 'email'}"))
                .isEqualTo(json("{'type': 'STRING', 'description': 'Format: email.'}"));
        assertThat(convert("{'type': 'integer', 'format': 'int64'}"))
                .isEqualTo(json("{'type': 'INTEGER', 'format': 'int64'}"));
    }

    @Test
    void filtersRequiredToDeclaredProperties() {
        assertThat(convert("{'type': 'object', 'properties': {'a': {'type': 'string'}}, 'required': ['a', 'ghost']}")
                        .get("required"))
                .isEqualTo(json("['a']"));
    }

    @Test
    void givesArraysWithoutItemsUntypedItems() {
        assertThat(convert("{'type': 'array'}").get("items").get("type").stringValue())
                .isEqualTo("STRING");
    }

    @Test
    void keepsFreeFormObjectAsObjectWithoutProperties() {
        assertThat(
                        convert(
                                "{'type': 'object', 'description': 'Player to cards.', 'additionalProperties': {'type': 'array'}}"))
                .isEqualTo(json("{'type': 'OBJECT', 'description': 'Player to cards.'}"));
    }

    @Test
    void describesExclusiveBoundsAndMultiples() {
        assertThat(convert("{'type': 'number', 'exclusiveMinimum': 0, 'multipleOf': 0.5}"))
                .isEqualTo(json(
                        "{'type': 'NUMBER', 'description': 'Must be greater than 0. Must be a multiple of 0.5.'}"));
    }

    @Test
    void skipsDefaultNoteWhenTheDescriptionAlreadyMentionsIt() {
        assertThat(convert("{'type': 'integer', 'description': 'Default is 0.', 'default': 0}"))
                .isEqualTo(json("{'type': 'INTEGER', 'description': 'Default is 0.'}"));
    }

    @Test
    void leavesTheInputUnchanged() {
        JsonNode schema = json("{'type': 'object', 'properties': {'a': {'type': 'integer', 'enum': [1]}}}");
        JsonNode before = schema.deepCopy();

        GeminiSchemaConverter.convert(schema);

        assertThat(schema).isEqualTo(before);
    }
}
