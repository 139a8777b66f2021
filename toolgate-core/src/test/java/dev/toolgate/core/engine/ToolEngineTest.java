package dev.toolgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.args.ArgumentLimits;
import dev.toolgate.core.egress.AllowlistEntry;
import dev.toolgate.core.egress.EgressPolicy;
import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.exec.ExecutorConfig;
import dev.toolgate.core.exec.HttpExecutor;
import dev.toolgate.core.render.CallContext;
import dev.toolgate.core.render.RequestRenderer;
import dev.toolgate.core.render.SecretResolver;
import dev.toolgate.core.signing.SigningSecret;
import dev.toolgate.core.tool.ParseResult;
import dev.toolgate.core.tool.SignatureScheme;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.core.tool.ToolLimits;
import dev.toolgate.testkit.LoopbackTls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** The whole pipeline (parse, validate, check, render, sign, send, shape) against a loopback HTTPS server. */
class ToolEngineTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LoopbackTls TLS = LoopbackTls.create("Toolgate test CA");
    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID AGENT = UUID.randomUUID();

    private MockWebServer server;
    private HttpExecutor executor;
    private ToolEngine engine;
    private final SigningSecret secret = SigningSecret.generate(SignatureScheme.TOOLGATE);

    @BeforeEach
    void setUp() throws Exception {
        server = TLS.startServer();
        EgressPolicy egress = EgressPolicy.builder()
                .allowlist(AllowlistEntry.parseList("127.0.0.1:" + server.getPort()))
                .build();
        executor = new HttpExecutor(
                ExecutorConfig.builder()
                        .extraTrustedCertificates(List.of(TLS.caCertificate()))
                        .build(),
                egress);
        engine = new ToolEngine(
                executor, egress, new RequestRenderer(SecretResolver.NONE, "Toolgate/test"), InstantSource.fixed(NOW));
    }

    @AfterEach
    void tearDown() throws Exception {
        executor.close();
        server.close();
    }

    private Tool tool(String json) {
        ParseResult result = new ToolDefinitionParser(ToolLimits.ofDefaults()).parse(JSON.readTree(json));
        assertThat(result).isInstanceOf(ParseResult.Valid.class);
        return new Tool(UUID.randomUUID(), TENANT, AGENT, ((ParseResult.Valid) result).definition(), NOW, NOW);
    }

    private Tool httpTool(String configExtra) {
        return tool("""
                {"name": "check_slot", "description": "Checks whether a slot is free",
                 "tool_type": "http_request",
                 "parameters": {"type": "object", "properties": {"day": {"type": "string", "enum": ["sat", "sun"]}},
                                "required": ["day"]},
                 "config": {"url": "https://127.0.0.1:%d/slots" %s}}
                """.formatted(server.getPort(), configExtra));
    }

    private Invocation invocation(Tool tool, JsonNode arguments) {
        return new Invocation(
                UUID.randomUUID().toString(),
                tool,
                List.of(secret),
                arguments,
                "call_1",
                new CallContext("call-9", "+14155550123", TENANT, AGENT, Map.of()));
    }

    @Test
    void sendsSignedEnvelopeAndReturnsTheBodyVerbatim() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .body("{\"free\":true,\"hint\":\"Offer the slot\"}")
                .addHeader("Content-Type", "application/json")
                .build());

        InvocationOutcome outcome =
                engine.invoke(invocation(httpTool(""), JsonNodeFactory.instance.stringNode("{\"day\":\"sat\"}")));
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);

        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.content()).isEqualTo("{\"free\":true,\"hint\":\"Offer the slot\"}");
        assertThat(outcome.httpStatus()).isEqualTo(200);
        String body = request.getBody().utf8();
        String expected =
                "t=" + NOW.getEpochSecond() + ",v1=" + hmac(secret.reveal(), NOW.getEpochSecond() + "." + body);
        assertThat(request.getHeaders().get("X-Toolgate-Signature")).isEqualTo(expected);
        assertThat(JSON.readTree(body).get("arguments").get("day").asString()).isEqualTo("sat");
        assertThat(JSON.readTree(body).get("timestamp").asString()).isEqualTo("2026-11-21T09:00:00Z");
    }

    @Test
    void appendsTruncatedFooterWhenTheBodyExceedsTheToolsCap() {
        server.enqueue(new MockResponse.Builder()
                .body("a".repeat(2000))
                .addHeader("Content-Type", "text/plain")
                .build());

        InvocationOutcome outcome = engine.invoke(
                invocation(httpTool(", \"max_response_bytes\": 1000"), JSON.readTree("{\"day\":\"sun\"}")));

        assertThat(outcome.truncated()).isTrue();
        assertThat(outcome.content()).isEqualTo("a".repeat(1000) + "\n[truncated]");
    }

    @Test
    void invalidArgumentsFailFastAndSendNothing() throws Exception {
        InvocationOutcome outcome = engine.invoke(invocation(httpTool(""), JSON.readTree("{\"day\":\"mon\"}")));

        assertThat(outcome.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_INVALID_ARGS);
        assertThat(outcome.error().message()).contains("/day");
        assertThat(JSON.readTree(outcome.content()).get("error").asString()).isEqualTo("HTTP_TOOL_INVALID_ARGS");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void toolErrorHintReplacesTheDefaultHint() {
        server.enqueue(new MockResponse.Builder().code(500).body("boom").build());

        InvocationOutcome outcome = engine.invoke(invocation(
                httpTool(", \"error_hint\": \"Offer to text the caller a link.\""),
                JSON.readTree("{\"day\":\"sat\"}")));

        assertThat(outcome.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_CUSTOMER_ERROR);
        assertThat(JSON.readTree(outcome.content()).get("hint").asString())
                .isEqualTo("Offer to text the caller a link.");
        assertThat(outcome.responseBody()).isEqualTo("boom");
    }

    @Test
    void privateDestinationIsRefusedBeforeAnythingIsRendered() {
        Tool tool = tool("""
                {"name": "metadata", "description": "x", "tool_type": "http_request",
                 "config": {"url": "https://169.254.169.254/latest/meta-data/"}}
                """);

        InvocationOutcome outcome = engine.invoke(invocation(tool, null));

        assertThat(outcome.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_BLOCKED_DESTINATION);
        assertThat(outcome.request()).isNull();
    }

    @Test
    void disabledToolIsRefusedButCanStillBeTestFired() {
        Tool tool = tool("""
                {"name": "off", "description": "x", "tool_type": "http_request", "is_enabled": false,
                 "config": {"url": "https://127.0.0.1:%d/off"}}
                """.formatted(server.getPort()));

        InvocationOutcome invoked = engine.invoke(invocation(tool, null));
        TestFireResult dryRun = engine.testFire(invocation(tool, null), true);

        assertThat(invoked.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_DISABLED);
        assertThat(dryRun.request()).isNotNull();
        assertThat(dryRun.egress().allowed()).isTrue();
        assertThat(dryRun.outcome()).isNull();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void nonHttpToolReturnsTheActionForTheVoiceRuntime() {
        Tool tool = tool("""
                {"name": "transfer_to_sales", "description": "Transfers the caller to sales", "tool_type": "transfer_call",
                 "config": {"phone_number": "+4930999888", "transfer_mode": "warm"}}
                """);

        InvocationOutcome outcome = engine.invoke(invocation(tool, null));

        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.action().get("type").asString()).isEqualTo("transfer");
        assertThat(outcome.action().at("/destination/number").asString()).isEqualTo("+4930999888");
        assertThat(outcome.action().get("mode").asString()).isEqualTo("warm");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anEndpointEchoingItsRequestHandsNoSecretToTheModelOrTheLog() throws Exception {
        Map<String, String> tenantSecrets = Map.of("crm", "crm-value-123", "q", "q v/+\"&ü-456");
        ToolEngine withSecrets = new ToolEngine(
                executor,
                EgressPolicy.builder()
                        .allowlist(AllowlistEntry.parseList("127.0.0.1:" + server.getPort()))
                        .build(),
                new RequestRenderer(
                        (tenant, name) -> java.util.Optional.ofNullable(tenantSecrets.get(name)), "Toolgate/test"),
                InstantSource.fixed(NOW));
        Tool tool = httpTool("""
                , "body_mode": "envelope", "auth": {"type": "bearer", "token": "bearer-token-789"},
                "headers": [{"key": "X-Crm", "value": "{{secrets.crm}}"}],
                "query_params": [{"key": "key", "value": "{{secrets.q}}"}], "max_response_bytes": 4096""");
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                int code = request.getHeaders().get("X-Toolgate-Invocation-Id").startsWith("fail") ? 401 : 200;
                return new MockResponse.Builder()
                        .code(code)
                        .addHeader("Content-Type", "text/plain; charset=utf-8")
                        .body(echo(request))
                        .build();
            }
        });

        Invocation ok = invocation(tool, JSON.readTree("{\"day\":\"sat\"}"));
        InvocationOutcome echoed = withSecrets.invoke(ok);
        RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
        InvocationOutcome failed = withSecrets.invoke(new Invocation(
                "fail-" + UUID.randomUUID(),
                tool,
                List.of(secret),
                JSON.readTree("{\"day\":\"sun\"}"),
                null,
                ok.call()));

        List<String> secrets = List.of(
                "crm-value-123",
                "q v/+\"&ü-456",
                "bearer-token-789",
                secret.reveal(),
                sent.getHeaders().get("X-Toolgate-Signature"),
                sent.getHeaders()
                        .get("X-Toolgate-Signature")
                        .substring(sent.getHeaders().get("X-Toolgate-Signature").indexOf("v1=") + 3));
        assertThat(echo(sent)).as("the endpoint did receive and echo them").contains(secrets.subList(0, 3));
        assertThat(echoed.ok()).isTrue();
        assertThat(echoed.content())
                .containsIgnoringCase("X-Crm: ***")
                .containsIgnoringCase("Authorization: ***")
                .contains("key=***");
        assertThat(failed.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_CUSTOMER_ERROR);
        for (String text : List.of(
                echoed.content(),
                echoed.responseBody(),
                failed.content(),
                failed.responseBody(),
                echoed.request().toString(),
                echoed.request().maskedUrl(),
                echoed.request().maskedHeaders().toString(),
                echoed.request().maskedBody())) {
            for (String value : secrets) {
                assertThat(text).doesNotContain(value);
            }
            assertThat(text)
                    .doesNotContain("crm-value")
                    .doesNotContain("bearer-token")
                    .doesNotContain("%C3%BC-456");
        }
    }

    @Test
    void aCapThatFallsInsideAnEchoedSecretLeavesNoStartOfItVisible() {
        ToolEngine withSecrets = new ToolEngine(
                executor,
                EgressPolicy.builder()
                        .allowlist(AllowlistEntry.parseList("127.0.0.1:" + server.getPort()))
                        .build(),
                new RequestRenderer(SecretResolver.NONE, "Toolgate/test"),
                InstantSource.fixed(NOW));
        String token = "tok-0123456789abcdef";
        server.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "text/plain")
                .body("x".repeat(90) + "auth=Bearer " + token)
                .build());

        InvocationOutcome outcome = withSecrets.invoke(invocation(
                httpTool(", \"auth\": {\"type\": \"bearer\", \"token\": \"" + token
                        + "\"}, \"max_response_bytes\": 110"),
                JSON.readTree("{\"day\":\"sat\"}")));

        assertThat(outcome.truncated()).isTrue();
        assertThat(outcome.content()).isEqualTo("x".repeat(90) + "auth=***" + ToolEngine.TRUNCATED_FOOTER);
    }

    /** The request as an echoing endpoint shows it: as received, decoded, JSON-escaped and form-encoded. */
    private static String echo(RecordedRequest request) {
        StringBuilder text = new StringBuilder(request.getRequestLine()).append('\n');
        request.getHeaders()
                .forEach(h -> text.append(h.getFirst())
                        .append(": ")
                        .append(h.getSecond())
                        .append('\n'));
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        text.append(body).append('\n');
        tools.jackson.databind.node.ObjectNode json = JSON.createObjectNode();
        tools.jackson.databind.node.ObjectNode headers = json.putObject("headers");
        request.getHeaders().forEach(h -> headers.put(h.getFirst(), h.getSecond()));
        json.put("body", body);
        for (String name : request.getUrl().queryParameterNames()) {
            String value = request.getUrl().queryParameter(name);
            json.put(name, value);
            text.append(name).append('=').append(value).append('\n');
            text.append(name)
                    .append('=')
                    .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8))
                    .append('\n');
        }
        return text.append(JSON.writeValueAsString(json)).toString();
    }

    @Test
    void theBudgetCountsFromArrivalSoACallWhoseBudgetIsSpentBeforeTheSendSendsNothing() {
        server.enqueue(new MockResponse.Builder()
                .body("ok")
                .addHeader("Content-Type", "text/plain")
                .build());
        Tool tool = httpTool(", \"timeout\": 2");
        Invocation fresh = invocation(tool, JsonNodeFactory.instance.stringNode("{\"day\":\"sat\"}"));
        Invocation late = Invocation.builder(fresh.invocationId(), tool, fresh.call())
                .signingSecrets(fresh.signingSecrets())
                .rawArguments(fresh.rawArguments())
                .toolCallId(fresh.toolCallId())
                .arrivedAtNanos(System.nanoTime() - Duration.ofMillis(2_500).toNanos())
                .build();

        InvocationOutcome outcome = engine.invoke(late);

        assertThat(outcome.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_TIMEOUT);
        assertThat(outcome.error().message()).contains("budget of 2.0 s").contains("nothing was sent");
        assertThat(server.getRequestCount()).isZero();
        assertThat(engine.invoke(fresh).ok()).isTrue();
    }

    @Test
    void argumentsPastTheConfiguredLimitsFailAndAreNotKept() {
        ToolEngine strict = new ToolEngine(
                executor,
                EgressPolicy.builder().build(),
                new RequestRenderer(SecretResolver.NONE, "Toolgate/test"),
                InstantSource.fixed(NOW),
                EndpointCircuits.NONE,
                new ArgumentLimits(32, 64));
        Tool tool = httpTool("");

        InvocationOutcome outcome = strict.invoke(
                invocation(tool, JSON.readTree("{\"day\": \"sat\", \"note\": \"far too long for 32 bytes\"}")));

        assertThat(outcome.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_INVALID_ARGS);
        assertThat(outcome.error().message()).contains("limit of 32 bytes");
        assertThat(outcome.arguments()).isNull();
        assertThat(server.getRequestCount()).isZero();
    }

    private static String hmac(String key, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }
}
