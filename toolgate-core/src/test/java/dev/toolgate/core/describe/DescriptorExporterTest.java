package dev.toolgate.core.describe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.tool.BodyMode;
import dev.toolgate.core.tool.EndCallConfig;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.ParseResult;
import dev.toolgate.core.tool.ToolDefinition;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.core.tool.ToolLimits;
import dev.toolgate.core.tool.TransferCallConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class DescriptorExporterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    private static final JsonNode WEATHER = json("""
            {'$schema': 'https://json-schema.org/draft/2020-12/schema', 'type': 'object',
             'properties': {'city': {'type': 'string', 'description': 'City name.'},
                            'days': {'type': 'integer', 'enum': [1, 3, 7]}},
             'required': ['city'], 'additionalProperties': false}""");

    private static ToolDefinition tool(String name, int priority, boolean enabled, JsonNode parameters) {
        HttpRequestConfig http = HttpRequestConfig.builder(
                        "https://api.example.com/" + name, Duration.ofSeconds(5), 65_536)
                .bodyMode(BodyMode.ARGUMENTS)
                .speakDuringExecution(true)
                .build();
        return ToolDefinition.builder(name, "Tool " + name + ".", parameters, http)
                .enabled(enabled)
                .priority(priority)
                .build();
    }

    @Test
    void exportsOpenAiChatCompletionsTools() {
        ArrayNode tools =
                DescriptorExporter.export(List.of(tool("weather", 0, true, WEATHER)), DescriptorFormat.OPENAI);

        assertThat(tools).hasSize(1);
        JsonNode descriptor = tools.get(0);
        assertThat(descriptor.propertyNames()).containsExactly("type", "function");
        assertThat(descriptor.get("type").stringValue()).isEqualTo("function");
        assertThat(descriptor.get("function").propertyNames()).containsExactly("name", "description", "parameters");
        assertThat(descriptor.get("function").get("name").stringValue()).isEqualTo("weather");
        assertThat(descriptor.get("function").get("description").stringValue()).isEqualTo("Tool weather.");
        assertThat(descriptor.get("function").get("parameters")).isEqualTo(WEATHER);
    }

    @Test
    void exportsAnthropicMessagesTools() {
        ArrayNode tools =
                DescriptorExporter.export(List.of(tool("weather", 0, true, WEATHER)), DescriptorFormat.ANTHROPIC);

        assertThat(tools.get(0).propertyNames()).containsExactly("name", "description", "input_schema");
        assertThat(tools.get(0).get("input_schema")).isEqualTo(WEATHER);
    }

    @Test
    void exportsGeminiFunctionDeclarationsWithConvertedSchema() {
        ArrayNode tools =
                DescriptorExporter.export(List.of(tool("weather", 0, true, WEATHER)), DescriptorFormat.GEMINI);

        assertThat(tools.get(0)).isEqualTo(json("""
                {'name': 'weather', 'description': 'Tool weather.',
                 'parameters': {'type': 'OBJECT',
                   'properties': {'city': {'type': 'STRING', 'description': 'City name.'},
                                  'days': {'type': 'INTEGER', 'description': 'One of: 1, 3, 7.'}},
                   'required': ['city']}}"""));
    }

    @Test
    void leavesOutGeminiParametersOfAToolWithoutArguments() {
        ArrayNode tools = DescriptorExporter.export(
                List.of(tool("hang_up", 0, true, json("{'type': 'object', 'properties': {}}"))),
                DescriptorFormat.GEMINI);

        assertThat(tools.get(0)).isEqualTo(json("{'name': 'hang_up', 'description': 'Tool hang_up.'}"));
    }

    @Test
    void exportsOnlyEnabledToolsByPriorityThenName() {
        JsonNode schema = json("{'type': 'object', 'properties': {}}");
        List<ToolDefinition> tools = List.of(
                tool("zeta", 1, true, schema),
                tool("alpha", 1, true, schema),
                tool("off", 0, false, schema),
                tool("first", 0, true, schema));

        ArrayNode exported = DescriptorExporter.export(tools, DescriptorFormat.ANTHROPIC);

        assertThat(exported.valueStream().map(node -> node.get("name").stringValue()))
                .containsExactly("first", "alpha", "zeta");
    }

    @Test
    void exportsActionToolsWithTheirFixedArgumentSchemaInsteadOfTheStoredParameters() {
        ToolDefinition transfer = ToolDefinition.builder(
                        "transfer_to_sales",
                        "Transfers the caller to sales.",
                        json("{'type': 'object', 'properties': {'reason': {'type': 'string'}}}"),
                        TransferCallConfig.builder("+4930999888")
                                .transferMode("warm")
                                .allowedDestinations(List.of("+4930111222"))
                                .summary(true)
                                .build())
                .build();
        ToolDefinition hangUp = ToolDefinition.builder(
                        "hang_up", "Ends the call.", json("{'type': 'object'}"), new EndCallConfig("Bye"))
                .priority(1)
                .build();

        ArrayNode exported = DescriptorExporter.export(List.of(transfer, hangUp), DescriptorFormat.OPENAI, true);
        JsonNode parameters = exported.get(0).get("function").get("parameters");

        assertThat(exported.get(0).get("function").get("name").stringValue()).isEqualTo("transfer_to_sales");
        assertThat(parameters.get("properties").propertyNames()).containsExactly("destination", "extension", "summary");
        assertThat(parameters.at("/properties/destination/description").stringValue())
                .contains("+4930111222");
        assertThat(parameters.get("additionalProperties").booleanValue()).isFalse();
        assertThat(exported.get(1).at("/function/parameters/properties")).isEmpty();
        assertThat(exported.get(0).at("/x-toolgate/tool_type").stringValue()).isEqualTo("transfer_call");
        assertThat(exported.get(0).at("/x-toolgate/speak_after_execution").booleanValue())
                .isFalse();
    }

    @Test
    void extensionsCarryTheSpeechOfEveryToolAndAreLeftOutOnRequest() {
        ToolDefinition weather = tool("weather", 0, true, WEATHER);

        JsonNode with = DescriptorExporter.export(List.of(weather), DescriptorFormat.ANTHROPIC, true)
                .get(0);
        JsonNode without = DescriptorExporter.export(List.of(weather), DescriptorFormat.ANTHROPIC, false)
                .get(0);

        assertThat(with.at("/x-toolgate/tool_type").stringValue()).isEqualTo("http_request");
        assertThat(with.at("/x-toolgate/speak_during_execution").booleanValue()).isTrue();
        assertThat(with.at("/x-toolgate/speak_during_message").isNull()).isTrue();
        assertThat(without.has("x-toolgate")).isFalse();
    }

    @Test
    void anHttpToolsMessageWhileWaitingIsInItsExtension() {
        ToolDefinition parsed = ((ParseResult.Valid) new ToolDefinitionParser(ToolLimits.ofDefaults())
                        .parse(json(
                                "{'name': 'check_slot', 'description': 'Checks a slot', 'tool_type': 'http_request',"
                                        + " 'config': {'url': 'https://api.example.com/slots',"
                                        + " 'speak_during_execution': true,"
                                        + " 'speak_during_message': 'Let me look at the calendar.'}}")))
                .definition();

        JsonNode exported = DescriptorExporter.export(List.of(parsed), DescriptorFormat.OPENAI, true)
                .get(0);

        assertThat(exported.at("/x-toolgate/speak_during_message").stringValue())
                .isEqualTo("Let me look at the calendar.");
    }

    @Test
    void returnsCopiesThatDoNotAliasTheStoredSchema() {
        ToolDefinition weather = tool("weather", 0, true, WEATHER.deepCopy());

        JsonNode exported = DescriptorExporter.export(List.of(weather), DescriptorFormat.OPENAI)
                .get(0);
        ((ObjectNode) exported.get("function").get("parameters")).removeAll();

        assertThat(weather.parameters()).isEqualTo(WEATHER);
    }
}
