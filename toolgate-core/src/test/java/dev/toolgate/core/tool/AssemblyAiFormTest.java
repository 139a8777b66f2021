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
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** AssemblyAI-style HTTP tools mapped onto the http_request model. */
class AssemblyAiFormTest {

    /** AssemblyAI's documented example, verbatim. */
    private static final String DOCUMENTED_EXAMPLE = """
            {
              "name": "get_weather",
              "description": "Get current weather for a location. Use this whenever the user asks about weather, temperature, or conditions.",
              "parameters": {
                "type": "object",
                "properties": {
                  "latitude":  { "type": "number", "description": "Latitude in decimal degrees, e.g. 48.85." },
                  "longitude": { "type": "number", "description": "Longitude in decimal degrees, e.g. 2.35." }
                },
                "required": ["latitude", "longitude"]
              },
              "execution_mode": "interactive",
              "timeout_seconds": 30,
              "http": {
                "url": "https://api.example.com/weather",
                "http_method": "GET",
                "headers": { "Authorization": "Bearer <secret>" }
              }
            }""";

    private static ObjectNode documentedExample() {
        return (ObjectNode) ToolJson.MAPPER.readTree(DOCUMENTED_EXAMPLE);
    }

    private static ObjectNode documentedExampleWith(String http) {
        ObjectNode body = documentedExample();
        body.put("timeout_seconds", 10);
        body.set("http", node(http));
        return body;
    }

    @Test
    void rejectsSeedExampleBecauseThirtySecondsExceedTheBudget() {
        assertSingleError(
                PARSER.parse(documentedExample()),
                "timeout_seconds",
                "must be at most 10 seconds (the deployment budget)");
    }

    @Test
    void mapsSeedExampleWithATenSecondTimeout() {
        ObjectNode body = documentedExample();
        body.put("timeout_seconds", 10);

        ToolDefinition def = valid(PARSER.parse(body));

        assertThat(def.type()).isEqualTo(ToolType.HTTP_REQUEST);
        assertThat(def.name()).isEqualTo("get_weather");
        assertThat(def.parameters()).isEqualTo(body.get("parameters"));
        HttpRequestConfig config = (HttpRequestConfig) def.config();
        assertThat(config.url()).isEqualTo("https://api.example.com/weather");
        assertThat(config.method()).isEqualTo(HttpMethod.GET);
        assertThat(config.bodyMode()).isEqualTo(BodyMode.ARGUMENTS);
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.auth()).isEqualTo(new Auth.Bearer("<secret>"));
        assertThat(config.headers()).isEmpty();
    }

    @Test
    void mapsOtherAuthorizationValuesToHeaderAuthAndKeepsOtherHeadersPlain() {
        ObjectNode body = documentedExampleWith("""
                {'url': 'https://api.example.com/weather', 'http_method': 'post',
                 'headers': {'Authorization': 'Token {{secrets.WEATHER}}', 'X-Team': 'ops'}}""");

        HttpRequestConfig config = httpConfig(PARSER.parse(body));

        assertThat(config.method()).isEqualTo(HttpMethod.POST);
        assertThat(config.auth()).isEqualTo(new Auth.Header("Authorization", "Token {{secrets.WEATHER}}"));
        assertThat(config.headers()).containsExactly(new KeyValue("X-Team", "ops"));
    }

    @Test
    void defaultsTimeoutAndMethodWhenLeftOut() {
        ObjectNode body = documentedExampleWith("{'url': 'https://api.example.com/weather'}");
        body.remove("timeout_seconds");

        HttpRequestConfig config = httpConfig(PARSER.parse(body));

        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.method()).isEqualTo(HttpMethod.POST);
    }

    @Test
    void reportsHttpBlockMistakesUnderTheUsersFieldNames() {
        ObjectNode body = documentedExampleWith("""
                {'url': 'http://api.example.com/weather', 'http_method': 'FETCH',
                 'headers': {'Host': 'evil', 'X-Ok': 'fine', 'X-Bad': '{{nope}}', 'X-Num': 5}, 'verb': 'GET'}""");

        List<FieldError> errors = errors(PARSER.parse(body));

        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder(
                        "http.url",
                        "http.http_method",
                        "http.headers.Host",
                        "http.headers.X-Bad",
                        "http.headers.X-Num",
                        "http.verb");
    }

    @Test
    void reportsMissingUrlAtHttpUrl() {
        assertSingleError(PARSER.parse(documentedExampleWith("{'http_method': 'GET'}")), "http.url", "is required");
    }

    @Test
    void refusesTheMaskAsABearerToken() {
        assertSingleError(
                PARSER.parse(documentedExampleWith(
                        "{'url': 'https://a.example.com', 'headers': {'Authorization': 'Bearer ***'}}")),
                "http.headers.Authorization",
                "masked placeholder");
    }

    @Test
    void refusesRepeatedAuthorizationHeaders() {
        ObjectNode body = documentedExampleWith("""
                {'url': 'https://a.example.com', 'headers': {'Authorization': 'Bearer a', 'authorization': 'Bearer b'}}""");

        assertSingleError(PARSER.parse(body), "http.headers.authorization", "repeats an earlier header");
    }

    @Test
    void rejectsHttpBlockThatIsNotAnObject() {
        ObjectNode body = documentedExample();
        body.put("http", "https://api.example.com");
        body.put("timeout_seconds", 5);

        assertSingleError(PARSER.parse(body), "http", "must be an object");
    }

    @Test
    void rejectsHeadersThatAreNotAnObject() {
        assertSingleError(
                PARSER.parse(documentedExampleWith(
                        "{'url': 'https://a.example.com', 'headers': [{'key': 'X', 'value': 'y'}]}")),
                "http.headers",
                "must be an object of header names to values");
    }

    @Test
    void rejectsTimeoutSecondsGivenAsText() {
        ObjectNode body = documentedExample();
        body.put("timeout_seconds", "10");

        assertSingleError(PARSER.parse(body), "timeout_seconds", "must be a number of seconds");
    }

    @Test
    void rejectsConfigNextToAnHttpBlock() {
        ObjectNode body = documentedExampleWith("{'url': 'https://a.example.com'}");
        body.set("config", json("{'url': 'https://b.example.com'}"));

        assertSingleError(PARSER.parse(body), "config", "cannot be combined with an http block");
    }

    @Test
    void rejectsAnotherToolTypeNextToAnHttpBlock() {
        ObjectNode body = documentedExampleWith("{'url': 'https://a.example.com'}");
        body.put("tool_type", "end_call");

        assertSingleError(PARSER.parse(body), "tool_type", "must be http_request or left out");
    }

    @Test
    void acceptsExplicitHttpRequestToolType() {
        ObjectNode body = documentedExampleWith("{'url': 'https://a.example.com'}");
        body.put("tool_type", "http_request");

        assertThat(valid(PARSER.parse(body)).type()).isEqualTo(ToolType.HTTP_REQUEST);
    }

    @Test
    void acceptsAnyExecutionModeAndIgnoresIt() {
        ObjectNode body = documentedExampleWith("{'url': 'https://a.example.com'}");
        body.put("execution_mode", "background");

        assertThat(PARSER.parse(body)).isInstanceOf(ParseResult.Valid.class);
    }

    @Test
    void stillRejectsUnknownTopLevelFields() {
        ObjectNode body = documentedExampleWith("{'url': 'https://a.example.com'}");
        body.put("timeout", 5);

        assertSingleError(PARSER.parse(body), "timeout", "is not a known field of a tool");
    }
}
