package dev.toolgate.core.tool;

import static dev.toolgate.core.tool.ToolJson.PARSER;
import static dev.toolgate.core.tool.ToolJson.json;
import static dev.toolgate.core.tool.ToolJson.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The documented tool schemas say what the parser takes and what the writer writes. */
class ToolSchemasTest {

    private static final ToolLimits LIMITS = ToolLimits.ofDefaults();
    private static final ToolDefinitionWriter WRITER = new ToolDefinitionWriter();

    /** A full body of each type, every config field set to a non-default value. */
    private static final Map<ToolType, String> FULL = Map.of(
            ToolType.HTTP_REQUEST,
            "{'url': 'https://crm.example.com/lookup', 'method': 'GET', 'headers': [{'key': 'X-Team', 'value': 'a'}],"
                    + " 'query_params': [{'key': 'phone', 'value': '{{args.phone}}'}], 'body_mode': 'arguments',"
                    + " 'auth': {'type': 'header', 'header_name': 'X-Api-Key', 'value': '{{secrets.CRM_KEY}}'},"
                    + " 'timeout': 2.5, 'max_response_bytes': 4096, 'speak_during_execution': true,"
                    + " 'speak_after_execution': false, 'error_hint': 'Offer a callback.',"
                    + " 'signature_scheme': 'standard_webhooks', 'duplicate_window': 30}",
            ToolType.TRANSFER_CALL,
            "{'phone_number': '+4930999888', 'transfer_mode': 'warm', 'play_hold_music': true}",
            ToolType.MONITORED_TRANSFER,
            "{'phone_number': '+4930999888', 'timeout_seconds': 45}",
            ToolType.END_CALL,
            "{'goodbye_message': 'Goodbye!'}",
            ToolType.EXTRACT_VARIABLE,
            "{'variable_name': 'email', 'variable_type': 'email', 'prompt_text': 'Your e-mail?',"
                    + " 'example_format': 'name@example.com', 'confirmation_enabled': true}",
            ToolType.PLAY_TONE,
            "{'tone_type': 'dtmf', 'dtmf_digit': '0#', 'duration': 120, 'volume': 0.25}",
            ToolType.KNOWLEDGE_BASE,
            "{'top_k': 7, 'similarity_threshold': 0.55, 'bridging_sentence': 'Let me look that up.'}");

    /** The smallest body of each type: only what is required. */
    private static final Map<ToolType, String> MINIMAL = Map.of(
            ToolType.HTTP_REQUEST, "{'url': 'https://crm.example.com/lookup'}",
            ToolType.TRANSFER_CALL, "{'phone_number': '+4930999888'}",
            ToolType.MONITORED_TRANSFER, "{'phone_number': '+4930999888'}",
            ToolType.END_CALL, "{}",
            ToolType.EXTRACT_VARIABLE, "{'variable_name': 'email', 'variable_type': 'email'}",
            ToolType.PLAY_TONE, "{'digits': '1'}",
            ToolType.KNOWLEDGE_BASE, "{}");

    private static Schema schema(ToolType type) {
        JsonNode schema = ToolSchemas.tool(type, ToolSchemas.config(type, LIMITS));
        Schema compiled = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schema);
        compiled.initializeValidators();
        return compiled;
    }

    private static ObjectNode body(ToolType type, String config) {
        ObjectNode body = json("{'name': 'lookup_customer', 'display_name': 'Lookup', 'description': 'Looks a"
                + " customer up.', 'parameters': {'type': 'object', 'properties': {}}, 'is_enabled': true,"
                + " 'priority': 3}");
        body.put("tool_type", type.wireName());
        body.set("config", json(config));
        return body;
    }

    static Stream<Map.Entry<ToolType, String>> bodies() {
        return Stream.concat(FULL.entrySet().stream(), MINIMAL.entrySet().stream());
    }

    @ParameterizedTest
    @EnumSource(ToolType.class)
    void everySchemaIsValidJsonSchema(ToolType type) {
        ObjectNode schema = ToolSchemas.tool(type, ToolSchemas.config(type, LIMITS));

        assertThat(new ParametersSchemaCheck().check(schema, "schema")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void whatTheParserTakesFitsTheSchemaAndWhatTheWriterWritesToo(Map.Entry<ToolType, String> entry) {
        ObjectNode body = body(entry.getKey(), entry.getValue());
        ToolDefinition parsed = valid(PARSER.parse(body));

        assertThat(schema(entry.getKey()).validate(body)).as(body.toString()).isEmpty();
        assertThat(schema(entry.getKey()).validate(WRITER.toJson(parsed, true)))
                .as(WRITER.toJson(parsed, true).toString())
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ToolType.class)
    void theDocumentedDefaultsAreTheOnesTheParserFillsIn(ToolType type) {
        JsonNode written = WRITER.toJson(valid(PARSER.parse(body(type, MINIMAL.get(type)))), false)
                .get("config");
        JsonNode properties = ToolSchemas.config(type, LIMITS).get("properties");

        for (String field : properties.propertyNames()) {
            JsonNode fallback = properties.get(field).get("default");
            if (fallback != null && written.has(field)) {
                assertThat(written.get(field).toString()).as(type + " " + field).isEqualTo(fallback.toString());
            }
        }
    }

    @Test
    void fieldsTheParserRefusesAreOutsideTheSchema() {
        ObjectNode unknownField = body(ToolType.END_CALL, "{'goodbye': 'Bye'}");
        ObjectNode tooLong = body(ToolType.END_CALL, "{}");
        tooLong.put("description", "x".repeat(ToolDefinitionParser.MAX_DESCRIPTION + 1));
        ObjectNode noConfig = body(ToolType.TRANSFER_CALL, "{}");
        noConfig.remove("config");

        for (ObjectNode body : new ObjectNode[] {unknownField, tooLong, noConfig}) {
            assertThat(PARSER.parse(body)).isInstanceOf(ParseResult.Invalid.class);
            assertThat(schema(ToolType.fromWireName(body.get("tool_type").asString()))
                            .validate(body))
                    .as(body.toString().substring(0, 60))
                    .isNotEmpty();
        }
    }

    @Test
    void theHttpLimitsAreTheDeploymentsLimits() {
        ToolLimits tight = new ToolLimits(Duration.ofMillis(2500), 1024);
        JsonNode properties = ToolSchemas.config(ToolType.HTTP_REQUEST, tight).get("properties");

        assertThat(properties.get("timeout").get("maximum").asDouble()).isEqualTo(2.5);
        assertThat(properties.get("timeout").get("default").asDouble()).isEqualTo(2.5);
        assertThat(properties.get("max_response_bytes").get("maximum").asInt()).isEqualTo(1024);
    }
}
