package dev.toolgate.core.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.args.ArgumentValidator;
import dev.toolgate.core.tool.EndCallConfig;
import dev.toolgate.core.tool.ExtractVariableConfig;
import dev.toolgate.core.tool.KnowledgeBaseConfig;
import dev.toolgate.core.tool.MonitoredTransferConfig;
import dev.toolgate.core.tool.PlayToneConfig;
import dev.toolgate.core.tool.ToolConfig;
import dev.toolgate.core.tool.ToolDefinition;
import dev.toolgate.core.tool.TransferCallConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The argument schema the model sees for each non-HTTP tool type. */
class ToolSchemasTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNode STORED = MAPPER.readTree("{\"type\":\"object\",\"properties\":{\"x\":{}}}");

    private static JsonNode schema(ToolConfig config) {
        return ToolSchemas.forTool(
                ToolDefinition.builder("t", "A tool.", STORED, config).build());
    }

    private static boolean accepts(JsonNode schema, String arguments) {
        return ArgumentValidator.compile(schema)
                .validate(MAPPER.readTree(arguments.replace('\'', '"')))
                .isEmpty();
    }

    @Test
    void extractVariableAsksForAValueAndConfirmationWhenEnabled() {
        JsonNode plain = schema(new ExtractVariableConfig("email", "email", null, "name@example.com", false));
        JsonNode confirmed = schema(new ExtractVariableConfig("email", "email", null, null, true));

        assertThat(plain.get("required").toString()).isEqualTo("[\"value\"]");
        assertThat(plain.get("properties").propertyNames()).containsExactly("value");
        assertThat(plain.at("/properties/value/description").stringValue())
                .isEqualTo("The caller's email (email), e.g. name@example.com.");
        assertThat(confirmed.get("properties").propertyNames()).containsExactly("value", "confirmed");
        assertThat(accepts(confirmed, "{'value': 'a@b.de', 'confirmed': true}")).isTrue();
        assertThat(accepts(confirmed, "{'confirmed': true}")).isFalse();
        assertThat(accepts(plain, "{'value': 'a@b.de', 'confirmed': true}")).isFalse();
    }

    @Test
    void transferOffersADestinationOnlyWithAlternatives() {
        JsonNode single = schema(new TransferCallConfig("+4930999888", "cold", false));
        JsonNode fixedExtension =
                schema(TransferCallConfig.builder("+4930999888").extension("12").build());
        JsonNode choice = schema(TransferCallConfig.builder("+4930999888")
                .transferMode("warm")
                .allowedDestinations(List.of("+14155550100", "sip:b@pbx.example.com"))
                .extension("12")
                .summary(true)
                .build());

        assertThat(single.get("properties").propertyNames()).containsExactly("extension");
        assertThat(fixedExtension.get("properties").propertyNames()).isEmpty();
        assertThat(choice.get("properties").propertyNames()).containsExactly("destination", "extension", "summary");
        assertThat(choice.at("/properties/destination/description").stringValue())
                .contains("+14155550100, sip:b@pbx.example.com");
        assertThat(accepts(choice, "{'destination': '+1 415 555 0100', 'extension': '12', 'summary': 'Jane.'}"))
                .isTrue();
        assertThat(accepts(single, "{'extension': '*72'}")).isFalse();
        assertThat(accepts(single, "{}")).isTrue();
    }

    @Test
    void monitoredTransferHasNoSummary() {
        JsonNode schema = schema(new MonitoredTransferConfig("+4930999888", 20, List.of("+14155550100"), null));

        assertThat(schema.get("properties").propertyNames()).containsExactly("destination", "extension");
    }

    @Test
    void playToneAsksForDigitsOnlyWhenOpen() {
        JsonNode fixed = schema(new PlayToneConfig("dtmf", "1", 500, 0.8));
        JsonNode open = schema(new PlayToneConfig("dtmf", null, 500, 0.8));

        assertThat(fixed.get("properties").propertyNames()).isEmpty();
        assertThat(accepts(open, "{'digits': '12w#'}")).isTrue();
        assertThat(accepts(open, "{'digits': '" + "1".repeat(65) + "'}")).isFalse();
        assertThat(accepts(open, "{}")).isFalse();
    }

    @Test
    void endCallTakesNothingAndKnowledgeBaseAQuery() {
        JsonNode endCall = schema(new EndCallConfig("Bye"));
        JsonNode knowledge = schema(new KnowledgeBaseConfig(5, 0.7, null));

        assertThat(endCall.toString())
                .isEqualTo("{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}");
        assertThat(accepts(endCall, "{}")).isTrue();
        assertThat(accepts(endCall, "{'x': 1}")).isFalse();
        assertThat(knowledge.get("required").toString()).isEqualTo("[\"query\"]");
        assertThat(accepts(knowledge, "{'query': 'opening hours'}")).isTrue();
        assertThat(accepts(knowledge, "{}")).isFalse();
    }
}
