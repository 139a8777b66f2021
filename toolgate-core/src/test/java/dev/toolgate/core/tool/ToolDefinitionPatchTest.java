package dev.toolgate.core.tool;

import static dev.toolgate.core.tool.ToolJson.PARSER;
import static dev.toolgate.core.tool.ToolJson.assertSingleError;
import static dev.toolgate.core.tool.ToolJson.errors;
import static dev.toolgate.core.tool.ToolJson.httpConfig;
import static dev.toolgate.core.tool.ToolJson.json;
import static dev.toolgate.core.tool.ToolJson.node;
import static dev.toolgate.core.tool.ToolJson.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ToolDefinitionPatchTest {

    private static final ToolDefinitionWriter WRITER = new ToolDefinitionWriter();

    private final ToolDefinition stored = valid(PARSER.parse(json("""
            {'name': 'lookup', 'display_name': 'Lookup', 'description': 'Looks a customer up.',
             'tool_type': 'http_request', 'priority': 2,
             'config': {'url': 'https://crm.example.com/customers', 'method': 'GET',
                        'headers': [{'key': 'X-Team', 'value': 'sales'}],
                        'auth': {'type': 'bearer', 'token': 'real-token'},
                        'timeout': 5, 'error_hint': 'Say the CRM is down.'}}""")));

    private ParseResult patch(String patch) {
        return PARSER.patch(stored, json(patch));
    }

    @Test
    void replacesOnlyTheTopLevelFieldsPresent() {
        ToolDefinition patched = valid(patch("{'description': 'Finds a customer by phone.', 'priority': 7}"));

        assertThat(patched.description()).isEqualTo("Finds a customer by phone.");
        assertThat(patched.priority()).isEqualTo(7);
        assertThat(patched.name()).isEqualTo("lookup");
        assertThat(patched.config()).isEqualTo(stored.config());
    }

    @Test
    void mergesConfigKeyByKey() {
        HttpRequestConfig config = httpConfig(patch("{'config': {'timeout': 2}}"));

        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.url()).isEqualTo("https://crm.example.com/customers");
        assertThat(config.method()).isEqualTo(HttpMethod.GET);
        assertThat(config.headers()).containsExactly(new KeyValue("X-Team", "sales"));
        assertThat(config.auth()).isEqualTo(new Auth.Bearer("real-token"));
    }

    @Test
    void replacesArraysInsideConfigWhole() {
        HttpRequestConfig config = httpConfig(patch("{'config': {'headers': [{'key': 'X-Region', 'value': 'eu'}]}}"));

        assertThat(config.headers()).containsExactly(new KeyValue("X-Region", "eu"));
    }

    @Test
    void nullResetsAnOptionalConfigFieldToItsDefault() {
        HttpRequestConfig config = httpConfig(patch("{'config': {'error_hint': null, 'timeout': null}}"));

        assertThat(config.errorHint()).isNull();
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void nullClearsTheDisplayName() {
        assertThat(valid(patch("{'display_name': null}")).displayName()).isNull();
    }

    @Test
    void nullOnARequiredFieldIsAnError() {
        assertSingleError(patch("{'description': null}"), "description", "is required");
    }

    @Test
    void maskSentBackKeepsTheStoredToken() {
        ObjectNode masked = WRITER.toJson(stored, true);
        masked.put("description", "Changed.");

        ToolDefinition patched = valid(PARSER.patch(stored, masked));

        assertThat(((HttpRequestConfig) patched.config()).auth()).isEqualTo(new Auth.Bearer("real-token"));
        assertThat(patched.description()).isEqualTo("Changed.");
    }

    @Test
    void maskInsideAConfigPatchKeepsTheStoredToken() {
        HttpRequestConfig config = httpConfig(patch("{'config': {'auth': {'type': 'bearer', 'token': '***'}}}"));

        assertThat(config.auth()).isEqualTo(new Auth.Bearer("real-token"));
    }

    @Test
    void realTokenReplacesTheStoredOne() {
        HttpRequestConfig config = httpConfig(patch("{'config': {'auth': {'token': 'new-token'}}}"));

        assertThat(config.auth()).isEqualTo(new Auth.Bearer("new-token"));
    }

    @Test
    void maskCannotStandForASecretThatIsNotStored() {
        assertSingleError(
                patch(
                        "{'config': {'auth': {'type': 'header', 'header_name': 'X-Key', 'value': '***', 'token': null}}}"),
                "config.auth.value",
                "masked placeholder");
    }

    @Test
    void maskKeepsTheStoredHeaderAuthValue() {
        ToolDefinition headerAuth = valid(PARSER.parse(json("""
                {'name': 'x', 'description': 'd', 'tool_type': 'http_request',
                 'config': {'url': 'https://a.example.com', 'auth': {'type': 'header', 'header_name': 'X-Key', 'value': 'k1'}}}""")));

        ToolDefinition patched = valid(PARSER.patch(headerAuth, WRITER.toJson(headerAuth, true)));

        assertThat(patched).isEqualTo(headerAuth);
    }

    @Test
    void reValidatesTheWholeResult() {
        assertSingleError(patch("{'config': {'url': 'http://crm.example.com'}}"), "config.url", "must use https://");
    }

    @Test
    void changingToolTypeReplacesTheConfig() {
        ToolDefinition patched =
                valid(patch("{'tool_type': 'transfer_call', 'config': {'phone_number': '+4930999888'}}"));

        assertThat(patched.config()).isEqualTo(new TransferCallConfig("+4930999888", "cold", false));
    }

    @Test
    void changingToolTypeWithoutConfigReportsTheOldConfigFields() {
        ParseResult result = patch("{'tool_type': 'end_call'}");

        assertThat(errors(result)).extracting(FieldError::field).contains("config.url", "config.auth");
    }

    @Test
    void rejectsUnknownFieldsInAPatch() {
        assertSingleError(patch("{'descripton': 'typo'}"), "descripton", "is not a known field");
    }

    @Test
    void httpBlockReplacesTheConfigAndMaskKeepsTheBearerToken() {
        HttpRequestConfig config = httpConfig(patch("""
                {'http': {'url': 'https://weather.example.com', 'http_method': 'GET', 'headers': {'Authorization': '***'}},
                 'timeout_seconds': 3}"""));

        assertThat(config.url()).isEqualTo("https://weather.example.com/");
        assertThat(config.bodyMode()).isEqualTo(BodyMode.ARGUMENTS);
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.auth()).isEqualTo(new Auth.Bearer("real-token"));
        assertThat(config.headers()).isEmpty();
    }

    @Test
    void httpBlockAcceptsMaskedBearerForm() {
        HttpRequestConfig config = httpConfig(
                patch("{'http': {'url': 'https://w.example.com', 'headers': {'Authorization': 'Bearer ***'}}}"));

        assertThat(config.auth()).isEqualTo(new Auth.Bearer("real-token"));
    }

    @Test
    void rejectsAPatchThatIsNotAnObject() {
        assertSingleError(PARSER.patch(stored, node("'x'")), "body", "must be a JSON object");
    }

    @Test
    void emptyPatchKeepsTheToolAsItWas() {
        assertThat(valid(patch("{}"))).isEqualTo(stored);
    }

    @Test
    void replacesParametersWhole() {
        ToolDefinition patched =
                valid(patch("{'parameters': {'type': 'object', 'properties': {'phone': {'type': 'string'}}}}"));

        assertThat(patched.parameters())
                .isEqualTo(node("{'type': 'object', 'properties': {'phone': {'type': 'string'}}}"));
    }
}
