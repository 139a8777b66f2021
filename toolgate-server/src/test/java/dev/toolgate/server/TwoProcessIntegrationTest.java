package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.server.secrets.SecretCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Two real server processes ({@link ServerProcess}, each with its own API and management port) sharing one
 * PostgreSQL database of the test's own ({@link TestPostgres}), one Redis of the test's own
 * ({@link RedisServerProcess}) and one master key, calling a loopback TLS endpoint: the production shape of
 * docs/production.md. Both start once for the class; the last tests stop Redis and then instance A. Skipped
 * without PostgreSQL or {@code redis-server}, except under {@code CI=true}, where that fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TwoProcessIntegrationTest {

    static final String OPERATOR_KEY = "tg_test_two_process_operator_key_012345";
    static final int TENANT_PER_MINUTE = 60;
    static final Duration PROPAGATION = Duration.ofSeconds(1);
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    TestPostgres database;
    RedisServerProcess redis;
    ServerProcess a;
    ServerProcess b;
    ApiClient apiA;
    ApiClient apiB;
    /** Requests the endpoint received, by the marker in their body. */
    final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

    @BeforeAll
    void startTwoInstances() throws Exception {
        database = TestPostgres.create();
        redis = RedisServerProcess.start();
        TestEndpoint.SERVER.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody() == null ? "" : request.getBody().utf8();
                int at = body.indexOf("mark-");
                if (at >= 0) {
                    received.computeIfAbsent(body.substring(at, at + 41), m -> new AtomicInteger())
                            .incrementAndGet();
                }
                // a short wait, so identical calls overlap and calls are in flight when A stops
                return new MockResponse.Builder()
                        .body("{\"booked\":true}")
                        .headersDelay(50, TimeUnit.MILLISECONDS)
                        .build();
            }
        });
        Path dir = Files.createDirectories(Path.of("target", "two-process", String.valueOf(System.nanoTime())));
        List<String> args = List.of(
                "--toolgate.db.url=" + database.url(),
                "--toolgate.db.user=" + database.user(),
                "--toolgate.db.password=",
                "--toolgate.redis-url=" + redis.url(),
                "--toolgate.master-key=" + SecretCipher.generateKeysetJson(),
                "--toolgate.bootstrap-api-key=" + OPERATOR_KEY,
                "--toolgate.egress.allowlist=127.0.0.1:" + TestEndpoint.SERVER.getPort(),
                "--toolgate.egress.extra-ca=" + TestEndpoint.CA_PEM,
                "--toolgate.rate-limit.tenant-per-minute=" + TENANT_PER_MINUTE,
                "--toolgate.rate-limit.tool-per-minute=0",
                "--server.address=127.0.0.1");
        a = start(dir, "a", args);
        b = start(dir, "b", args);
        OkHttpClient client = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(32, 1, TimeUnit.MINUTES))
                .callTimeout(Duration.ofSeconds(60))
                .readTimeout(Duration.ofSeconds(60))
                .build();
        apiA = new ApiClient(client, a.baseUrl());
        apiB = new ApiClient(client, b.baseUrl());
    }

    private static ServerProcess start(Path dir, String name, List<String> shared) throws Exception {
        List<String> args = new ArrayList<>(shared);
        args.add("--toolgate.data-dir=" + Files.createDirectories(dir.resolve(name)));
        args.add("--management.server.port=" + ServerProcess.freePort());
        return ServerProcess.start(
                dir.resolve(name + ".log"), START_TIMEOUT, OPERATOR_KEY, ServerProcess.freePort(), args);
    }

    @AfterAll
    void stop() throws Exception {
        TestEndpoint.SERVER.setDispatcher(new QueueDispatcher());
        for (AutoCloseable closeable : new AutoCloseable[] {b, a, redis, database}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    /** A new tenant's admin key, so one test's rate limits never touch another's. */
    String tenant() {
        return apiA.post(OPERATOR_KEY, "/v1/tenants", "{\"name\": \"t-" + UUID.randomUUID() + "\"}")
                .json()
                .get("api_key")
                .asString();
    }

    String agent(String key) {
        return apiA.agentWithTool(key, "book_slot", "{\"n\": {\"type\": \"string\"}}", TestEndpoint.url("/book"));
    }

    static ApiClient.Answer invoke(ApiClient api, String key, String agentId, String n) {
        return api.post(
                key,
                "/v1/agents/" + agentId + "/invocations",
                "{\"tool\": \"book_slot\", \"arguments\": {\"n\": \"" + n
                        + "\"}, \"call\": {\"id\": \"call-two-process\"}}");
    }

    static String errorCode(ApiClient.Answer answer) {
        JsonNode error = answer.json() == null ? null : answer.json().get("error");
        return error == null || error.isNull() ? null : error.get("code").asString();
    }

    static String mark() {
        return "mark-" + UUID.randomUUID();
    }

    @Test
    @Order(1)
    void twoHundredCallsSplitAcrossBothPassTheTenantsLimitOnce() throws Exception {
        String key = tenant();
        String agentId = agent(key);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<ApiClient.Answer>> answers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            ApiClient api = i % 2 == 0 ? apiA : apiB;
            answers.add(pool.submit(() -> invoke(api, key, agentId, mark())));
        }
        int passed = 0;
        int limited = 0;
        for (Future<ApiClient.Answer> answer : answers) {
            ApiClient.Answer each = answer.get(2, TimeUnit.MINUTES);
            assertThat(each.status()).as(each.text()).isEqualTo(200);
            String code = errorCode(each);
            passed += code == null ? 1 : 0;
            limited += "HTTP_TOOL_RATE_LIMITED".equals(code) ? 1 : 0;
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) + 1;
        pool.shutdown();
        // the bucket holds a minute's worth and refills one token a second meanwhile (docs/configuration.md)
        assertThat(passed).isBetween(TENANT_PER_MINUTE, TENANT_PER_MINUTE + (int) seconds);
        assertThat(passed + limited).isEqualTo(200);
    }

    @Test
    @Order(2)
    void oneIdenticalCallSentToBothAtOnceReachesTheEndpointOnce() throws Exception {
        String key = tenant();
        String agentId = agent(key);
        for (int round = 0; round < 5; round++) {
            String mark = mark();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<ApiClient.Answer> onA = pool.submit(() -> {
                go.await();
                return invoke(apiA, key, agentId, mark);
            });
            Future<ApiClient.Answer> onB = pool.submit(() -> {
                go.await();
                return invoke(apiB, key, agentId, mark);
            });
            go.countDown();
            ApiClient.Answer first = onA.get(1, TimeUnit.MINUTES);
            ApiClient.Answer second = onB.get(1, TimeUnit.MINUTES);
            pool.shutdown();
            assertThat(errorCode(first)).as(first.text()).isNull();
            assertThat(errorCode(second)).as(second.text()).isNull();
            assertThat(received.get(mark)).as("requests at the endpoint").hasValue(1);
            assertThat(List.of(first.json().get("repeat_of"), second.json().get("repeat_of")))
                    .filteredOn(node -> node != null && !node.isNull())
                    .hasSize(1);
        }
    }

    @Test
    @Order(3)
    void aKeyRevokedOrAToolDisabledOnAIsRefusedByBWithinASecond() {
        String admin = tenant();
        String agentId = agent(admin);
        JsonNode created = apiA.post(admin, "/v1/api-keys", "{\"name\": \"revocable\", \"scopes\": [\"tools:read\"]}")
                .json();
        String keyId = created.get("id").asString();
        String revocable = created.get("key").asString();
        assertThat(apiB.get(revocable, "/v1/agents").status()).isEqualTo(200);
        assertThat(errorCode(invoke(apiB, admin, agentId, mark()))).isNull();

        assertThat(apiA.delete(admin, "/v1/api-keys/" + keyId).status()).isEqualTo(204);
        String toolId = apiA.get(admin, "/v1/agents/" + agentId + "/tools")
                .json()
                .get("data")
                .get(0)
                .get("id")
                .asString();
        apiA.patch(admin, "/v1/agents/" + agentId + "/tools/" + toolId, "{\"is_enabled\": false}");

        Gateway.awaitTrue(
                PROPAGATION, () -> apiB.get(revocable, "/v1/agents").status() == 401, "B refuses the revoked key");
        Gateway.awaitTrue(
                PROPAGATION,
                () -> "HTTP_TOOL_DISABLED".equals(errorCode(invoke(apiB, admin, agentId, mark()))),
                "B refuses the disabled tool");
    }

    @Test
    @Order(4)
    void theLogOfBothIsListedFromEither() {
        String key = tenant();
        String agentId = agent(key);
        String onA =
                invoke(apiA, key, agentId, mark()).json().get("invocation_id").asString();
        String onB =
                invoke(apiB, key, agentId, mark()).json().get("invocation_id").asString();
        for (ApiClient api : List.of(apiA, apiB)) {
            assertThat(logged(api, key, agentId)).contains(onA, onB);
            assertThat(api.get(key, "/v1/invocations/" + onA).status()).isEqualTo(200);
            assertThat(api.get(key, "/v1/invocations/" + onB).status()).isEqualTo(200);
        }
    }

    @Test
    @Order(5)
    void redisStoppedAndStartedMidRunGivesNo500sAndRecovers() throws Exception {
        String key = tenant();
        String agentId = agent(key);
        assertThat(errorCode(invoke(apiA, key, agentId, mark()))).isNull();

        redis.kill();
        for (int i = 0; i < 10; i++) {
            ApiClient.Answer answer = invoke(i % 2 == 0 ? apiA : apiB, key, agentId, mark());
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            // rate limits fail open to per-instance buckets: the tenant's 60 a minute still hold on each
            assertThat(errorCode(answer)).as(answer.text()).isNull();
        }
        assertThat(apiB.get(key, "/v1/agents").status()).isEqualTo(200);

        redis.startAgain();
        Gateway.awaitTrue(
                Duration.ofSeconds(30),
                () -> {
                    String mark = mark();
                    ApiClient.Answer first = invoke(apiA, key, agentId, mark);
                    ApiClient.Answer repeat = invoke(apiB, key, agentId, mark);
                    // duplicate results are shared again once both reach Redis
                    return first.status() == 200
                            && repeat.status() == 200
                            && repeat.json().hasNonNull("repeat_of");
                },
                "both instances share duplicate results through the restarted Redis");
    }

    @Test
    @Order(6)
    void sigtermOfAUnderLoadLosesNoAnsweredInvocationWhileBKeepsServing() throws Exception {
        String key = tenantWithoutLimits();
        String agentId = agent(key);
        Map<String, Boolean> answered = new ConcurrentHashMap<>();
        AtomicBoolean calling = new AtomicBoolean(true);
        AtomicInteger bFailures = new AtomicInteger();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boolean toA = i % 2 == 0;
            callers.add(Thread.ofPlatform().start(() -> {
                while (calling.get()) {
                    try {
                        ApiClient.Answer answer = invoke(toA ? apiA : apiB, key, agentId, mark());
                        if (answer.status() == 200 && errorCode(answer) == null) {
                            answered.put(answer.json().get("invocation_id").asString(), true);
                        } else if (!toA) {
                            bFailures.incrementAndGet();
                        }
                    } catch (RuntimeException refused) {
                        if (!toA) {
                            bFailures.incrementAndGet();
                        }
                    }
                }
            }));
        }
        Gateway.awaitTrue(Duration.ofMinutes(1), () -> answered.size() >= 100, "100 answered calls");
        a.sigterm();
        assertThat(a.awaitExit(Duration.ofMinutes(2))).isIn(0, 143);
        int beforeStop = answered.size();
        Gateway.awaitTrue(Duration.ofSeconds(30), () -> answered.size() > beforeStop + 20, "B keeps serving");
        calling.set(false);
        for (Thread caller : callers) {
            caller.join();
        }

        assertThat(bFailures).hasValue(0);
        Set<String> missing = new HashSet<>(answered.keySet());
        missing.removeAll(logged(apiB, key, agentId));
        assertThat(missing).as("answered but not in the log").isEmpty();
    }

    /** A tenant with its limits lifted (0 = unlimited), so the load test is not refused. */
    String tenantWithoutLimits() {
        JsonNode created = apiA.post(OPERATOR_KEY, "/v1/tenants", "{\"name\": \"t-" + UUID.randomUUID() + "\"}")
                .json();
        ApiClient.Answer limits = apiA.put(
                OPERATOR_KEY,
                "/v1/tenants/" + created.get("id").asString() + "/rate-limits",
                "{\"tenant_per_minute\": 0, \"tool_per_minute\": 0}");
        assertThat(limits.status()).as(limits.text()).isEqualTo(200);
        return created.get("api_key").asString();
    }

    static Set<String> logged(ApiClient api, String key, String agentId) {
        Set<String> ids = new HashSet<>();
        String cursor = "";
        do {
            ApiClient.Answer page = api.get(key, "/v1/agents/" + agentId + "/invocations?limit=200&cursor=" + cursor);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            page.json().get("data").forEach(record -> ids.add(record.get("id").asString()));
            cursor = page.json().get("next_cursor").isNull()
                    ? null
                    : page.json().get("next_cursor").asString();
        } while (cursor != null);
        return ids;
    }
}
