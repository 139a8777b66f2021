package dev.toolgate.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchemaFormTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode SCHEMA = JSON.readTree("""
            {"type": "object", "required": ["city"],
             "properties": {"city": {"type": "string", "description": "The city"},
                            "days": {"type": "integer"}, "unit": {"enum": ["c", "f"]},
                            "exact": {"type": "boolean"}, "tags": {"type": "array"}}}
            """);

    @Test
    void oneInputPerPropertyWithItsKindAndRequirement() {
        var inputs = SchemaForm.inputs(SCHEMA, JSON.readTree("{\"city\": \"Paris\", \"days\": 3}"));
        assertThat(inputs)
                .extracting(SchemaForm.Input::kind)
                .containsExactly("text", "integer", "enum", "boolean", "json");
        assertThat(inputs.getFirst().required()).isTrue();
        assertThat(inputs.getFirst().value()).isEqualTo("Paris");
        assertThat(inputs.get(1).value()).isEqualTo("3");
        assertThat(inputs.get(2).options()).containsExactly("c", "f");
    }

    @Test
    void readsTypedArgumentsAndLeavesOutBlankInputs() {
        var inputs = SchemaForm.inputs(SCHEMA, null);
        var arguments = SchemaForm.arguments(
                inputs,
                Map.of(
                        "arg.city",
                        "Paris",
                        "arg.days",
                        "3",
                        "arg.exact",
                        "true",
                        "arg.tags",
                        "[\"a\"]",
                        "arg.unit",
                        ""));
        assertThat(arguments.toString()).isEqualTo("{\"city\":\"Paris\",\"days\":3,\"exact\":true,\"tags\":[\"a\"]}");
    }

    @Test
    void aValueThatIsNotANumberIsSentAsTypedSoTheValidatorReportsIt() {
        var arguments = SchemaForm.arguments(SchemaForm.inputs(SCHEMA, null), Map.of("arg.days", "three"));
        assertThat(arguments.get("days").asString()).isEqualTo("three");
    }
}
