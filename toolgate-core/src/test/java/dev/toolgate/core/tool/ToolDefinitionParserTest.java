package dev.toolgate.core.tool;

import static dev.toolgate.core.tool.ToolJson.PARSER;
import static dev.toolgate.core.tool.ToolJson.assertSingleError;
import static dev.toolgate.core.tool.ToolJson.errors;
import static dev.toolgate.core.tool.ToolJson.httpTool;
import static dev.toolgate.core.tool.ToolJson.json;
import static dev.toolgate.core.tool.ToolJson.node;
import static dev.toolgate.core.tool.ToolJson.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

class ToolDefinitionParserTest {

    @Test
    void parsesNativeToolWithEveryDefaultFilledIn() {
        ObjectNode body = json("""
                {'name': 'lookup_customer', 'display_name': 'Kunden-Lookup',
                 'description': 'Looks up customer info by phone number', 'tool_type': 'http_request',
                 'config': {'url': 'https://crm.example.com/api/customers'}}""");

        ToolDefinition def = valid(PARSER.parse(body));

        assertThat(def.name()).isEqualTo("lookup_customer");
        assertThat(def.displayName()).isEqualTo("Kunden-Lookup");
        assertThat(def.parameters()).isEqualTo(node("{'type': 'object', 'properties': {}}"));
        assertThat(def.enabled()).isTrue();
        assertThat(def.priority()).isZero();
        HttpRequestConfig config = (HttpRequestConfig) def.config();
        assertThat(config.url()).isEqualTo("https://crm.example.com/api/customers");
        assertThat(config.method()).isEqualTo(HttpMethod.POST);
        assertThat(config.bodyMode()).isEqualTo(BodyMode.ENVELOPE);
        assertThat(config.auth()).isEqualTo(new Auth.None());
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.maxResponseBytes()).isEqualTo(65_536);
        assertThat(config.speakDuringExecution()).isFalse();
        assertThat(config.speakAfterExecution()).isTrue();
        assertThat(config.errorHint()).isNull();
        assertThat(config.signatureScheme()).isEqualTo(SignatureScheme.TOOLGATE);
    }

    @Test
    void keepsParametersIndependentOfTheSubmittedBody() {
        ObjectNode body = httpTool("");
        body.set("parameters", node("{'type': 'object', 'properties': {'city': {'type': 'string'}}}"));

        ToolDefinition def = valid(PARSER.parse(body));
        ((ObjectNode) body.get("parameters")).put("type", "array");

        assertThat(def.parameters().get("type").stringValue()).isEqualTo("object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "dots.not.allowed", "", "ümlaut"})
    void rejectsNamesOutsideTheFunctionNamePattern(String name) {
        ObjectNode body = httpTool("");
        body.put("name", name);

        assertSingleError(PARSER.parse(body), "name", "must match ^[a-zA-Z0-9_-]{1,64}$");
    }

    @Test
    void rejectsNameOfSixtyFiveCharacters() {
        ObjectNode body = httpTool("");
        body.put("name", "a".repeat(65));

        assertSingleError(PARSER.parse(body), "name", "must match ^[a-zA-Z0-9_-]{1,64}$");
    }

    @Test
    void acceptsNameOfSixtyFourCharacters() {
        ObjectNode body = httpTool("");
        body.put("name", "a".repeat(64));

        assertThat(valid(PARSER.parse(body)).name()).hasSize(64);
    }

    @Test
    void rejectsDescriptionLongerThanTwoThousandCharacters() {
        ObjectNode body = httpTool("");
        body.put("description", "x".repeat(2001));

        assertSingleError(PARSER.parse(body), "description", "must be at most 2000 characters");
    }

    @Test
    void countsDescriptionLengthInCharactersNotUtf16Units() {
        ObjectNode body = httpTool("");
        body.put("description", "😀".repeat(2000));

        assertThat(valid(PARSER.parse(body)).description()).hasSize(4000);
    }

    @Test
    void rejectsBlankDescription() {
        ObjectNode body = httpTool("");
        body.put("description", "   ");

        assertSingleError(PARSER.parse(body), "description", "must not be blank");
    }

    @Test
    void rejectsDisplayNameLongerThan255Characters() {
        ObjectNode body = httpTool("");
        body.put("display_name", "d".repeat(256));

        assertSingleError(PARSER.parse(body), "display_name", "must be at most 255 characters");
    }

    @Test
    void requiresNameDescriptionAndToolType() {
        List<FieldError> errors = errors(PARSER.parse(json("{'config': {}}")));

        assertThat(errors)
                .containsExactly(
                        new FieldError("name", "is required"),
                        new FieldError("description", "is required"),
                        new FieldError("tool_type", "is required"));
    }

    @Test
    void rejectsUnknownToolTypeNamingTheSevenTypes() {
        ObjectNode body = httpTool("");
        body.put("tool_type", "http");

        assertSingleError(
                PARSER.parse(body),
                "tool_type",
                "must be one of http_request, transfer_call, monitored_transfer, end_call, extract_variable, play_tone,"
                        + " knowledge_base");
    }

    @Test
    void requiresConfigForHttpRequest() {
        ObjectNode body = httpTool("");
        body.remove("config");

        assertSingleError(PARSER.parse(body), "config", "is required for tool_type http_request");
    }

    @Test
    void rejectsConfigThatIsNotAnObject() {
        ObjectNode body = httpTool("");
        body.put("config", "https://api.example.com");

        assertSingleError(PARSER.parse(body), "config", "must be an object");
    }

    @Test
    void rejectsMisspelledTopLevelFieldInsteadOfDroppingIt() {
        ObjectNode body = httpTool("");
        body.put("is_enabeld", false);

        assertSingleError(PARSER.parse(body), "is_enabeld", "is not a known field of a tool");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "agent_id", "created_at", "updated_at"})
    void rejectsReadOnlyFields(String field) {
        ObjectNode body = httpTool("");
        body.put(field, "x");

        assertSingleError(PARSER.parse(body), field, "is read-only");
    }

    @Test
    void rejectsAssemblyAiTimeoutWithoutHttpBlock() {
        ObjectNode body = httpTool("");
        body.put("timeout_seconds", 5);

        assertSingleError(PARSER.parse(body), "timeout_seconds", "use config.timeout");
    }

    @Test
    void rejectsPriorityOutsideZeroToTenThousand() {
        ObjectNode body = httpTool("");
        body.put("priority", 10_001);

        assertSingleError(PARSER.parse(body), "priority", "must be between 0 and 10000");
    }

    @Test
    void rejectsFractionalPriority() {
        ObjectNode body = httpTool("");
        body.put("priority", 1.5);

        assertSingleError(PARSER.parse(body), "priority", "must be a whole number");
    }

    @Test
    void reportsWrongJsonTypesAsFieldErrors() {
        ObjectNode body = json("""
                {'name': 7, 'description': ['x'], 'tool_type': 'http_request', 'is_enabled': 'yes',
                 'priority': '1', 'config': {'url': 'https://api.example.com', 'timeout': '5'}}""");

        List<FieldError> errors = errors(PARSER.parse(body));

        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactly("name", "description", "is_enabled", "priority", "config.timeout");
        assertThat(errors.get(0).message()).isEqualTo("must be a string");
        assertThat(errors.get(2).message()).isEqualTo("must be true or false");
    }

    @Test
    void reportsEveryMistakeAtOnce() {
        ObjectNode body = json("""
                {'name': 'bad name', 'description': '', 'tool_type': 'http_request', 'priority': -1,
                 'colour': 'blue',
                 'config': {'url': 'http://api.example.com/x', 'timeout': 30}}""");

        List<FieldError> errors = errors(PARSER.parse(body));

        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("name", "description", "priority", "colour", "config.url", "config.timeout");
    }

    @Test
    void reportsFiveMistakesAsFiveFieldErrors() {
        ObjectNode body = json("""
                {'name': 'x y', 'description': 'ok', 'tool_type': 'http_request',
                 'parameters': {'type': 'object', 'properties': {'a': {'type': 'strnig'}}},
                 'config': {'url': 'https://user:pw@api.example.com', 'method': 'FETCH',
                            'headers': [{'key': 'Host', 'value': 'evil'}], 'timeout': 10}}""");

        List<FieldError> errors = errors(PARSER.parse(body));

        assertThat(errors).hasSize(5);
        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder(
                        "name", "parameters.properties.a.type", "config.url", "config.method", "config.headers[0].key");
    }

    @Test
    void rejectsBodyThatIsNotAnObject() {
        assertSingleError(PARSER.parse(node("[1, 2]")), "body", "must be a JSON object");
    }

    @Test
    void acceptsExplicitNullsForOptionalFields() {
        ObjectNode body = httpTool("'error_hint': null, 'auth': null");
        body.putNull("display_name");
        body.putNull("parameters");
        body.putNull("priority");

        ToolDefinition def = valid(PARSER.parse(body));

        assertThat(def.displayName()).isNull();
        assertThat(def.priority()).isZero();
        assertThat(((HttpRequestConfig) def.config()).auth()).isEqualTo(new Auth.None());
    }

    @Test
    void readsEnabledFlagAndPriority() {
        ObjectNode body = httpTool("");
        body.put("is_enabled", false);
        body.put("priority", 3);

        ToolDefinition def = valid(PARSER.parse(body));

        assertThat(def.enabled()).isFalse();
        assertThat(def.priority()).isEqualTo(3);
    }
}
