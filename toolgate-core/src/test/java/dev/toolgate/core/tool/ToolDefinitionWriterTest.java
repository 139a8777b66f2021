package dev.toolgate.core.tool;

import static dev.toolgate.core.tool.ToolJson.PARSER;
import static dev.toolgate.core.tool.ToolJson.json;
import static dev.toolgate.core.tool.ToolJson.node;
import static dev.toolgate.core.tool.ToolJson.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ToolDefinitionWriterTest {

    private static final ToolDefinitionWriter WRITER = new ToolDefinitionWriter();

    private static final JsonNode SCHEMA =
            node("{'type': 'object', 'properties': {'q': {'type': 'string'}}, 'required': ['q']}");

    private static ToolDefinition tool(ToolConfig config) {
        return ToolDefinition.builder("t_1", "A tool.", SCHEMA, config)
                .displayName("T")
                .priority(4)
                .build();
    }

    private static HttpRequestConfig http(Auth auth, Duration timeout) {
        return HttpRequestConfig.builder("https://api.example.com/x?pinned=1", timeout, 1000)
                .method(HttpMethod.PUT)
                .headers(List.of(new KeyValue("X-Key", "{{secrets.KEY}}")))
                .queryParams(List.of(new KeyValue("q", "{{args.q}}")))
                .bodyMode(BodyMode.ARGUMENTS)
                .auth(auth)
                .speakDuringExecution(true)
                .speakAfterExecution(false)
                .errorHint("Retry later.")
                .signatureScheme(SignatureScheme.STANDARD_WEBHOOKS)
                .build();
    }

    static Stream<ToolDefinition> everyKindOfTool() {
        return Stream.of(
                tool(http(new Auth.None(), Duration.ofSeconds(10))),
                tool(http(new Auth.Bearer("tok"), Duration.ofMillis(2500))),
                tool(http(new Auth.Header("X-Api-Key", "{{secrets.K}}"), Duration.ofMillis(1))),
                tool(new TransferCallConfig("+4930999888", "warm", true)),
                tool(TransferCallConfig.builder("sip:desk@pbx.example.com")
                        .transferMode("warm")
                        .allowedDestinations(List.of("+14155550100", "sips:b@pbx.example.com"))
                        .whisperMessage("A caller about an invoice.")
                        .summary(true)
                        .build()),
                tool(TransferCallConfig.builder("+4930999888").extension("w12#").build()),
                tool(new MonitoredTransferConfig("+4930999888", 45)),
                tool(new MonitoredTransferConfig("+4930999888", 45, List.of("sip:desk@pbx.example.com"), "3")),
                tool(new EndCallConfig(null)),
                tool(new EndCallConfig("Bye!")),
                tool(new ExtractVariableConfig("email", "email", "Your e-mail?", null, true)),
                tool(new ExtractVariableConfig("order", "custom", null, "AB-1234", false, "[A-Z]{2}-[0-9]+")),
                tool(new PlayToneConfig("dtmf", "0#", 120, 0.25)),
                tool(new PlayToneConfig("dtmf", null, 40, 1.0)),
                tool(http(new Auth.None(), Duration.ofSeconds(1))
                        .withResponseVariables(Map.of("order_id", "/order/id", "names", "$.items[*].name"))),
                tool(new KnowledgeBaseConfig(7, 0.55, null)),
                ToolDefinition.builder("off", "Disabled.", SCHEMA, new EndCallConfig(null))
                        .enabled(false)
                        .build());
    }

    @ParameterizedTest
    @MethodSource("everyKindOfTool")
    void parsingTheWrittenJsonYieldsTheSameDefinition(ToolDefinition def) {
        ObjectNode json = WRITER.toJson(def, false);

        assertThat(valid(PARSER.parse(json))).isEqualTo(def);
    }

    @Test
    void writesTheNativeShapeWithEveryConfigField() {
        ObjectNode json = WRITER.toJson(tool(http(new Auth.Bearer("tok"), Duration.ofMillis(2500))), false);

        assertThat(json).isEqualTo(node("""
                {'name': 't_1', 'display_name': 'T', 'description': 'A tool.', 'tool_type': 'http_request',
                 'parameters': {'type': 'object', 'properties': {'q': {'type': 'string'}}, 'required': ['q']},
                 'config': {'url': 'https://api.example.com/x?pinned=1', 'method': 'PUT',
                            'headers': [{'key': 'X-Key', 'value': '{{secrets.KEY}}'}],
                            'query_params': [{'key': 'q', 'value': '{{args.q}}'}],
                            'body_mode': 'arguments', 'auth': {'type': 'bearer', 'token': 'tok'},
                            'timeout': 2.5, 'max_response_bytes': 1000,
                            'speak_during_execution': true, 'speak_after_execution': false, 'speak_during_message': null,
                            'error_hint': 'Retry later.', 'signature_scheme': 'standard_webhooks', 'duplicate_window': null,
                            'response_variables': {}},
                 'is_enabled': true, 'priority': 4}"""));
    }

    @Test
    void writesDefaultsOfAParsedToolExplicitly() {
        ToolDefinition def = valid(
                PARSER.parse(
                        json(
                                "{'name': 'n', 'description': 'd', 'tool_type': 'http_request', 'config': {'url': 'https://a.example.com'}}")));

        JsonNode config = WRITER.toJson(def, true).get("config");

        assertThat(config).isEqualTo(node("""
                {'url': 'https://a.example.com/', 'method': 'POST', 'headers': [], 'query_params': [],
                 'body_mode': 'envelope', 'auth': {'type': 'none'}, 'timeout': 10, 'max_response_bytes': 65536,
                 'speak_during_execution': false, 'speak_after_execution': true, 'speak_during_message': null, 'error_hint': null,
                 'signature_scheme': 'toolgate', 'duplicate_window': null, 'response_variables': {}}"""));
    }

    @Test
    void masksBearerTokenButNotSecretTemplatesInHeaders() {
        JsonNode config = WRITER.toJson(tool(http(new Auth.Bearer("tok"), Duration.ofSeconds(1))), true)
                .get("config");

        assertThat(config.get("auth")).isEqualTo(node("{'type': 'bearer', 'token': '***'}"));
        assertThat(config.get("headers").get(0).get("value").stringValue()).isEqualTo("{{secrets.KEY}}");
        assertThat(config.toString()).doesNotContain("tok\"");
    }

    @Test
    void masksHeaderAuthValueButShowsItsName() {
        JsonNode auth = WRITER.toJson(tool(http(new Auth.Header("X-Api-Key", "k-123"), Duration.ofSeconds(1))), true)
                .get("config")
                .get("auth");

        assertThat(auth).isEqualTo(node("{'type': 'header', 'header_name': 'X-Api-Key', 'value': '***'}"));
    }

    @Test
    void writesPlayToneDigitsUnderTheSeedName() {
        JsonNode config = WRITER.toJson(tool(new PlayToneConfig("dtmf", "1", 500, 0.8)), false)
                .get("config");

        assertThat(config).isEqualTo(node("{'tone_type': 'dtmf', 'dtmf_digit': '1', 'duration': 500, 'volume': 0.8}"));
    }

    @Test
    void returnsACopyOfTheParameters() {
        ToolDefinition def = tool(new EndCallConfig(null));

        ((ObjectNode) WRITER.toJson(def, false).get("parameters")).put("type", "array");

        assertThat(def.parameters().get("type").stringValue()).isEqualTo("object");
    }
}
