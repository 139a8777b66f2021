package dev.toolgate.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.tool.BodyMode;
import dev.toolgate.core.tool.HttpMethod;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.KeyValue;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinition;
import dev.toolgate.core.tool.UrlTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code {{args.NAME}}} path segments: each value stays ONE segment of the tool's own host. */
class PathTemplateRenderingTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final UUID TENANT = UUID.fromString("11111111-1111-4111-8111-111111111111");
    private static final UUID AGENT = UUID.fromString("22222222-2222-4222-8222-222222222222");
    private static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");
    private static final CallContext CALL = new CallContext("call_1", null, TENANT, AGENT, Map.of());
    private static final String URL = "https://api.example.com/v1/users/{{args.user}}/repos";

    private final RequestRenderer renderer =
            new RequestRenderer((tenant, name) -> Optional.of("s3cret"), "Toolgate/0.1.0");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "octocat                | /v1/users/octocat/repos",
                "../admin               | /v1/users/..%2Fadmin/repos",
                "a/b                    | /v1/users/a%2Fb/repos",
                "%2F                    | /v1/users/%252F/repos",
                "%2e%2e                 | /v1/users/%252e%252e/repos",
                "...                    | /v1/users/.../repos",
                "a?admin=1#x            | /v1/users/a%3Fadmin=1%23x/repos",
                "a\\b                   | /v1/users/a%5Cb/repos",
                "'a b'                  | /v1/users/a%20b/repos",
                "Zürich                 | /v1/users/Z%C3%BCrich/repos",
                "😀                     | /v1/users/%F0%9F%98%80/repos",
                "@evil.example.com      | /v1/users/@evil.example.com/repos",
                "//evil.example.com     | /v1/users/%2F%2Fevil.example.com/repos",
            })
    void encodesTheValueAsOneSegmentOfTheToolsHost(String value, String path) {
        ObjectNode arguments = MAPPER.createObjectNode().put("user", value);

        RenderedRequest request = renderer.render(tool(URL, HttpMethod.GET), arguments, CALL, "inv", NOW);

        assertThat(request.url().host()).isEqualTo("api.example.com");
        assertThat(request.url().port()).isEqualTo(443);
        assertThat(request.url().scheme()).isEqualTo("https");
        assertThat(request.url().encodedPath()).isEqualTo(path);
        assertThat(request.url().pathSize()).isEqualTo(4);
        assertThat(request.url().pathSegments().get(2)).isEqualTo(value);
        assertThat(request.url().query()).isNull();
    }

    @Test
    void anyOtherValueRoundTripsAsExactlyOneSegment() {
        java.util.Random random = new java.util.Random(20261201L);
        String alphabet = "/\\.%?#@:;=&+ $!'()*,[]{}<>\"|^`~-_azAZ09\u00e9\u00fc\u4e2d\ud83d\ude00\u0000\r\n\t";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = 1 + random.nextInt(12);
            while (value.length() < length) {
                int at = random.nextInt(alphabet.length());
                value.append(Character.isHighSurrogate(alphabet.charAt(at)) ? alphabet.substring(at, at + 2) : "")
                        .append(Character.isSurrogate(alphabet.charAt(at)) ? "" : String.valueOf(alphabet.charAt(at)));
            }
            String text = value.toString();
            if (text.equals(".") || text.equals("..")) {
                continue;
            }
            ObjectNode arguments = MAPPER.createObjectNode().put("user", text);

            HttpUrl url = renderer.render(tool(URL, HttpMethod.GET), arguments, CALL, "inv", NOW)
                    .url();

            assertThat(url.host()).as(text).isEqualTo("api.example.com");
            assertThat(url.port()).as(text).isEqualTo(443);
            assertThat(url.pathSegments()).as(text).containsExactly("v1", "users", text, "repos");
            assertThat(url.query()).as(text).isNull();
            assertThat(url.fragment()).as(text).isNull();
        }
    }

    @Test
    void encodesControlCharactersInsteadOfSendingThem() {
        ObjectNode arguments = MAPPER.createObjectNode().put("user", "a\r\nHost: evil\u0000");

        RenderedRequest request = renderer.render(tool(URL, HttpMethod.GET), arguments, CALL, "inv", NOW);

        assertThat(request.url().encodedPath()).isEqualTo("/v1/users/a%0D%0AHost:%20evil%00/repos");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", ".."})
    void refusesAValueThatWouldDropOrClimbOutOfTheSegment(String value) {
        ObjectNode arguments = MAPPER.createObjectNode().put("user", value);

        assertThatThrownBy(() -> renderer.render(tool(URL, HttpMethod.GET), arguments, CALL, "inv", NOW))
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_INVALID_ARGS);
                    assertThat(e.getMessage()).contains("'user'").contains("path");
                });
    }

    @Test
    void refusesAMissingOrNullPathArgument() {
        ObjectNode withNull = MAPPER.createObjectNode().putNull("user");

        assertThatThrownBy(() -> renderer.render(tool(URL, HttpMethod.GET), withNull, CALL, "inv", NOW))
                .isInstanceOf(RenderException.class);
        assertThatThrownBy(
                        () -> renderer.render(tool(URL, HttpMethod.GET), MAPPER.createObjectNode(), CALL, "inv", NOW))
                .isInstanceOf(RenderException.class);
    }

    @Test
    void numbersFillTheSegmentAsTheirJsonText() {
        ObjectNode arguments = MAPPER.createObjectNode().put("user", 42);

        RenderedRequest request = renderer.render(tool(URL, HttpMethod.GET), arguments, CALL, "inv", NOW);

        assertThat(request.url().encodedPath()).isEqualTo("/v1/users/42/repos");
    }

    @Test
    void aPathArgumentIsNotSentAgainInTheQueryOrTheBody() {
        ObjectNode arguments = MAPPER.createObjectNode().put("user", "octocat").put("per_page", 5);

        RenderedRequest get = renderer.render(tool(URL, HttpMethod.GET), arguments, CALL, "inv", NOW);
        RenderedRequest post = renderer.render(tool(URL, HttpMethod.POST), arguments, CALL, "inv", NOW);

        assertThat(get.url().toString()).isEqualTo("https://api.example.com/v1/users/octocat/repos?per_page=5");
        assertThat(post.url().toString()).isEqualTo("https://api.example.com/v1/users/octocat/repos");
        assertThat(post.bodyText()).isEqualTo("{\"per_page\":5}");
    }

    @Test
    void theEnvelopeStillCarriesEveryArgument() {
        HttpRequestConfig config = config(URL, HttpMethod.POST, BodyMode.ENVELOPE, List.of(), List.of());
        ObjectNode arguments = MAPPER.createObjectNode().put("user", "octocat");

        RenderedRequest request = renderer.render(tool(config), arguments, CALL, "inv", NOW);

        assertThat(request.url().encodedPath()).isEqualTo("/v1/users/octocat/repos");
        assertThat(request.bodyText()).contains("\"arguments\":{\"user\":\"octocat\"}");
    }

    @Test
    void argumentsRoutedToHeadersAndQueryParamsAreNotRepeatedAndAbsentOnesAreLeftOut() {
        HttpRequestConfig config = config(
                "https://api.example.com/v1/items",
                HttpMethod.POST,
                BodyMode.ARGUMENTS,
                List.of(new KeyValue("X-Request-Id", "{{args.request_id}}"), new KeyValue("X-Trace", "{{args.trace}}")),
                List.of(new KeyValue("dry_run", "{{args.dry_run}}"), new KeyValue("lang", "{{args.lang}}")));
        ObjectNode arguments = MAPPER.createObjectNode()
                .put("request_id", "r-1")
                .put("dry_run", true)
                .put("name", "x");

        RenderedRequest request = renderer.render(tool(config), arguments, CALL, "inv", NOW);

        assertThat(request.headers().get("X-Request-Id")).isEqualTo("r-1");
        assertThat(request.headers().names()).doesNotContain("X-Trace");
        assertThat(request.url().toString()).isEqualTo("https://api.example.com/v1/items?dry_run=true");
        assertThat(request.bodyText()).isEqualTo("{\"name\":\"x\"}");
    }

    @Test
    void aPercentEncodedPlaceholderInAUrlWithoutTemplatesStaysLiteral() {
        String literal = "https://api.example.com/v1/%7B%7Bargs.user%7D%7D";
        ObjectNode arguments = MAPPER.createObjectNode().put("user", "octocat");

        RenderedRequest request = renderer.render(tool(literal, HttpMethod.GET), arguments, CALL, "inv", NOW);

        assertThat(request.url().encodedPath()).isEqualTo("/v1/%7B%7Bargs.user%7D%7D");
        assertThat(request.url().queryParameter("user")).isEqualTo("octocat");
    }

    @Test
    void theSkeletonKeepsSchemeHostAndPortOutOfTemplates() {
        String skeleton = UrlTemplate.skeleton("https://api.example.com:8443/v1/{{args.a}}/x/{{ args.b }}");

        HttpUrl url = HttpUrl.get(skeleton);

        assertThat(url.host()).isEqualTo("api.example.com");
        assertThat(url.port()).isEqualTo(8443);
        assertThat(UrlTemplate.segmentArguments(url)).containsExactly(null, "a", null, "b");
        assertThat(UrlTemplate.argumentNames("https://api.example.com/{{args.a}}/{{args.a}}"))
                .containsExactly("a");
    }

    private static Tool tool(String url, HttpMethod method) {
        return tool(config(url, method, BodyMode.ARGUMENTS, List.of(), List.of()));
    }

    private static HttpRequestConfig config(
            String url, HttpMethod method, BodyMode mode, List<KeyValue> headers, List<KeyValue> query) {
        return HttpRequestConfig.builder(url, Duration.ofSeconds(5), 65_536)
                .method(method)
                .headers(headers)
                .queryParams(query)
                .bodyMode(mode)
                .speakAfterExecution(false)
                .build();
    }

    private static Tool tool(HttpRequestConfig config) {
        ToolDefinition definition = ToolDefinition.builder(
                        "list_repos", "Lists repos.", MAPPER.readTree("{\"type\":\"object\"}"), config)
                .build();
        return new Tool(UUID.randomUUID(), TENANT, AGENT, definition, NOW, NOW);
    }
}
