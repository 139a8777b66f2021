package dev.toolgate.core.tool;

import static dev.toolgate.core.tool.ToolJson.PARSER;
import static dev.toolgate.core.tool.ToolJson.assertSingleError;
import static dev.toolgate.core.tool.ToolJson.errors;
import static dev.toolgate.core.tool.ToolJson.httpConfig;
import static dev.toolgate.core.tool.ToolJson.httpTool;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code response_variables} of an http_request config: names, JSON Pointers, JSONPaths and the limit. */
class ResponseVariablesConfigTest {

    @Test
    void keepsPointersAndPathsInTheOrderGiven() {
        HttpRequestConfig config = httpConfig(PARSER.parse(httpTool("""
                'response_variables': {'order_id': '/order/id', 'first_item': '$.items[0].name', 'whole': '',
                                       'cheap': '$.items[?(@.price < 10)].name', 'tilde': '/a~1b/c~0d'}""")));

        assertThat(config.responseVariables())
                .containsExactly(
                        Map.entry("order_id", "/order/id"),
                        Map.entry("first_item", "$.items[0].name"),
                        Map.entry("whole", ""),
                        Map.entry("cheap", "$.items[?(@.price < 10)].name"),
                        Map.entry("tilde", "/a~1b/c~0d"));
        assertThat(List.copyOf(config.responseVariables().keySet()))
                .containsExactly("order_id", "first_item", "whole", "cheap", "tilde");
    }

    @Test
    void defaultsToNone() {
        assertThat(httpConfig(PARSER.parse(httpTool(""))).responseVariables()).isEmpty();
    }

    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "{'1st': '/a'}                  | config.response_variables.1st      | is not a variable name",
                "{'order-id': '/a'}             | config.response_variables.order-id | is not a variable name",
                "{'a': 'order.id'}              | config.response_variables.a        | must be a JSON Pointer (starting with /) or a JSONPath (starting with $)",
                "{'a': '/a~2'}                  | config.response_variables.a        | ~ must be followed by 0 or 1",
                "{'a': '/a~'}                   | config.response_variables.a        | ~ must be followed by 0 or 1",
                "{'a': '$.items[?(@.n =~ /x+/)]'} | config.response_variables.a      | must not use the regular-expression filter =~",
                "{'a': '$.items[?(@.n >'}       | config.response_variables.a        | is not a valid JSONPath",
                "{'a': '$['}                    | config.response_variables.a        | is not a valid JSONPath",
                "{'a': 5}                       | config.response_variables.a        | must be a string",
                "['/a']                         | config.response_variables          | must be an object",
            })
    @ParameterizedTest(name = "{0} → {1}")
    void reportsEachMistakeAtTheVariablesPath(String variables, String field, String message) {
        assertSingleError(PARSER.parse(httpTool("'response_variables': " + variables)), field, message);
    }

    @Test
    void refusesAnOverlongExpression() {
        assertSingleError(
                PARSER.parse(httpTool("'response_variables': {'a': '/" + "x".repeat(500) + "'}")),
                "config.response_variables.a",
                "must be at most 500 characters");
    }

    @Test
    void allowsTwentyVariablesButNotTwentyOne() {
        assertThat(httpConfig(PARSER.parse(httpTool("'response_variables': " + variables(20))))
                        .responseVariables())
                .hasSize(20);
        assertThat(errors(PARSER.parse(httpTool("'response_variables': " + variables(21)))))
                .containsExactly(new FieldError("config.response_variables", "must have at most 20 entries"));
    }

    private static String variables(int count) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ", ")
                    .append("'v")
                    .append(i)
                    .append("': '/v")
                    .append(i)
                    .append("'");
        }
        return json.append("}").toString();
    }
}
