package dev.toolgate.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Test helpers: JSON from text, and unwrapping parse results. */
final class ToolJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final ToolDefinitionParser PARSER = new ToolDefinitionParser(ToolLimits.ofDefaults());

    private ToolJson() {}

    /** Parses JSON text; single quotes are turned into double quotes to keep test bodies readable. */
    static ObjectNode json(String text) {
        return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
    }

    /** Returns a minimal valid http_request tool body with the given config fields merged in. */
    static ObjectNode httpTool(String configFields) {
        String extra = configFields.isBlank() ? "" : ", " + configFields;
        return json("{'name': 'lookup', 'description': 'Looks a customer up.', 'tool_type': 'http_request',"
                + " 'config': {'url': 'https://api.example.com/lookup'" + extra + "}}");
    }

    /** Returns a minimal valid tool body of the given type and config. */
    static ObjectNode tool(String type, String config) {
        return json("{'name': 'act', 'description': 'Does something.', 'tool_type': '" + type + "', 'config': " + config
                + "}");
    }

    static ToolDefinition valid(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Valid.class);
        return ((ParseResult.Valid) result).definition();
    }

    static List<FieldError> errors(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        return ((ParseResult.Invalid) result).errors();
    }

    static HttpRequestConfig httpConfig(ParseResult result) {
        return (HttpRequestConfig) valid(result).config();
    }

    /** Asserts exactly one error, at {@code field}, whose message contains {@code message}. */
    static void assertSingleError(ParseResult result, String field, String message) {
        List<FieldError> errors = errors(result);
        assertThat(errors).as("errors").hasSize(1);
        assertThat(errors.get(0).field()).isEqualTo(field);
        assertThat(errors.get(0).message()).contains(message);
    }

    static JsonNode node(String text) {
        return MAPPER.readTree(text.replace('\'', '"'));
    }
}
