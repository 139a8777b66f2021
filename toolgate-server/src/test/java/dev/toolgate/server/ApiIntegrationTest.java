package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.server.tenant.ApiKeyService;
import dev.toolgate.server.tenant.Scope;
import dev.toolgate.server.tenant.TenantStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The REST API end to end: a real server on a random port, H2 in a temp folder, a loopback HTTPS endpoint. */
@SpringBootTest(classes = ToolgateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiIntegrationTest {

    static final String ADMIN_KEY = "tg_test_bootstrap_admin_key_0123456789";
    static final String BEARER = "bearer-s3cret-value-42";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("toolgate-it");
        registry.add("toolgate.data-dir", dataDir::toString);
        registry.add("toolgate.bootstrap-api-key", () -> ADMIN_KEY);
        registry.add("toolgate.egress.allowlist", () -> "127.0.0.1:" + TestEndpoint.SERVER.getPort());
        registry.add("toolgate.egress.extra-ca", TestEndpoint.CA_PEM::toString);
        registry.add("toolgate.budget", () -> "3s");
        // This class checks the API, not the limits (RateLimitIntegrationTest does): no limits here.
        registry.add("toolgate.rate-limit.tenant-per-minute", () -> "0");
        registry.add("toolgate.rate-limit.tool-per-minute", () -> "0");
        registry.add("toolgate.rate-limit.test-fire-per-minute", () -> "0");
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ApiKeyService keys;

    @Autowired
    TenantStore tenants;

    ApiClient api;
    String agentId;

    @BeforeEach
    void setUp() throws InterruptedException {
        api = new ApiClient("http://127.0.0.1:" + port);
        while (TestEndpoint.SERVER.takeRequest(1, TimeUnit.MILLISECONDS) != null) {
            // drop requests left over by other tests
        }
        agentId = api.post(ADMIN_KEY, "/v1/agents", "{\"name\":\"front desk\"}")
                .json()
                .get("id")
                .asString();
    }

    private String toolJson(String name, String url, String extraConfig) {
        return """
                {"name": "%s", "description": "Looks up a customer by phone number",
                 "tool_type": "http_request",
                 "parameters": {"type": "object", "properties": {"phone": {"type": "string"}, "limit": {"type": "integer"}},
                                "required": ["phone"]},
                 "config": {"url": "%s", "auth": {"type": "bearer", "token": "%s"} %s}}
                """.formatted(name, url, BEARER, extraConfig);
    }

    private JsonNode createTool(String name, String extraConfig) {
        ApiClient.Answer answer = api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/tools",
                toolJson(name, TestEndpoint.url("/crm/customers?source=toolgate"), extraConfig));
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json();
    }

    @Test
    void rejectsMissingAndUnknownKeysWith401AndMissingScopeWith403() {
        String readOnly = keys.createKey(
                        ApiKeyService.DEFAULT_TENANT_ID,
                        "ro",
                        EnumSet.of(Scope.TOOLS_READ),
                        ApiKeyService.generateKey())
                .key();

        assertThat(api.get(null, "/v1/agents").status()).isEqualTo(401);
        assertThat(api.get("tg_nope", "/v1/agents").status()).isEqualTo(401);
        assertThat(api.get(readOnly, "/v1/agents").status()).isEqualTo(200);
        ApiClient.Answer forbidden = api.post(readOnly, "/v1/agents", "{\"name\":\"x\"}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(forbidden.json().get("detail").asString()).contains("agents:write");
    }

    @Test
    void anotherTenantsAgentIsNotFound() {
        String otherKey = keys.createKey(
                        tenants.create("other").id(), "admin", EnumSet.of(Scope.ADMIN), ApiKeyService.generateKey())
                .key();
        createTool("lookup_customer", "");

        assertThat(api.get(otherKey, "/v1/agents/" + agentId).status()).isEqualTo(404);
        assertThat(api.get(otherKey, "/v1/agents/" + agentId + "/tools").status())
                .isEqualTo(404);
        assertThat(api.post(otherKey, "/v1/agents/" + agentId + "/invocations", "{\"tool\":\"lookup_customer\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get(otherKey, "/v1/agents").json().get("data")).isEmpty();
    }

    @Test
    void createsToolShowsSigningSecretOnceAndMasksAuth() {
        JsonNode created = createTool("lookup_customer", "");

        assertThat(created.get("signing_secret").asString()).isNotBlank();
        assertThat(created.get("config").get("auth").get("token").asString()).isEqualTo("***");
        ApiClient.Answer read = api.get(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/tools/" + created.get("id").asString());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().has("signing_secret")).isFalse();
        assertThat(read.text())
                .doesNotContain(BEARER)
                .doesNotContain(created.get("signing_secret").asString());
        assertThat(api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/tools").text())
                .doesNotContain(BEARER);
    }

    @Test
    void duplicateNameIs409AndInvalidToolIs422WithEveryFieldError() {
        createTool("lookup_customer", "");

        ApiClient.Answer duplicate = api.post(
                ADMIN_KEY, "/v1/agents/" + agentId + "/tools", toolJson("lookup_customer", TestEndpoint.url("/x"), ""));
        ApiClient.Answer invalid = api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/tools", """
                {"name": "bad name!", "description": "", "tool_type": "http_request",
                 "config": {"url": "http://example.com/x", "timeout": 99}}
                """);

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString())
                        .toList())
                .contains("name", "description", "config.url", "config.timeout");
    }

    @Test
    void patchesAndDeletesTools() {
        String toolId = createTool("lookup_customer", "").get("id").asString();
        String path = "/v1/agents/" + agentId + "/tools/" + toolId;

        ApiClient.Answer patched =
                api.patch(ADMIN_KEY, path, "{\"description\": \"Finds a customer\", \"priority\": 5}");
        ApiClient.Answer deleted = api.delete(ADMIN_KEY, path);

        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.json().get("description").asString()).isEqualTo("Finds a customer");
        assertThat(patched.json().get("priority").asInt()).isEqualTo(5);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get(ADMIN_KEY, path).status()).isEqualTo(404);
    }

    @Test
    void exportsEnabledToolsAsFunctionDescriptorsByPriority() {
        api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/tools",
                toolJson("second", TestEndpoint.url("/a"), "")
                        .replace("\"tool_type\"", "\"priority\": 2, \"tool_type\""));
        api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/tools",
                toolJson("first", TestEndpoint.url("/a"), "")
                        .replace("\"tool_type\"", "\"priority\": 1, \"tool_type\""));
        api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/tools",
                toolJson("off", TestEndpoint.url("/a"), "")
                        .replace("\"tool_type\"", "\"is_enabled\": false, \"tool_type\""));

        JsonNode openai = api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/functions?format=openai")
                .json()
                .get("tools");
        JsonNode anthropic = api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/functions?format=anthropic")
                .json()
                .get("tools");
        JsonNode gemini = api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/functions?format=gemini")
                .json()
                .get("tools");

        assertThat(openai.valueStream()
                        .map(t -> t.get("function").get("name").asString())
                        .toList())
                .containsExactly("first", "second");
        assertThat(anthropic.get(0).get("input_schema").get("type").asString()).isEqualTo("object");
        assertThat(gemini.get(0).get("name").asString()).isEqualTo("first");
        assertThat(api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/functions?format=cohere")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void invokesToolWithSignedRequestAndReturnsBodyVerbatim() throws Exception {
        String secret = createTool("lookup_customer", ", \"body_mode\": \"envelope\"")
                .get("signing_secret")
                .asString();
        TestEndpoint.SERVER.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"name\":\"Ada\",\"hint\":\"Greet Ada\"}")
                .build());

        ApiClient.Answer answer = api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/invocations", """
                {"tool": "lookup_customer", "arguments": "{\\"phone\\": \\"+14155550123\\"}", "tool_call_id": "call_1",
                 "call": {"id": "call-42", "caller_number": "+14155550100"}}
                """);
        RecordedRequest request = TestEndpoint.SERVER.takeRequest(5, TimeUnit.SECONDS);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.get("status").asString()).isEqualTo("ok");
        assertThat(json.get("content").asString()).isEqualTo("{\"name\":\"Ada\",\"hint\":\"Greet Ada\"}");
        assertThat(json.get("tool_call_id").asString()).isEqualTo("call_1");
        assertThat(json.get("http_status").asInt()).isEqualTo(200);
        assertThat(json.get("error").isNull()).isTrue();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + BEARER);
        String body = request.getBody().utf8();
        JsonNode envelope = ApiClient.JSON.readTree(body);
        assertThat(envelope.get("tool").asString()).isEqualTo("lookup_customer");
        assertThat(envelope.get("arguments").get("phone").asString()).isEqualTo("+14155550123");
        assertThat(envelope.get("call_id").asString()).isEqualTo("call-42");
        assertThat(envelope.get("caller_number").asString()).isEqualTo("+14155550100");
        assertThat(envelope.get("invocation_id").asString())
                .isEqualTo(json.get("invocation_id").asString());
        String signature = request.getHeaders().get("X-Toolgate-Signature");
        String timestamp = request.getHeaders().get("X-Toolgate-Timestamp");
        assertThat(signature).isEqualTo("t=" + timestamp + ",v1=" + hmacHex(secret, timestamp + "." + body));
        assertThat(request.getHeaders().get("Idempotency-Key")).isNotBlank();
        assertThat(request.getHeaders().get("User-Agent")).startsWith("Toolgate/");
    }

    @Test
    void invalidArgumentsSendNothingAndReturnEveryViolation() throws Exception {
        createTool("lookup_customer", "");

        ApiClient.Answer answer = api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/invocations",
                "{\"tool\": \"lookup_customer\", \"arguments\": {\"limit\": \"ten\"}}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asString()).isEqualTo("error");
        assertThat(answer.json().get("error").get("code").asString()).isEqualTo("HTTP_TOOL_INVALID_ARGS");
        assertThat(answer.json().get("error").get("message").asString())
                .contains("/phone")
                .contains("/limit");
        JsonNode content = ApiClient.JSON.readTree(answer.json().get("content").asString());
        assertThat(content.get("error").asString()).isEqualTo("HTTP_TOOL_INVALID_ARGS");
        assertThat(content.get("hint").asString()).isNotBlank();
        assertThat(TestEndpoint.SERVER.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void unknownAndDisabledToolsAreToolErrorsNotApiErrors() {
        api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/tools",
                toolJson("off", TestEndpoint.url("/a"), "")
                        .replace("\"tool_type\"", "\"is_enabled\": false, \"tool_type\""));

        ApiClient.Answer unknown =
                api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/invocations", "{\"tool\": \"nope\"}");
        ApiClient.Answer disabled = api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/invocations",
                "{\"tool\": \"off\", \"arguments\": {\"phone\": \"1\"}}");

        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json().get("error").get("code").asString()).isEqualTo("HTTP_TOOL_NOT_FOUND");
        assertThat(disabled.json().get("error").get("code").asString()).isEqualTo("HTTP_TOOL_DISABLED");
        assertThat(api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/invocations", "{\"arguments\": {}}")
                        .status())
                .isEqualTo(422);
    }

    @Test
    void privateDestinationIsBlockedWithoutSending() {
        api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/tools", toolJson("internal", "https://10.1.2.3/api", ""));

        ApiClient.Answer answer = api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/invocations",
                "{\"tool\": \"internal\", \"arguments\": {\"phone\": \"1\"}}");

        assertThat(answer.json().get("error").get("code").asString()).isEqualTo("HTTP_TOOL_BLOCKED_DESTINATION");
        assertThat(answer.json().get("http_status").isNull()).isTrue();
    }

    @Test
    void runsOpenAiToolCallsConcurrentlyAndAnswersInOrder() {
        createTool("lookup_customer", "");
        for (int i = 0; i < 2; i++) {
            TestEndpoint.SERVER.enqueue(new MockResponse.Builder()
                    .code(200)
                    .addHeader("Content-Type", "text/plain")
                    .body("found")
                    .build());
        }

        ApiClient.Answer answer = api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/tool-calls", """
                {"message": {"role": "assistant", "tool_calls": [
                   {"id": "call_a", "type": "function", "function": {"name": "lookup_customer", "arguments": "{\\"phone\\":\\"1\\"}"}},
                   {"id": "call_b", "type": "function", "function": {"name": "missing_tool", "arguments": "{}"}},
                   {"id": "call_c", "type": "function", "function": {"name": "lookup_customer", "arguments": "{\\"phone\\":\\"2\\"}"}}]},
                 "call": {"id": "call-7"}}
                """);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode messages = answer.json().get("messages");
        assertThat(messages.valueStream()
                        .map(m -> m.get("tool_call_id").asString())
                        .toList())
                .containsExactly("call_a", "call_b", "call_c");
        assertThat(messages.get(0).get("role").asString()).isEqualTo("tool");
        assertThat(messages.get(0).get("content").asString()).isEqualTo("found");
        assertThat(messages.get(1).get("content").asString()).contains("HTTP_TOOL_NOT_FOUND");
        assertThat(answer.json().get("results").get(2).get("status").asString()).isEqualTo("ok");
    }

    @Test
    void dryRunTestFireShowsMaskedRequestAndEgressAndSendsNothing() throws Exception {
        String toolId = createTool("lookup_customer", ", \"method\": \"GET\", \"body_mode\": \"arguments\"")
                .get("id")
                .asString();
        api.patch(ADMIN_KEY, "/v1/agents/" + agentId + "/tools/" + toolId, "{\"is_enabled\": false}");

        ApiClient.Answer answer = api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/tools/" + toolId + "/test",
                "{\"arguments\": {\"phone\": \"+1 415\"}, \"dry_run\": true}");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode request = answer.json().get("request");
        assertThat(request.get("method").asString()).isEqualTo("GET");
        assertThat(request.get("url").asString()).contains("source=toolgate").contains("phone=%2B1%20415");
        assertThat(request.get("headers").get("Authorization").asString()).isEqualTo("***");
        assertThat(answer.json().get("egress").get("allowed").asBoolean()).isTrue();
        assertThat(answer.json()
                        .get("egress")
                        .get("addresses")
                        .get(0)
                        .get("address")
                        .asString())
                .isEqualTo("127.0.0.1");
        assertThat(answer.json().get("result").isNull()).isTrue();
        assertThat(answer.text()).doesNotContain(BEARER);
        assertThat(TestEndpoint.SERVER.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void testFireSendsAndIsLogged() {
        String toolId = createTool("lookup_customer", "").get("id").asString();
        TestEndpoint.SERVER.enqueue(
                new MockResponse.Builder().code(503).body("down").build());

        ApiClient.Answer answer = api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/tools/" + toolId + "/test",
                "{\"arguments\": {\"phone\": \"1\"}}");

        JsonNode result = answer.json().get("result");
        assertThat(result.get("error").get("code").asString()).isEqualTo("HTTP_TOOL_CUSTOMER_ERROR");
        assertThat(result.get("http_status").asInt()).isEqualTo(503);
        JsonNode logged = api.get(
                        ADMIN_KEY,
                        "/v1/invocations/" + result.get("invocation_id").asString())
                .json();
        assertThat(logged.get("kind").asString()).isEqualTo("test_fire");
        assertThat(logged.get("response_preview").asString()).isEqualTo("down");
    }

    @Test
    void recordsEveryInvocationWithoutSecretsAndListsWithFiltersAndPages() {
        createTool("lookup_customer", "");
        for (int i = 0; i < 3; i++) {
            TestEndpoint.SERVER.enqueue(
                    new MockResponse.Builder().code(200).body("ok " + i).build());
            api.post(
                    ADMIN_KEY,
                    "/v1/agents/" + agentId + "/invocations",
                    "{\"tool\": \"lookup_customer\", \"arguments\": {\"phone\": \"" + i
                            + "\"}, \"call\": {\"id\": \"c\"}}");
        }
        api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/invocations",
                "{\"tool\": \"lookup_customer\", \"arguments\": {}}");

        String base = "/v1/agents/" + agentId + "/invocations";
        JsonNode all = api.get(ADMIN_KEY, base).json().get("data");
        JsonNode errors = api.get(ADMIN_KEY, base + "?status=error").json().get("data");
        JsonNode page1 = api.get(ADMIN_KEY, base + "?limit=2").json();
        JsonNode page2 = api.get(
                        ADMIN_KEY,
                        base + "?limit=2&cursor=" + page1.get("next_cursor").asString())
                .json();
        JsonNode one = api.get(
                        ADMIN_KEY, "/v1/invocations/" + all.get(1).get("id").asString())
                .json();

        assertThat(all).hasSize(4);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("error").get("code").asString()).isEqualTo("HTTP_TOOL_INVALID_ARGS");
        assertThat(page1.get("data")).hasSize(2);
        assertThat(page2.get("data")).hasSize(2);
        assertThat(page2.get("data").get(0).get("id").asString())
                .isNotEqualTo(page1.get("data").get(1).get("id").asString());
        assertThat(one.get("request").get("headers").get("Authorization").asString())
                .isEqualTo("***");
        assertThat(one.get("timings").get("total_ms").asDouble()).isPositive();
        assertThat(one.get("response_preview").asString()).startsWith("ok ");
        assertThat(api.get(ADMIN_KEY, base).text()).doesNotContain(BEARER);
    }

    @Test
    void acceptsAssemblyAiStyleDefinitions() {
        ApiClient.Answer answer = api.post(
                ADMIN_KEY, "/v1/agents/" + agentId + "/tools", """
                {"name": "get_weather", "description": "Get current weather for a location.",
                 "parameters": {"type": "object", "properties": {"latitude": {"type": "number"}}, "required": ["latitude"]},
                 "timeout_seconds": 2,
                 "http": {"url": "%s", "http_method": "GET", "headers": {"Authorization": "Bearer %s"}}}
                """.formatted(TestEndpoint.url("/weather"), BEARER));

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertThat(answer.json().get("tool_type").asString()).isEqualTo("http_request");
        assertThat(answer.json().get("config").get("body_mode").asString()).isEqualTo("arguments");
        assertThat(answer.text()).doesNotContain(BEARER);
    }

    @Test
    void servesTheOpenApiDocument() {
        ApiClient.Answer answer = api.get(null, "/v3/api-docs");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("paths").has("/v1/agents/{agentId}/invocations"))
                .isTrue();
    }

    @Test
    void countsInvocationsByOutcomeInPrometheusMetrics() {
        createTool("lookup_customer", "");
        api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/invocations",
                "{\"tool\": \"lookup_customer\", \"arguments\": {}}");

        ApiClient.Answer metrics =
                new ApiClient("http://127.0.0.1:" + managementPort).get(null, "/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text())
                .contains(
                        "toolgate_invocations_seconds_count{code=\"HTTP_TOOL_INVALID_ARGS\",kind=\"invoke\",status=\"error\"}");
    }

    private static String hmacHex(String secret, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }
}
