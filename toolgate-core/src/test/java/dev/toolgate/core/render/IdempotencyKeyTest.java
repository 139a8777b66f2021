package dev.toolgate.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class IdempotencyKeyTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final UUID TOOL_ID = UUID.fromString("3f2a9c4e-1b7d-4e8a-9f00-0123456789ab");
    private static final UUID TENANT = UUID.fromString("11111111-1111-4111-8111-111111111111");
    private static final UUID AGENT = UUID.fromString("22222222-2222-4222-8222-222222222222");
    private static final Instant VERSION = Instant.parse("2026-11-21T08:30:00Z");
    private static final Tool TOOL = tool(VERSION);
    private static final CallContext CALL = call("call_1", "+14155550123", Map.of("customer", "C-9"));

    @Test
    void matchesAnIndependentlyComputedDigest() {
        // printf '%s' '["tg-idem-2","call_123","3f2a9c4e-1b7d-4e8a-9f00-0123456789ab","2026-11-21T08:30:00Z",
        // "+14155550123",{"customer":"C-9","lang":"de"},{"a":{"x":1,"y":[2,{"p":true,"q":null}]},"b":"Zürich"}]'
        // | sha256sum   (one line, no spaces between the parts)
        JsonNode arguments = json("{\"b\": \"Zürich\", \"a\": {\"y\": [2, {\"q\": null, \"p\": true}], \"x\": 1}}");
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("lang", "de");
        variables.put("customer", "C-9");

        String key = IdempotencyKey.of(TOOL, call("call_123", "+14155550123", variables), arguments);

        assertThat(key).isEqualTo("f6e5b50bbbd733fc33857d3e4fbb5bb6674ccfda5b0369e014fe91aab0d7f96c");
    }

    @Test
    void aTrueRepeatGetsTheSameKeyWhateverThePropertyOrder() {
        String first = IdempotencyKey.of(TOOL, CALL, json("{\"a\": 1, \"o\": {\"x\": 1, \"y\": 2}}"));
        String second = IdempotencyKey.of(
                tool(VERSION),
                call("call_1", "+14155550123", Map.of("customer", "C-9")),
                json("{\"o\": {\"y\": 2, \"x\": 1}, \"a\": 1}"));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void changesWithEverythingThatShapesTheRequest() {
        JsonNode arguments = json("{\"a\": [1, 2]}");
        String base = IdempotencyKey.of(TOOL, CALL, arguments);

        assertThat(IdempotencyKey.of(TOOL, call("call_2", "+14155550123", CALL.variables()), arguments))
                .as("another call")
                .isNotEqualTo(base);
        assertThat(IdempotencyKey.of(TOOL, call("call_1", "+14155550199", CALL.variables()), arguments))
                .as("another caller number")
                .isNotEqualTo(base);
        assertThat(IdempotencyKey.of(TOOL, call("call_1", null, CALL.variables()), arguments))
                .as("an unknown caller number")
                .isNotEqualTo(base);
        assertThat(IdempotencyKey.of(TOOL, call("call_1", "+14155550123", Map.of("customer", "C-10")), arguments))
                .as("other call variables")
                .isNotEqualTo(base);
        assertThat(IdempotencyKey.of(tool(VERSION.plusMillis(1)), CALL, arguments))
                .as("the tool changed (a PATCH)")
                .isNotEqualTo(base);
        assertThat(IdempotencyKey.of(
                        new Tool(UUID.randomUUID(), TENANT, AGENT, TOOL.definition(), VERSION, VERSION),
                        CALL,
                        arguments))
                .as("another tool")
                .isNotEqualTo(base);
        assertThat(IdempotencyKey.of(TOOL, CALL, json("{\"a\": [2, 1]}")))
                .as("other arguments")
                .isNotEqualTo(base);
        assertThat(IdempotencyKey.of(TOOL, CALL, json("{\"a\": [1, 2], \"b\": null}")))
                .isNotEqualTo(base);
    }

    private static Tool tool(Instant updatedAt) {
        HttpRequestConfig config = HttpRequestConfig.builder(
                        "https://api.example.com/slots", Duration.ofSeconds(5), 65_536)
                .build();
        ToolDefinition definition = ToolDefinition.builder(
                        "check_slot", "Checks a slot", MAPPER.createObjectNode(), config)
                .build();
        return new Tool(TOOL_ID, TENANT, AGENT, definition, VERSION, updatedAt);
    }

    private static CallContext call(String id, String callerNumber, Map<String, String> variables) {
        return new CallContext(id, callerNumber, TENANT, AGENT, variables);
    }

    private static JsonNode json(String text) {
        return MAPPER.readTree(text);
    }
}
