package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.server.ratelimit.RedisBucketStore;
import dev.toolgate.server.secrets.SecretCipher;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Redis dies mid-run and comes back (docs/configuration.md, {@code toolgate.redis-url}): two instances on
 * PostgreSQL and a {@code redis-server} of the test's own. While it is down nothing answers 500, each instance
 * applies the rate limits with its own buckets, duplicate-call results are not shared, and cached keys live at most
 * the fallback lifetime; once it is back, the shared buckets and cross-instance invalidation work again. Skipped
 * without PostgreSQL or {@code redis-server}, except under {@code CI=true}, where that fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisOutageIntegrationTest {

    static final String OPERATOR_KEY = "tg_test_outage_operator_key_0123456789";
    static final int TOOL_PER_MINUTE = 3;

    RedisServerProcess redis;
    TestPostgres database;
    Gateway a;
    Gateway b;
    String agentId;
    final AtomicInteger hits = new AtomicInteger();

    @BeforeAll
    void start() throws Exception {
        database = TestPostgres.create();
        redis = RedisServerProcess.start();
        List<String> args = new ArrayList<>(List.of(
                "--toolgate.redis-url=" + redis.url(),
                "--toolgate.db.url=" + database.url(),
                "--toolgate.db.user=" + database.user(),
                "--toolgate.db.password=",
                "--toolgate.master-key=" + SecretCipher.generateKeysetJson(),
                "--toolgate.bootstrap-api-key=" + OPERATOR_KEY,
                "--toolgate.rate-limit.tool-per-minute=" + TOOL_PER_MINUTE,
                "--toolgate.egress.allowlist=127.0.0.1:" + TestEndpoint.SERVER.getPort(),
                "--toolgate.egress.extra-ca=" + TestEndpoint.CA_PEM,
                "--toolgate.data-dir=" + Files.createTempDirectory("toolgate-outage")));
        TestEndpoint.SERVER.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                hits.incrementAndGet();
                return new MockResponse.Builder()
                        .addHeader("Content-Type", "application/json")
                        .body("{\"slot\": \"free\"}")
                        .build();
            }
        });
        a = Gateway.start(args);
        b = Gateway.start(args);
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

    @Test
    void aRedisOutageCausesNo500sKeepsLimitsPerInstanceAndRecovers() throws Exception {
        agentId = a.api()
                .post(OPERATOR_KEY, "/v1/agents", "{\"name\": \"outage\"}")
                .json()
                .get("id")
                .asString();
        String toolId = a.api()
                .post(OPERATOR_KEY, "/v1/agents/" + agentId + "/tools", """
                        {"name": "slots", "description": "Checks a slot", "tool_type": "http_request",
                         "parameters": {"type": "object", "properties": {"day": {"type": "string"}}},
                         "config": {"url": "%s"}}
                        """.formatted(TestEndpoint.url("/outage")))
                .json()
                .get("id")
                .asString();
        String[] revokedDuringOutage = key();
        String[] revokedAfterwards = key();

        redis.kill();
        Gateway.awaitTrue(Duration.ofSeconds(5), () -> !b.bus().connected(), "instance B notices Redis is gone");

        // a key cached on B while Redis is down lives at most the fallback lifetime (1 s)
        b.refusesWithin(Duration.ofSeconds(2), a, OPERATOR_KEY, revokedDuringOutage);

        // invocations: no 500, the tool's limit of 3 per minute held by each instance's own bucket; the first two
        // are the same call (same call id, tool and arguments), whose result is not shared without Redis: it runs
        List<Integer> statuses = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (String day : List.of("mon", "mon", "tue", "wed", "thu")) {
            ApiClient.Answer answer = invoke(a, day);
            statuses.add(answer.status());
            codes.add(errorCode(answer));
        }
        int sentByA = hits.get();
        ApiClient.Answer onB = invoke(b, "fri");

        assertThat(statuses).containsOnly(200);
        assertThat(codes).containsExactly(null, null, null, "HTTP_TOOL_RATE_LIMITED", "HTTP_TOOL_RATE_LIMITED");
        assertThat(sentByA).isEqualTo(3);
        assertThat(onB.status()).isEqualTo(200);
        assertThat(errorCode(onB)).isNull();
        assertThat(fallbacks(a)).isGreaterThanOrEqualTo(5);

        redis.startAgain();
        RedisClient client = RedisClient.create(redis.url());
        try (var connection = client.connect()) {
            String bucketKey = RedisBucketStore.KEY_PREFIX + "tool:" + toolId + ":" + TOOL_PER_MINUTE;
            Gateway.awaitTrue(
                    Duration.ofSeconds(15),
                    () -> invoke(a, "sat").status() == 200 && connection.sync().exists(bucketKey) == 1,
                    "instance A uses the shared bucket in Redis again");
            double before = fallbacks(a);
            assertThat(invoke(a, "sun").status()).isEqualTo(200);
            assertThat(fallbacks(a)).isEqualTo(before);
        } finally {
            client.shutdown();
        }

        Gateway.awaitTrue(
                Duration.ofSeconds(10), () -> a.bus().connected() && b.bus().connected(), "both reconnect");
        b.refusesWithin(MultiInstanceTestBase.PROPAGATION, a, OPERATOR_KEY, revokedAfterwards);
    }

    private String[] key() {
        JsonNode created = a.api()
                .post(OPERATOR_KEY, "/v1/api-keys", "{\"name\": \"revocable\", \"scopes\": [\"tools:read\"]}")
                .json();
        return new String[] {created.get("id").asString(), created.get("key").asString()};
    }

    private ApiClient.Answer invoke(Gateway gateway, String day) {
        return gateway.api()
                .post(
                        OPERATOR_KEY,
                        "/v1/agents/" + agentId + "/invocations",
                        "{\"tool\": \"slots\", \"arguments\": {\"day\": \"" + day + "\"},"
                                + " \"call\": {\"id\": \"call-outage\"}}");
    }

    private static double fallbacks(Gateway gateway) {
        return gateway.context()
                .getBean(MeterRegistry.class)
                .counter("toolgate.rate_limit.fallback")
                .count();
    }

    private static String errorCode(ApiClient.Answer answer) {
        return MultiInstanceTestBase.errorCode(answer);
    }
}
