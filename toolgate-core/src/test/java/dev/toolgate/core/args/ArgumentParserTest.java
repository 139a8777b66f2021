package dev.toolgate.core.args;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

class ArgumentParserTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void acceptsAJsonObject() {
        JsonNode raw = MAPPER.readTree("{\"city\":\"Berlin\",\"days\":3}");

        ObjectNode arguments = parsed(ArgumentParser.parse(raw));

        assertThat(arguments).isEqualTo(raw);
    }

    @Test
    void returnsACopySoLaterChangesToTheInputDoNotLeakIn() {
        ObjectNode raw = (ObjectNode) MAPPER.readTree("{\"city\":\"Berlin\"}");

        ObjectNode arguments = parsed(ArgumentParser.parse(raw));
        raw.put("city", "Paris");

        assertThat(arguments.get("city").stringValue()).isEqualTo("Berlin");
    }

    @Test
    void acceptsAStringHoldingAJsonObjectAsOpenAiSendsIt() {
        JsonNode raw = NODES.stringNode("{\"location\": \"Zürich\", \"unit\": \"celsius\"}");

        ObjectNode arguments = parsed(ArgumentParser.parse(raw));

        assertThat(arguments.get("location").stringValue()).isEqualTo("Zürich");
        assertThat(arguments.get("unit").stringValue()).isEqualTo("celsius");
    }

    @Test
    void keepsTheExactDigitsOfDecimalNumbersInAString() {
        JsonNode raw = NODES.stringNode("{\"price\": 1.10, \"big\": 12345678901234567890123}");

        ObjectNode arguments = parsed(ArgumentParser.parse(raw));

        assertThat(MAPPER.writeValueAsString(arguments)).isEqualTo("{\"price\":1.10,\"big\":12345678901234567890123}");
    }

    @Test
    void treatsNoArgumentsAsTheEmptyObject() {
        assertThat(parsed(ArgumentParser.parse(null))).isEmpty();
        assertThat(parsed(ArgumentParser.parse(MissingNode.getInstance()))).isEmpty();
        assertThat(parsed(ArgumentParser.parse(NODES.nullNode()))).isEmpty();
        assertThat(parsed(ArgumentParser.parse(NODES.stringNode("")))).isEmpty();
        assertThat(parsed(ArgumentParser.parse(NODES.stringNode("  \n")))).isEmpty();
        assertThat(parsed(ArgumentParser.parse(NODES.stringNode("null")))).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "[1, 2]        | arguments must be a JSON object; got an array",
                "42            | arguments must be a JSON object; got a number",
                "true          | arguments must be a JSON object; got a boolean",
            })
    void rejectsJsonThatIsNotAnObject(String json, String message) {
        JsonNode raw = MAPPER.readTree(json);

        ToolError error = invalid(ArgumentParser.parse(raw));

        assertThat(error.code()).isEqualTo(ErrorCode.HTTP_TOOL_INVALID_ARGS);
        assertThat(error.message()).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "[\"a\"]     | arguments must be a JSON object; the arguments string holds JSON that is an array",
                "\"hello\"   | arguments must be a JSON object; the arguments string holds JSON that is a string",
                "3.5         | arguments must be a JSON object; the arguments string holds JSON that is a number",
            })
    void rejectsAStringHoldingJsonThatIsNotAnObject(String json, String message) {
        ToolError error = invalid(ArgumentParser.parse(NODES.stringNode(json)));

        assertThat(error.code()).isEqualTo(ErrorCode.HTTP_TOOL_INVALID_ARGS);
        assertThat(error.message()).isEqualTo(message);
    }

    @Test
    void rejectsAStringThatIsNotJson() {
        ToolError error = invalid(ArgumentParser.parse(NODES.stringNode("city=Berlin")));

        assertThat(error.code()).isEqualTo(ErrorCode.HTTP_TOOL_INVALID_ARGS);
        assertThat(error.message()).startsWith("arguments are not valid JSON: ");
    }

    @Test
    void rejectsTruncatedJson() {
        ToolError error = invalid(ArgumentParser.parse(NODES.stringNode("{\"city\": \"Ber")));

        assertThat(error.message()).startsWith("arguments are not valid JSON: ");
    }

    @Test
    void rejectsTrailingContentAfterTheObject() {
        ToolError error = invalid(ArgumentParser.parse(NODES.stringNode("{\"a\":1} {\"b\":2}")));

        assertThat(error.message()).startsWith("arguments are not valid JSON: ");
    }

    @Test
    void rejectsDuplicatePropertyNamesInAString() {
        ToolError error = invalid(ArgumentParser.parse(NODES.stringNode("{\"amount\":1,\"amount\":1000}")));

        assertThat(error.message()).startsWith("arguments are not valid JSON: ").contains("amount");
    }

    /** Found by ArgumentsFuzzTest: Jackson throws NumberFormatException, not a JacksonException, for these. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"price\": 1e9999999999}", "{\"a\": [4444411201e044444044444444464444]}"})
    void rejectsADecimalTooLargeToRepresent(String json) {
        ToolError error = invalid(ArgumentParser.parse(NODES.stringNode(json)));

        assertThat(error.code()).isEqualTo(ErrorCode.HTTP_TOOL_INVALID_ARGS);
        assertThat(error.message())
                .isEqualTo("arguments are not valid JSON: a number is too large to represent exactly");
    }

    private static ObjectNode parsed(ArgumentParseResult result) {
        assertThat(result).isInstanceOf(ArgumentParseResult.Parsed.class);
        return ((ArgumentParseResult.Parsed) result).arguments();
    }

    private static ToolError invalid(ArgumentParseResult result) {
        assertThat(result).isInstanceOf(ArgumentParseResult.Invalid.class);
        return ((ArgumentParseResult.Invalid) result).error();
    }
}
