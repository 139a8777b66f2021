package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.server.invocation.RetentionJob;
import dev.toolgate.server.tenant.ApiKeyService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Operations through the REST API: tenants and keys, isolation between tenants, rate limits, duplicate calls, the
 * circuit breaker, and the invocation log's preview masking, curl, replay, retention and health. Time moves by hand.
 */
@SpringBootTest(classes = ToolgateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OperationsIntegrationTest.Clocks.class)
class OperationsIntegrationTest {

    static final String OPERATOR_KEY = "tg_test_operator_key_0123456789abc";
    static final MutableClock CLOCK = new MutableClock(Instant.now());

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("toolgate-ops-it");
        registry.add("toolgate.data-dir", dataDir::toString);
        registry.add("toolgate.bootstrap-api-key", () -> OPERATOR_KEY);
        registry.add("toolgate.egress.allowlist", () -> "127.0.0.1:" + TestEndpoint.SERVER.getPort());
        registry.add("toolgate.egress.extra-ca", TestEndpoint.CA_PEM::toString);
        registry.add("toolgate.budget", () -> "3s");
        registry.add("toolgate.circuit-breaker.minimum-calls", () -> "4");
        registry.add("toolgate.circuit-breaker.window-size", () -> "10");
        registry.add("toolgate.circuit-breaker.half-open-calls", () -> "1");
    }

    @LocalServerPort
    int port;

    @Autowired
    RetentionJob retention;

    ApiClient api;
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    /** Every request the endpoint received, in order. */
    final List<RecordedRequest> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://127.0.0.1:" + port);
        TestEndpoint.SERVER.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                received.add(request);
                return switch (path) {
                    case "/fail" ->
                        new MockResponse.Builder().code(503).body("down").build();
                    case "/slow" ->
                        new MockResponse.Builder()
                                .body("late")
                                .headersDelay(2, TimeUnit.SECONDS)
                                .build();
                    case "/held" ->
                        new MockResponse.Builder()
                                .body("{\"slot\":\"free\"}")
                                .headersDelay(500, TimeUnit.MILLISECONDS)
                                .build();
                    case "/pii" ->
                        new MockResponse.Builder()
                                .addHeader("Content-Type", "application/json")
                                .body("{\"card\":\"4111 1111 1111 1111\",\"email\":\"ada@example.com\"}")
                                .build();
                    default ->
                        new MockResponse.Builder()
                                .addHeader("Content-Type", "application/json")
                                .body("{\"ok\":true,\"path\":\"" + path + "\"}")
                                .build();
                };
            }
        });
    }

    @AfterEach
    void tearDown() {
        TestEndpoint.SERVER.setDispatcher(new QueueDispatcher());
    }

    /** A new tenant made by the operator, with the given rate limits (null = defaults); returns its admin key. */
    private String tenant(String limitsJson) {
        JsonNode created = api.post(OPERATOR_KEY, "/v1/tenants", "{\"name\":\"t-" + System.nanoTime() + "\"}")
                .json();
        if (limitsJson != null) {
            ApiClient.Answer set =
                    api.put(OPERATOR_KEY, "/v1/tenants/" + created.get("id").asString() + "/rate-limits", limitsJson);
            assertThat(set.status()).as(set.text()).isEqualTo(200);
        }
        return created.get("api_key").asString();
    }

    private String agent(String key) {
        return api.post(key, "/v1/agents", "{\"name\":\"desk\"}")
                .json()
                .get("id")
                .asString();
    }

    private JsonNode tool(String key, String agentId, String name, String path, String extraConfig) {
        ApiClient.Answer answer = api.post(
                key, "/v1/agents/" + agentId + "/tools", """
                {"name": "%s", "description": "Checks a slot", "tool_type": "http_request",
                 "parameters": {"type": "object", "properties": {"day": {"type": "string"}}},
                 "config": {"url": "%s", "auth": {"type": "bearer", "token": "tok-secret-1"} %s}}
                """.formatted(name, TestEndpoint.url(path), extraConfig));
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json();
    }

    private JsonNode invoke(String key, String agentId, String tool, String day, String callId) {
        return invoke(key, agentId, tool, day, callId, "+14155550100");
    }

    private JsonNode invoke(String key, String agentId, String tool, String day, String callId, String callerNumber) {
        String call = callId == null
                ? ""
                : ", \"call\": {\"id\": \"" + callId + "\", \"caller_number\": \"" + callerNumber + "\"}";
        ApiClient.Answer answer = api.post(
                key,
                "/v1/agents/" + agentId + "/invocations",
                "{\"tool\": \"" + tool + "\", \"arguments\": {\"day\": \"" + day + "\"}" + call + "}");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    @Test
    void operatorCreatesTenantsWhoseAdminManagesItsOwnKeys() {
        String admin = tenant(null);

        ApiClient.Answer tenantsAsTenant = api.get(admin, "/v1/tenants");
        ApiClient.Answer created =
                api.post(admin, "/v1/api-keys", "{\"name\": \"reader\", \"scopes\": [\"tools:read\"]}");
        String reader = created.json().get("key").asString();
        ApiClient.Answer listed = api.get(admin, "/v1/api-keys");
        ApiClient.Answer readerReads = api.get(reader, "/v1/agents");
        ApiClient.Answer readerWrites = api.post(reader, "/v1/agents", "{\"name\":\"x\"}");
        ApiClient.Answer deleted =
                api.delete(admin, "/v1/api-keys/" + created.json().get("id").asString());
        ApiClient.Answer afterDelete = api.get(reader, "/v1/agents");
        String adminKeyId = listed.json()
                .get("data")
                .valueStream()
                .filter(k -> k.get("name").asString().equals("admin"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        ApiClient.Answer lastAdmin = api.delete(admin, "/v1/api-keys/" + adminKeyId);
        ApiClient.Answer badScope = api.post(admin, "/v1/api-keys", "{\"name\": \"x\", \"scopes\": [\"root\"]}");

        assertThat(api.get(OPERATOR_KEY, "/v1/tenants").json().get("data").size())
                .isGreaterThanOrEqualTo(2);
        assertThat(tenantsAsTenant.status()).isEqualTo(403);
        assertThat(created.status()).isEqualTo(201);
        assertThat(listed.text()).doesNotContain(reader).contains(reader.substring(0, 8));
        assertThat(readerReads.status()).isEqualTo(200);
        assertThat(readerWrites.status()).isEqualTo(403);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(afterDelete.status()).isEqualTo(401);
        assertThat(lastAdmin.status()).isEqualTo(409);
        assertThat(badScope.status()).isEqualTo(422);
    }

    @Test
    void anotherTenantsKeySeesNothingOnAnyEndpoint() {
        String owner = tenant(null);
        String agentId = agent(owner);
        JsonNode tool = tool(owner, agentId, "private_lookup", "/ok", "");
        String toolId = tool.get("id").asString();
        String invocationId = invoke(owner, agentId, "private_lookup", "mon", "c1")
                .get("invocation_id")
                .asString();
        String keyId = api.get(owner, "/v1/api-keys")
                .json()
                .get("data")
                .get(0)
                .get("id")
                .asString();
        String ownerTenantId = api.get(OPERATOR_KEY, "/v1/tenants")
                .json()
                .get("data")
                .valueStream()
                .filter(t -> !t.get("id").asString().equals(ApiKeyService.DEFAULT_TENANT_ID.toString()))
                .map(t -> t.get("id").asString())
                .toList()
                .getLast();
        assertThat(api.put(owner, "/v1/secrets/CRM_KEY", "{\"value\": \"owner-secret-value\"}")
                        .status())
                .isIn(200, 201);
        String intruder = tenant(null);
        String a = "/v1/agents/" + agentId;
        String t = a + "/tools/" + toolId;

        List<ApiClient.Answer> answers = List.of(
                api.get(intruder, a),
                api.delete(intruder, a),
                api.get(intruder, a + "/tools"),
                api.post(intruder, a + "/tools", "{\"name\":\"x\",\"description\":\"x\",\"tool_type\":\"end_call\"}"),
                api.get(intruder, t),
                api.patch(intruder, t, "{\"description\":\"mine\"}"),
                api.delete(intruder, t),
                api.get(intruder, a + "/functions"),
                api.post(intruder, t + "/test", "{\"dry_run\": true}"),
                api.get(intruder, t + "/health"),
                api.post(intruder, a + "/invocations", "{\"tool\":\"private_lookup\"}"),
                api.post(intruder, a + "/tool-calls", "{\"tool_calls\": []}"),
                api.get(intruder, a + "/invocations"),
                api.get(intruder, "/v1/invocations/" + invocationId),
                api.get(intruder, "/v1/invocations/" + invocationId + "/curl"),
                api.post(intruder, "/v1/invocations/" + invocationId + "/replay", "{}"),
                api.delete(intruder, "/v1/api-keys/" + keyId),
                api.get(intruder, "/v1/tenants"),
                api.get(intruder, "/v1/tenants/" + ownerTenantId + "/rate-limits"),
                api.put(intruder, "/v1/tenants/" + ownerTenantId + "/rate-limits", "{\"tool_per_minute\": 1}"),
                api.get(intruder, "/v1/secrets/CRM_KEY"),
                api.delete(intruder, "/v1/secrets/CRM_KEY"),
                api.post(intruder, t + "/signing-secret/rotate", "{}"));

        for (ApiClient.Answer answer : answers) {
            assertThat(answer.status()).as(answer.text()).isIn(403, 404);
            // The problem's "instance" echoes the request path (the intruder's own input); no data of the owner
            // appears.
            assertThat(answer.text())
                    .doesNotContain("private_lookup")
                    .doesNotContain("Checks a slot")
                    .doesNotContain("\"mon\"");
        }
        assertThat(api.get(intruder, "/v1/agents").json().get("data")).isEmpty();
        assertThat(api.get(intruder, "/v1/secrets").text()).doesNotContain("CRM_KEY");
        assertThat(api.get(owner, "/v1/secrets/CRM_KEY").status()).isEqualTo(200);
        assertThat(api.get(owner, t).status()).isEqualTo(200);
        assertThat(api.get(owner, "/v1/api-keys").json().get("data")).hasSize(1);
    }

    @Test
    void rateLimitedCallsSendNothingAndSayWhenToRetry() {
        String key = tenant("{\"tool_per_minute\": 2, \"test_fire_per_minute\": 1}");
        String agentId = agent(key);
        String toolId = tool(key, agentId, "limited", "/limited", "").get("id").asString();

        JsonNode first = invoke(key, agentId, "limited", "mon", null);
        JsonNode second = invoke(key, agentId, "limited", "tue", null);
        JsonNode third = invoke(key, agentId, "limited", "wed", null);
        JsonNode testFire = api.post(
                        key,
                        "/v1/agents/" + agentId + "/tools/" + toolId + "/test",
                        "{\"arguments\": {}, \"dry_run\": true}")
                .json();
        JsonNode secondTestFire = api.post(
                        key,
                        "/v1/agents/" + agentId + "/tools/" + toolId + "/test",
                        "{\"arguments\": {}, \"dry_run\": true}")
                .json();

        assertThat(first.get("status").asString()).isEqualTo("ok");
        assertThat(second.get("status").asString()).isEqualTo("ok");
        assertThat(third.get("error").get("code").asString()).isEqualTo("HTTP_TOOL_RATE_LIMITED");
        assertThat(third.get("error").get("message").asString()).contains("2 calls per minute for this tool");
        assertThat(third.get("error").get("hint").asString()).startsWith("Wait about");
        assertThat(hits("/limited")).isEqualTo(2);
        assertThat(testFire.get("request").isObject()).isTrue();
        assertThat(secondTestFire.get("result").get("error").get("code").asString())
                .isEqualTo("HTTP_TOOL_RATE_LIMITED");
        assertThat(api.put(key, "/v1/tenants/" + ApiKeyService.DEFAULT_TENANT_ID + "/rate-limits", "{}")
                        .status())
                .isEqualTo(403);
        assertThat(api.put(
                                OPERATOR_KEY,
                                "/v1/tenants/" + ApiKeyService.DEFAULT_TENANT_ID + "/rate-limits",
                                "{\"tool_per_minute\": -1}")
                        .status())
                .isEqualTo(422);
    }

    @Test
    void aRepeatedCallReusesTheFirstResultInsideTheWindow() {
        String key = tenant(null);
        String agentId = agent(key);
        tool(key, agentId, "dedupe", "/dedupe", "");
        tool(key, agentId, "no_dedupe", "/no-dedupe", ", \"duplicate_window\": 0");

        JsonNode first = invoke(key, agentId, "dedupe", "mon", "call-1");
        JsonNode repeat = invoke(key, agentId, "dedupe", "mon", "call-1");
        JsonNode otherCall = invoke(key, agentId, "dedupe", "mon", "call-2");
        CLOCK.advance(Duration.ofSeconds(11));
        JsonNode afterWindow = invoke(key, agentId, "dedupe", "mon", "call-1");
        invoke(key, agentId, "no_dedupe", "mon", "call-1");
        invoke(key, agentId, "no_dedupe", "mon", "call-1");

        assertThat(repeat.get("repeat_of").asString())
                .isEqualTo(first.get("invocation_id").asString());
        assertThat(repeat.get("content").asString())
                .isEqualTo(first.get("content").asString());
        assertThat(repeat.get("invocation_id").asString())
                .isNotEqualTo(first.get("invocation_id").asString());
        assertThat(otherCall.get("repeat_of").isNull()).isTrue();
        assertThat(afterWindow.get("repeat_of").isNull()).isTrue();
        assertThat(hits("/dedupe")).isEqualTo(3);
        assertThat(hits("/no-dedupe")).isEqualTo(2);
        JsonNode logged = api.get(
                        key, "/v1/invocations/" + repeat.get("invocation_id").asString())
                .json();
        assertThat(logged.get("repeat_of").asString())
                .isEqualTo(first.get("invocation_id").asString());
    }

    @Test
    void aRepeatAfterAPatchOfTheToolsUrlReachesTheNewEndpoint() {
        String key = tenant(null);
        String agentId = agent(key);
        String toolId = tool(key, agentId, "moving", "/old-home", "").get("id").asString();

        JsonNode before = invoke(key, agentId, "moving", "tue", "call-moving");
        ApiClient.Answer patched = api.patch(
                key,
                "/v1/agents/" + agentId + "/tools/" + toolId,
                "{\"config\": {\"url\": \"" + TestEndpoint.url("/new-home") + "\"}}");
        JsonNode after = invoke(key, agentId, "moving", "tue", "call-moving");
        JsonNode trueRepeat = invoke(key, agentId, "moving", "tue", "call-moving");

        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(before.get("content").asString()).contains("/old-home");
        assertThat(after.get("content").asString()).contains("/new-home");
        assertThat(after.get("repeat_of").isNull()).isTrue();
        assertThat(trueRepeat.get("repeat_of").asString())
                .isEqualTo(after.get("invocation_id").asString());
        assertThat(hits("/old-home")).isEqualTo(1);
        assertThat(hits("/new-home")).isEqualTo(1);
        assertThat(idempotencyKey("/new-home", 0)).isNotEqualTo(idempotencyKey("/old-home", 0));
    }

    @Test
    void theSameCallAndArgumentsWithAnotherCallerNumberRunOnTheirOwn() {
        String key = tenant(null);
        String agentId = agent(key);
        tool(key, agentId, "callback", "/callback", ", \"body_mode\": \"envelope\"");

        JsonNode ada = invoke(key, agentId, "callback", "wed", "call-shared", "+14155550101");
        JsonNode bob = invoke(key, agentId, "callback", "wed", "call-shared", "+14155550102");
        JsonNode adaAgain = invoke(key, agentId, "callback", "wed", "call-shared", "+14155550101");
        CLOCK.advance(Duration.ofSeconds(11));
        JsonNode adaAfterWindow = invoke(key, agentId, "callback", "wed", "call-shared", "+14155550101");

        assertThat(bob.get("repeat_of").isNull()).isTrue();
        assertThat(adaAgain.get("repeat_of").asString())
                .isEqualTo(ada.get("invocation_id").asString());
        assertThat(adaAfterWindow.get("repeat_of").isNull()).isTrue();
        assertThat(hits("/callback")).isEqualTo(3);
        assertThat(callerNumberSent("/callback", 1)).isEqualTo("+14155550102");
        JsonNode bobRecord = api.get(
                        key, "/v1/invocations/" + bob.get("invocation_id").asString())
                .json();
        assertThat(ApiClient.JSON
                        .readTree(bobRecord.get("request").get("body").asString())
                        .get("caller_number")
                        .asString())
                .isEqualTo("+14155550102");
        assertThat(idempotencyKey("/callback", 1)).isNotEqualTo(idempotencyKey("/callback", 0));
        assertThat(idempotencyKey("/callback", 2))
                .as("a true repeat, sent again once the window is over, keeps its key")
                .isEqualTo(idempotencyKey("/callback", 0));
    }

    private List<RecordedRequest> receivedAt(String path) {
        return received.stream()
                .filter(r -> r.getUrl().encodedPath().equals(path))
                .toList();
    }

    private String idempotencyKey(String path, int index) {
        return receivedAt(path).get(index).getHeaders().get("Idempotency-Key");
    }

    private String callerNumberSent(String path, int index) {
        return ApiClient.JSON
                .readTree(receivedAt(path).get(index).getBody().utf8())
                .get("caller_number")
                .asString();
    }

    @Test
    void identicalCallsInFlightShareOneRequest() throws Exception {
        String key = tenant(null);
        String agentId = agent(key);
        tool(key, agentId, "held", "/held", "");

        List<JsonNode> results;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<JsonNode> a = threads.submit(() -> invoke(key, agentId, "held", "sat", "call-9"));
            Future<JsonNode> b = threads.submit(() -> invoke(key, agentId, "held", "sat", "call-9"));
            results = List.of(a.get(), b.get());
        }

        assertThat(hits("/held")).isEqualTo(1);
        assertThat(results)
                .allSatisfy(r -> assertThat(r.get("content").asString()).isEqualTo("{\"slot\":\"free\"}"));
        assertThat(results.stream().filter(r -> !r.get("repeat_of").isNull())).hasSize(1);
    }

    @Test
    void aFailingEndpointTripsTheCircuitAndRecoversAfterTheOpenDuration() {
        String key = tenant(null);
        String agentId = agent(key);
        String toolId = tool(key, agentId, "flaky", "/fail", "").get("id").asString();
        tool(key, agentId, "healthy", "/ok", "");

        for (int i = 0; i < 4; i++) {
            assertThat(invoke(key, agentId, "flaky", "d" + i, null)
                            .get("error")
                            .get("code")
                            .asString())
                    .isEqualTo("HTTP_TOOL_CUSTOMER_ERROR");
        }
        JsonNode open = invoke(key, agentId, "flaky", "d5", null);
        JsonNode openForSameEndpoint = invoke(key, agentId, "healthy", "d6", null);
        int hitsWhileOpen = hits("/fail") + hits("/ok");
        api.patch(
                key,
                "/v1/agents/" + agentId + "/tools/" + toolId,
                "{\"config\": {\"url\": \"" + TestEndpoint.url("/ok") + "\"}}");
        CLOCK.advance(Duration.ofSeconds(31));
        JsonNode trial = invoke(key, agentId, "flaky", "d7", null);
        JsonNode closed = invoke(key, agentId, "flaky", "d8", null);

        assertThat(open.get("error").get("code").asString()).isEqualTo("HTTP_TOOL_CIRCUIT_OPEN");
        assertThat(openForSameEndpoint.get("error").get("code").asString()).isEqualTo("HTTP_TOOL_CIRCUIT_OPEN");
        assertThat(hitsWhileOpen).isEqualTo(4);
        assertThat(trial.get("status").asString()).isEqualTo("ok");
        assertThat(closed.get("status").asString()).isEqualTo("ok");
    }

    @Test
    void logPreviewMasksPersonalDataButTheModelGetsTheBodyAsIs() {
        String key = tenant(null);
        String agentId = agent(key);
        tool(key, agentId, "pii", "/pii", "");

        JsonNode result = invoke(key, agentId, "pii", "mon", null);
        JsonNode logged = api.get(
                        key, "/v1/invocations/" + result.get("invocation_id").asString())
                .json();

        assertThat(result.get("content").asString())
                .contains("4111 1111 1111 1111")
                .contains("ada@example.com");
        assertThat(logged.get("response_preview").asString())
                .isEqualTo("{\"card\":\"**** **** **** 1111\",\"email\":\"a***@example.com\"}");
    }

    @Test
    void curlAndReplayRepeatTheLoggedRequest() throws Exception {
        String key = tenant(null);
        String agentId = agent(key);
        tool(key, agentId, "replayable", "/replay", ", \"duplicate_window\": 0");
        JsonNode original = invoke(key, agentId, "replayable", "fri", "call-77");
        String id = original.get("invocation_id").asString();
        RecordedRequest first = takeRequest("/replay");

        ApiClient.Answer curl = api.get(key, "/v1/invocations/" + id + "/curl");
        ApiClient.Answer replay = api.post(key, "/v1/invocations/" + id + "/replay", "{}");
        RecordedRequest replayed = takeRequest("/replay");

        assertThat(curl.status()).isEqualTo(200);
        assertThat(curl.contentType()).startsWith("text/plain");
        assertThat(curl.text())
                .startsWith("curl -sS")
                .contains("-H 'Authorization: ***'")
                .doesNotContain("tok-secret-1")
                .contains("\"day\":\"fri\"");
        assertThat(replay.status()).as(replay.text()).isEqualTo(200);
        assertThat(replay.json().get("replay_of").asString()).isEqualTo(id);
        assertThat(replay.json().get("status").asString()).isEqualTo("ok");
        JsonNode firstBody = ApiClient.JSON.readTree(first.getBody().utf8());
        JsonNode replayedBody = ApiClient.JSON.readTree(replayed.getBody().utf8());
        assertThat(replayedBody.get("arguments")).isEqualTo(firstBody.get("arguments"));
        assertThat(replayedBody.get("call_id").asString()).isEqualTo("call-77");
        assertThat(replayedBody.get("caller_number").asString()).isEqualTo("+14155550100");
        assertThat(replayedBody.get("invocation_id").asString()).isNotEqualTo(id);
        assertThat(api.get(
                                key,
                                "/v1/invocations/"
                                        + replay.json().get("invocation_id").asString())
                        .json()
                        .get("replay_of")
                        .asString())
                .isEqualTo(id);
    }

    @Test
    void healthFlagsWhatSeed002SaysToWatchAndRetentionDeletesOldRecords() {
        String key = tenant(null);
        String agentId = agent(key);
        String flakyId = tool(key, agentId, "flaky_health", "/fail", ", \"duplicate_window\": 0")
                .get("id")
                .asString();
        String slowId = tool(key, agentId, "slow_health", "/slow", ", \"timeout\": 0.3")
                .get("id")
                .asString();
        String idleId = tool(key, agentId, "idle_health", "/ok", "").get("id").asString();
        invoke(key, agentId, "flaky_health", "a", null);
        invoke(key, agentId, "slow_health", "a", null);
        for (int i = 0; i < 3; i++) {
            api.post(
                    key,
                    "/v1/agents/" + agentId + "/invocations",
                    "{\"tool\": \"flaky_health\", \"arguments\": {\"day\": " + i + "}}");
        }
        String base = "/v1/agents/" + agentId + "/tools/";

        JsonNode flaky = api.get(key, base + flakyId + "/health").json();
        JsonNode slow = api.get(key, base + slowId + "/health?window=1h").json();
        JsonNode idle = api.get(key, base + idleId + "/health").json();
        CLOCK.advance(Duration.ofDays(31));
        int purged = retention.purge();
        JsonNode afterRetention =
                api.get(key, "/v1/agents/" + agentId + "/invocations").json();

        assertThat(flaky.get("calls").asInt()).isEqualTo(4);
        assertThat(flaky.get("invalid_args").asInt()).isEqualTo(3);
        assertThat(flaky.get("error_rate").asDouble()).isEqualTo(0.25);
        assertThat(flaky.get("flags").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("error_rate_over_5pct", "invalid_args_repeating");
        assertThat(slow.get("timeouts").asInt()).isEqualTo(1);
        assertThat(slow.get("flags").valueStream().map(JsonNode::asString).toList())
                .contains("timeouts_seen");
        assertThat(slow.get("p50_ms").asDouble()).isPositive();
        assertThat(idle.get("flags").valueStream().map(JsonNode::asString).toList())
                .containsExactly("never_called");
        assertThat(idle.get("last_called_at").isNull()).isTrue();
        assertThat(purged).isGreaterThanOrEqualTo(5);
        assertThat(afterRetention.get("data")).isEmpty();
    }

    private RecordedRequest takeRequest(String path) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            RecordedRequest request = TestEndpoint.SERVER.takeRequest(5, TimeUnit.SECONDS);
            if (request == null || request.getUrl().encodedPath().equals(path)) {
                return request;
            }
        }
        return null;
    }
}
