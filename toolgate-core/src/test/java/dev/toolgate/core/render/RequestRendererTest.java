package dev.toolgate.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.tool.Auth;
import dev.toolgate.core.tool.BodyMode;
import dev.toolgate.core.tool.EndCallConfig;
import dev.toolgate.core.tool.HttpMethod;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.KeyValue;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolConfig;
import dev.toolgate.core.tool.ToolDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class RequestRendererTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final UUID TENANT = UUID.fromString("11111111-1111-4111-8111-111111111111");
    private static final UUID AGENT = UUID.fromString("22222222-2222-4222-8222-222222222222");
    private static final UUID TOOL_ID = UUID.fromString("33333333-3333-4333-8333-333333333333");
    private static final Instant NOW = Instant.parse("2026-11-21T08:30:00.789Z");
    private static final long NOW_SECONDS = 1_795_249_800L;
    private static final CallContext CALL =
            new CallContext("call_42", "+493012345678", TENANT, AGENT, Map.of("customer_id", "C-981"));
    private static final Map<String, String> SECRETS =
            Map.of("weather_key", "wk-SECRET-1", "crm_token", "crm-SECRET-2");

    private final RequestRenderer renderer = new RequestRenderer(
            (tenant, name) -> tenant.equals(TENANT) ? Optional.ofNullable(SECRETS.get(name)) : Optional.empty(),
            "Toolgate/0.1.0");

    @Test
    void envelopeModePostsTheEnvelopeWhateverTheMethod() {
        Tool tool = tool(config("https://api.example.com/hooks/weather", HttpMethod.GET, BodyMode.ENVELOPE));

        RenderedRequest request =
                renderer.render(tool, args("{\"city\": \"Zürich\", \"days\": 3}"), CALL, "inv_1", NOW);

        assertThat(request.method()).isEqualTo(HttpMethod.POST);
        assertThat(request.url().toString()).isEqualTo("https://api.example.com/hooks/weather");
        assertThat(request.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(request.bodyText())
                .isEqualTo("{\"tool\":\"get_weather\",\"arguments\":{\"city\":\"Zürich\",\"days\":3},"
                        + "\"caller_number\":\"+493012345678\",\"call_id\":\"call_42\",\"agent_id\":\"" + AGENT + "\","
                        + "\"tenant_id\":\"" + TENANT
                        + "\",\"invocation_id\":\"inv_1\",\"timestamp\":\"2026-11-21T08:30:00Z\"}");
    }

    @Test
    void envelopeSendsNullForAnUnknownCallerNumber() {
        CallContext anonymous = new CallContext("call_42", null, TENANT, AGENT, Map.of());
        Tool tool = tool(config("https://api.example.com/hooks", HttpMethod.POST, BodyMode.ENVELOPE));

        RenderedRequest request = renderer.render(tool, args("{}"), anonymous, "inv_1", NOW);

        assertThat(MAPPER.readTree(request.body()).get("caller_number").isNull())
                .isTrue();
    }

    @Test
    void bodyKeepsNonAsciiAsUtf8() {
        Tool tool = tool(config("https://api.example.com/orders", HttpMethod.POST, BodyMode.ARGUMENTS));

        RenderedRequest request = renderer.render(tool, args("{\"dish\": \"Crème brûlée 🍮\"}"), CALL, "inv_1", NOW);

        assertThat(request.body()).isEqualTo("{\"dish\":\"Crème brûlée 🍮\"}".getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(
            value = HttpMethod.class,
            names = {"POST", "PUT", "PATCH"})
    void argumentsModeSendsTheArgumentsAsTheBodyWithNativeTypes(HttpMethod method) {
        Tool tool = tool(config("https://api.example.com/orders?source=voice", method, BodyMode.ARGUMENTS));

        RenderedRequest request = renderer.render(
                tool,
                args("{\"qty\": 2, \"price\": 9.5, \"gift\": false, \"items\": [\"a\"], \"note\": null}"),
                CALL,
                "inv_1",
                NOW);

        assertThat(request.method()).isEqualTo(method);
        assertThat(request.url().toString()).isEqualTo("https://api.example.com/orders?source=voice");
        assertThat(request.bodyText())
                .isEqualTo("{\"qty\":2,\"price\":9.5,\"gift\":false,\"items\":[\"a\"],\"note\":null}");
        assertThat(request.headers().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    }

    @ParameterizedTest
    @EnumSource(
            value = HttpMethod.class,
            names = {"GET", "DELETE"})
    void argumentsModePutsEachArgumentInTheQueryString(HttpMethod method) {
        Tool tool = tool(config("https://api.example.com/v1/weather", method, BodyMode.ARGUMENTS));

        RenderedRequest request = renderer.render(tool, args("""
                {"city": "São Paulo", "days": 3, "ratio": 2.5, "metric": true, "tags": ["a b", 1],
                 "where": {"lat": 1.5}, "skip": null, "plus": "1+1=2&x"}"""), CALL, "inv_1", NOW);

        assertThat(request.method()).isEqualTo(method);
        assertThat(request.body()).isNull();
        assertThat(request.contentType()).isNull();
        assertThat(request.headers().get("Content-Type")).isNull();
        assertThat(request.url().encodedQuery())
                .isEqualTo("city=S%C3%A3o%20Paulo&days=3&ratio=2.5&metric=true"
                        + "&tags=%5B%22a%20b%22%2C1%5D&where=%7B%22lat%22%3A1.5%7D&plus=1%2B1%3D2%26x");
        assertThat(request.url().queryParameter("tags")).isEqualTo("[\"a b\",1]");
        assertThat(request.url().queryParameter("skip")).isNull();
        assertThat(request.target()).startsWith("/v1/weather?city=S%C3%A3o%20Paulo&days=3");
    }

    @Test
    void aRenderedUrlNeverCarriesAnEarlierCallsQueryOrAnEditedToolsOldUrl() {
        Tool tool = tool(config("https://api.example.com/v1/weather?units=metric", HttpMethod.GET, BodyMode.ARGUMENTS));

        RenderedRequest first = renderer.render(tool, args("{\"city\": \"Berlin\"}"), CALL, "inv_1", NOW);
        RenderedRequest second = renderer.render(tool, args("{\"days\": 3}"), CALL, "inv_2", NOW);
        Tool edited = tool(config("https://api.example.com/v2/weather", HttpMethod.GET, BodyMode.ARGUMENTS));
        RenderedRequest third = renderer.render(edited, args("{\"days\": 3}"), CALL, "inv_3", NOW);

        assertThat(first.url().toString()).isEqualTo("https://api.example.com/v1/weather?units=metric&city=Berlin");
        assertThat(second.url().toString()).isEqualTo("https://api.example.com/v1/weather?units=metric&days=3");
        assertThat(third.url().toString()).isEqualTo("https://api.example.com/v2/weather?days=3");
    }

    @Test
    void bodylessTargetIsPathAndQueryAsSent() {
        Tool tool = tool(config("https://api.example.com/v1/weather#section", HttpMethod.GET, BodyMode.ARGUMENTS));

        RenderedRequest request =
                renderer.render(tool, args("{\"city\": \"Berlin\", \"days\": 3}"), CALL, "inv_1", NOW);

        assertThat(request.target()).isEqualTo("/v1/weather?city=Berlin&days=3");
        assertThat(request.url().fragment()).isNull();
    }

    @Test
    void queryParametersPinnedInTheUrlWinOverTheModels() {
        Tool tool = tool(
                config("https://api.example.com/v1/weather?units=metric&lang=de", HttpMethod.GET, BodyMode.ARGUMENTS));

        RenderedRequest request =
                renderer.render(tool, args("{\"units\": \"imperial\", \"city\": \"Berlin\"}"), CALL, "inv_1", NOW);

        assertThat(request.url().encodedQuery()).isEqualTo("units=metric&lang=de&city=Berlin");
    }

    @Test
    void toolQueryParamsAreTemplatedWinAndMaskSecrets() {
        HttpRequestConfig config = HttpRequestConfig.builder(
                        "https://api.example.com/v1/weather", Duration.ofSeconds(5), 65_536)
                .method(HttpMethod.GET)
                .queryParams(List.of(
                        new KeyValue("api_key", "{{secrets.weather_key}}"),
                        new KeyValue("caller", "{{caller_number}}"),
                        new KeyValue("customer", "{{vars.customer_id}}")))
                .bodyMode(BodyMode.ARGUMENTS)
                .speakAfterExecution(false)
                .build();

        RenderedRequest request = renderer.render(
                tool(config), args("{\"api_key\": \"model-guess\", \"city\": \"Berlin\"}"), CALL, "inv_1", NOW);

        assertThat(request.url().queryParameterValues("api_key")).containsExactly("wk-SECRET-1");
        assertThat(request.url().queryParameter("caller")).isEqualTo("+493012345678");
        assertThat(request.url().queryParameter("customer")).isEqualTo("C-981");
        assertThat(request.url().queryParameter("city")).isEqualTo("Berlin");
        assertThat(request.maskedUrl())
                .isEqualTo(
                        "https://api.example.com/v1/weather?api_key=***&caller=%2B493012345678&customer=C-981&city=Berlin")
                .doesNotContain("wk-SECRET-1");
        assertThat(request.toString()).doesNotContain("wk-SECRET-1");
    }

    @Test
    void setsToolgateHeadersOnEveryRequest() {
        Tool tool = tool(config("https://api.example.com/v1/weather", HttpMethod.GET, BodyMode.ARGUMENTS));
        ObjectNode arguments = args("{\"city\": \"Berlin\"}");

        RenderedRequest request = renderer.render(tool, arguments, CALL, "inv_1", NOW);

        assertThat(request.headers().get("X-Toolgate-Invocation-Id")).isEqualTo("inv_1");
        assertThat(request.headers().get("X-Toolgate-Timestamp")).isEqualTo(Long.toString(NOW_SECONDS));
        assertThat(request.headers().get("Idempotency-Key")).isEqualTo(IdempotencyKey.of(tool, CALL, arguments));
        assertThat(request.headers().get("User-Agent")).isEqualTo("Toolgate/0.1.0");
    }

    @Test
    void idempotencyKeyIgnoresArgumentOrderButNotValues() {
        Tool tool = tool(config("https://api.example.com/v1/weather", HttpMethod.GET, BodyMode.ARGUMENTS));

        String first = key(renderer.render(tool, args("{\"city\": \"Berlin\", \"days\": 3}"), CALL, "inv_1", NOW));
        String reordered = key(
                renderer.render(tool, args("{\"days\": 3, \"city\": \"Berlin\"}"), CALL, "inv_2", NOW.plusSeconds(9)));
        String changed = key(renderer.render(tool, args("{\"city\": \"Berlin\", \"days\": 4}"), CALL, "inv_3", NOW));

        assertThat(reordered).isEqualTo(first);
        assertThat(changed).isNotEqualTo(first);
    }

    @Test
    void idempotencyKeyChangesWithTheCallerNumberTheVariablesAndTheToolVersion() {
        Tool tool = tool(config("https://api.example.com/v1/weather", HttpMethod.GET, BodyMode.ENVELOPE));
        ObjectNode arguments = args("{\"city\": \"Berlin\"}");
        String base = key(renderer.render(tool, arguments, CALL, "inv_1", NOW));

        String otherCaller = key(renderer.render(
                tool, arguments, new CallContext("call_42", "+15550001", TENANT, AGENT, CALL.variables()), "i", NOW));
        String otherVariables = key(renderer.render(
                tool, arguments, new CallContext("call_42", CALL.callerNumber(), TENANT, AGENT, Map.of()), "i", NOW));
        String patched = key(renderer.render(
                new Tool(TOOL_ID, TENANT, AGENT, tool.definition(), NOW, NOW.plusSeconds(1)),
                arguments,
                CALL,
                "i",
                NOW));
        String repeat = key(renderer.render(tool, args("{\"city\": \"Berlin\"}"), CALL, "inv_2", NOW.plusSeconds(3)));

        assertThat(List.of(otherCaller, otherVariables, patched))
                .doesNotContain(base)
                .doesNotHaveDuplicates();
        assertThat(repeat).isEqualTo(base);
    }

    @Test
    void carriesEverySecretValueItInsertedAndMasksThemInWhatItShows() {
        HttpRequestConfig config = HttpRequestConfig.builder(
                        "https://api.example.com/v1/crm", Duration.ofSeconds(5), 65_536)
                .headers(List.of(
                        new KeyValue("X-Crm", "crm {{secrets.crm_token}}"), new KeyValue("X-City", "{{args.city}}")))
                .queryParams(List.of(new KeyValue("key", "{{secrets.weather_key}}")))
                .bodyMode(BodyMode.ARGUMENTS)
                .auth(new Auth.Bearer("plain-token"))
                .speakAfterExecution(false)
                .build();

        // the model echoes a secret it should not know into its arguments: shown masked all the same
        RenderedRequest request = renderer.render(
                tool(config), args("{\"city\": \"x wk-SECRET-1\", \"note\": \"x wk-SECRET-1\"}"), CALL, "inv_1", NOW);

        assertThat(request.secrets().mask("Bearer plain-token | crm crm-SECRET-2 | key=wk-SECRET-1 | plain-token"))
                .isEqualTo("*** | *** | key=*** | ***");
        assertThat(request.maskedHeaders()).containsEntry("X-City", "x ***").containsEntry("X-Crm", "***");
        // city travels in its header only (a routed argument); note goes in the body
        assertThat(request.maskedBody()).isEqualTo("{\"note\":\"x ***\"}");
        assertThat(request.bodyText()).contains("wk-SECRET-1");
        assertThat(request.maskedUrl()).isEqualTo("https://api.example.com/v1/crm?key=***");
        assertThat(request.secrets().toString()).doesNotContain("SECRET").doesNotContain("plain-token");
    }

    @Test
    void rendersToolHeadersAndMasksTheOnesUsingSecrets() {
        HttpRequestConfig config = withHeaders(
                List.of(
                        new KeyValue("X-City", "{{args.city}}"),
                        new KeyValue("X-Customer", "{{ vars.customer_id }}"),
                        new KeyValue("X-Crm", "crm {{secrets.crm_token}}")),
                null);

        RenderedRequest request = renderer.render(tool(config), args("{\"city\": \"Zürich\"}"), CALL, "inv_1", NOW);

        assertThat(request.headers().get("X-City")).isEqualTo("Zürich");
        assertThat(request.headers().get("X-Customer")).isEqualTo("C-981");
        assertThat(request.headers().get("X-Crm")).isEqualTo("crm crm-SECRET-2");
        assertThat(request.maskedHeaders()).contains(entry("X-City", "Zürich"), entry("X-Crm", "***"));
        assertThat(request.maskedHeaders().toString()).doesNotContain("crm-SECRET-2");
    }

    @Test
    void bearerAuthIsTemplatedAndAlwaysMasked() {
        RenderedRequest fromSecret = renderer.render(
                tool(withHeaders(List.of(), new Auth.Bearer("{{secrets.crm_token}}"))), args("{}"), CALL, "inv_1", NOW);
        RenderedRequest literal = renderer.render(
                tool(withHeaders(List.of(), new Auth.Bearer("plain-token"))), args("{}"), CALL, "inv_1", NOW);

        assertThat(fromSecret.headers().get("Authorization")).isEqualTo("Bearer crm-SECRET-2");
        assertThat(literal.headers().get("Authorization")).isEqualTo("Bearer plain-token");
        assertThat(fromSecret.maskedHeaders()).containsEntry("Authorization", "***");
        assertThat(literal.maskedHeaders()).containsEntry("Authorization", "***");
    }

    @Test
    void headerAuthIsTemplatedAndAlwaysMasked() {
        Tool tool = tool(withHeaders(List.of(), new Auth.Header("X-Api-Key", "key-{{secrets.crm_token}}")));

        RenderedRequest request = renderer.render(tool, args("{}"), CALL, "inv_1", NOW);

        assertThat(request.headers().get("X-Api-Key")).isEqualTo("key-crm-SECRET-2");
        assertThat(request.maskedHeaders()).containsEntry("X-Api-Key", "***");
    }

    @Test
    void authWinsOverAToolHeaderOfTheSameName() {
        Tool tool = tool(withHeaders(
                List.of(new KeyValue("authorization", "Basic Zm9vOmJhcg==")), new Auth.Bearer("plain-token")));

        RenderedRequest request = renderer.render(tool, args("{}"), CALL, "inv_1", NOW);

        assertThat(request.headers().values("Authorization")).containsExactly("Bearer plain-token");
    }

    @Test
    void toolHeadersCannotOverrideReservedHeaders() {
        Tool tool = tool(HttpRequestConfig.builder("https://api.example.com/orders", Duration.ofSeconds(5), 65_536)
                .headers(List.of(
                        new KeyValue("Host", "internal.example"),
                        new KeyValue("Content-Type", "text/plain"),
                        new KeyValue("Content-Length", "0"),
                        new KeyValue("Transfer-Encoding", "chunked"),
                        new KeyValue("Connection", "close"),
                        new KeyValue("User-Agent", "evil"),
                        new KeyValue("Idempotency-Key", "fixed"),
                        new KeyValue("X-Toolgate-Signature", "t=1,v1=00"),
                        new KeyValue("x-toolgate-timestamp", "1"),
                        new KeyValue("Webhook-Signature", "v1,AA=="),
                        new KeyValue("TE", "trailers"),
                        new KeyValue("Upgrade", "h2c"),
                        new KeyValue("Trailer", "X-Checksum"),
                        new KeyValue("Keep-Alive", "timeout=600"),
                        new KeyValue("Proxy-Authorization", "Basic Zm9vOmJhcg=="),
                        new KeyValue("Expect", "100-continue"),
                        new KeyValue("X-Fine", "kept")))
                .bodyMode(BodyMode.ARGUMENTS)
                .speakAfterExecution(false)
                .build());

        RenderedRequest request = renderer.render(tool, args("{\"a\": 1}"), CALL, "inv_1", NOW);

        assertThat(request.headers().names())
                .containsExactlyInAnyOrder(
                        "Content-Type",
                        "X-Fine",
                        "X-Toolgate-Invocation-Id",
                        "X-Toolgate-Timestamp",
                        "Idempotency-Key",
                        "User-Agent");
        assertThat(request.headers().values("Content-Type")).containsExactly("application/json; charset=utf-8");
        assertThat(request.headers().values("User-Agent")).containsExactly("Toolgate/0.1.0");
        assertThat(request.headers().values("X-Toolgate-Timestamp")).containsExactly(Long.toString(NOW_SECONDS));
    }

    @Test
    void refusesALineBreakFromTheArgumentsInAHeader() {
        Tool tool = tool(withHeaders(List.of(new KeyValue("X-City", "{{args.city}}")), null));

        assertThatThrownBy(() ->
                        renderer.render(tool, args("{\"city\": \"Berlin\\r\\nX-Admin: true\"}"), CALL, "inv_1", NOW))
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_INVALID_ARGS);
                    assertThat(e.getMessage()).contains("X-City");
                });
    }

    @Test
    void failsNamingAMissingSecret() {
        Tool tool = tool(withHeaders(List.of(), new Auth.Bearer("{{secrets.unset_token}}")));

        assertThatThrownBy(() -> renderer.render(tool, args("{}"), CALL, "inv_1", NOW))
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_INTERNAL);
                    assertThat(e.getMessage()).contains("'unset_token'");
                });
    }

    @Test
    void secretsOfAnotherTenantAreNotReachable() {
        UUID otherTenant = UUID.fromString("44444444-4444-4444-8444-444444444444");
        Tool tool = new Tool(
                TOOL_ID,
                otherTenant,
                AGENT,
                definition(withHeaders(List.of(), new Auth.Bearer("{{secrets.crm_token}}"))),
                NOW,
                NOW);
        CallContext call = new CallContext("call_42", null, otherTenant, AGENT, Map.of());

        assertThatThrownBy(() -> renderer.render(tool, args("{}"), call, "inv_1", NOW))
                .isInstanceOf(RenderException.class);
    }

    @Test
    void refusesACallFromAnotherTenant() {
        Tool tool = tool(config("https://api.example.com/hooks", HttpMethod.POST, BodyMode.ENVELOPE));
        CallContext foreign = new CallContext("call_42", null, UUID.randomUUID(), AGENT, Map.of());

        assertThatThrownBy(() -> renderer.render(tool, args("{}"), foreign, "inv_1", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToolsThatAreNotHttpRequests() {
        Tool endCall = new Tool(TOOL_ID, TENANT, AGENT, definition(new EndCallConfig("Bye")), NOW, NOW);

        assertThatThrownBy(() -> renderer.render(endCall, args("{}"), CALL, "inv_1", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsAnUnusableStoredUrlAsABlockedDestination() {
        Tool tool = tool(config("ftp://files.example.com/x", HttpMethod.GET, BodyMode.ARGUMENTS));

        assertThatThrownBy(() -> renderer.render(tool, args("{}"), CALL, "inv_1", NOW))
                .isInstanceOfSatisfying(
                        RenderException.class,
                        e -> assertThat(e.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_BLOCKED_DESTINATION));
    }

    private static String key(RenderedRequest request) {
        return request.headers().get("Idempotency-Key");
    }

    private static ObjectNode args(String json) {
        return (ObjectNode) MAPPER.readTree(json);
    }

    private static HttpRequestConfig config(String url, HttpMethod method, BodyMode bodyMode) {
        return HttpRequestConfig.builder(url, Duration.ofSeconds(5), 65_536)
                .method(method)
                .bodyMode(bodyMode)
                .speakAfterExecution(false)
                .build();
    }

    private static HttpRequestConfig withHeaders(List<KeyValue> headers, Auth auth) {
        return HttpRequestConfig.builder("https://api.example.com/v1/crm", Duration.ofSeconds(5), 65_536)
                .method(HttpMethod.GET)
                .headers(headers)
                .bodyMode(BodyMode.ARGUMENTS)
                .auth(auth)
                .speakAfterExecution(false)
                .build();
    }

    private static Tool tool(HttpRequestConfig config) {
        return new Tool(TOOL_ID, TENANT, AGENT, definition(config), NOW, NOW);
    }

    private static ToolDefinition definition(ToolConfig config) {
        return ToolDefinition.builder(
                        "get_weather", "Gets the weather.", MAPPER.readTree("{\"type\":\"object\"}"), config)
                .displayName("Weather")
                .build();
    }
}
