package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

/**
 * What a stop costs the invocation log, on a real server process ({@link ServerProcess}) under load: 16 callers
 * invoking a tool on a loopback HTTPS endpoint, rate limits lifted. After SIGTERM every invocation that got an
 * answer is in the log once the server is started again on the same data folder. SIGKILL loses the last moments;
 * {@link #sigkillUnderLoadLosesOnlyTheLastMoments} measures how many (run it with
 * {@code -Dtoolgate.measure-sigkill=true}; docs/invocation-log.md gives the figures).
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES) // two server starts each; slow on a loaded machine
class ShutdownDurabilityIntegrationTest {

    static final String KEY = "tg_test_shutdown_admin_key_0123456789ab";
    static final int CALLERS = 16;
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    /** Logs and the data folder, kept under target/ for a look after a failure. */
    Path dir;

    @BeforeEach
    void endpoint(TestInfo test) throws java.io.IOException {
        dir = Files.createDirectories(Path.of(
                "target",
                "shutdown-durability",
                test.getTestMethod().orElseThrow().getName() + "-" + System.nanoTime()));
        TestEndpoint.SERVER.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                // A short wait, so calls are in flight whenever the stop comes.
                return new MockResponse.Builder()
                        .body("{\"booked\":true}")
                        .headersDelay(20, TimeUnit.MILLISECONDS)
                        .build();
            }
        });
    }

    @AfterEach
    void resetEndpoint() {
        TestEndpoint.SERVER.setDispatcher(new QueueDispatcher());
    }

    @Test
    void sigtermUnderLoadLosesNoAnsweredInvocation() throws Exception {
        Outcome outcome = stopUnderLoad(ServerProcess::sigterm);
        System.out.printf(
                "SIGTERM under load: %d answered, %d missing from the log%n",
                outcome.answered().size(), outcome.missing().size());

        assertThat(outcome.answered()).hasSizeGreaterThan(100);
        assertThat(outcome.missing())
                .as("answered but not in the log after SIGTERM")
                .isEmpty();
        assertThat(outcome.firstRunOutput())
                .contains("Invocation log stopped; 0 record(s) left unwritten, 0 dropped since the start")
                .doesNotContain("record(s) dropped:");
    }

    @Test
    @EnabledIfSystemProperty(named = "toolgate.measure-sigkill", matches = "true")
    void sigkillUnderLoadLosesOnlyTheLastMoments() throws Exception {
        Outcome outcome = stopUnderLoad(ServerProcess::sigkill);

        long earliestMissing = outcome.missing().stream()
                .mapToLong(id -> outcome.answered().get(id))
                .min()
                .orElse(outcome.stoppedAt());
        long lastLogged = outcome.answered().entrySet().stream()
                .filter(e -> !outcome.missing().contains(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .max()
                .orElse(0);
        System.out.printf(
                "SIGKILL under load: %d answered, %d missing from the log; the first missing was answered %d ms"
                        + " before the kill; the last logged %d ms before it%n",
                outcome.answered().size(),
                outcome.missing().size(),
                TimeUnit.NANOSECONDS.toMillis(outcome.stoppedAt() - earliestMissing),
                TimeUnit.NANOSECONDS.toMillis(outcome.stoppedAt() - lastLogged));
        assertThat(outcome.answered()).hasSizeGreaterThan(100);
        assertThat(outcome.logged()).isNotEmpty();
    }

    /**
     * @param answered every invocation id that got an answer, with {@link System#nanoTime} of the answer
     * @param logged the ids in the agent's log after the restart
     * @param missing answered ids not logged
     * @param stoppedAt {@link System#nanoTime} of the signal
     */
    record Outcome(
            Map<String, Long> answered,
            Set<String> logged,
            Set<String> missing,
            long stoppedAt,
            String firstRunOutput) {}

    interface Stop {
        void send(ServerProcess server);
    }

    private Outcome stopUnderLoad(Stop stop) throws Exception {
        Path data = dir.resolve("data");
        List<String> args = List.of(
                "--toolgate.data-dir=" + data,
                "--toolgate.bootstrap-api-key=" + KEY,
                "--toolgate.egress.allowlist=127.0.0.1:" + TestEndpoint.SERVER.getPort(),
                "--toolgate.egress.extra-ca=" + TestEndpoint.CA_PEM,
                "--toolgate.rate-limit.tenant-per-minute=0",
                "--toolgate.rate-limit.tool-per-minute=0",
                "--toolgate.duplicates.default-window=0s",
                "--server.address=127.0.0.1");
        Map<String, Long> answered = new ConcurrentHashMap<>();
        long stoppedAt;
        String agentId;
        String firstRunOutput;
        try (ServerProcess server = ServerProcess.start(dir.resolve("first.log"), START_TIMEOUT, KEY, args)) {
            ApiClient api = new ApiClient(client(), server.baseUrl());
            agentId =
                    api.agentWithTool(KEY, "book_slot", "{\"n\": {\"type\": \"integer\"}}", TestEndpoint.url("/book"));

            AtomicBoolean calling = new AtomicBoolean(true);
            AtomicInteger sequence = new AtomicInteger();
            AtomicLong failures = new AtomicLong();
            List<Thread> callers = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                callers.add(Thread.ofPlatform().start(() -> {
                    while (calling.get()) {
                        try {
                            ApiClient.Answer answer = api.post(
                                    KEY,
                                    "/v1/agents/" + agentId + "/invocations",
                                    "{\"tool\": \"book_slot\", \"arguments\": {\"n\": " + sequence.incrementAndGet()
                                            + "}}");
                            JsonNode id =
                                    answer.json() == null ? null : answer.json().get("invocation_id");
                            if (answer.status() == 200 && id != null) {
                                answered.put(id.asString(), System.nanoTime());
                            } else {
                                failures.incrementAndGet();
                            }
                        } catch (RuntimeException refused) {
                            failures.incrementAndGet(); // the server stopped accepting
                        }
                    }
                }));
            }
            long loadStart = System.nanoTime();
            // Load for at least 2 s and 200 answers, so the stop lands on calls in flight.
            org.awaitility.Awaitility.await("2 s of load and 200 answered calls")
                    .atMost(java.time.Duration.ofMinutes(2))
                    .pollInterval(java.time.Duration.ofMillis(20))
                    .until(() ->
                            System.nanoTime() - loadStart >= TimeUnit.SECONDS.toNanos(2) && answered.size() >= 200);
            stoppedAt = System.nanoTime();
            stop.send(server);
            server.awaitExit(Duration.ofMinutes(2));
            calling.set(false);
            for (Thread caller : callers) {
                caller.join();
            }
            firstRunOutput = server.output();
        }
        Set<String> logged = new HashSet<>();
        try (ServerProcess again = ServerProcess.start(dir.resolve("second.log"), START_TIMEOUT, KEY, args)) {
            ApiClient api = new ApiClient(client(), again.baseUrl());
            String cursor = "";
            do {
                ApiClient.Answer page =
                        api.get(KEY, "/v1/agents/" + agentId + "/invocations?limit=200&cursor=" + cursor);
                assertThat(page.status()).as(page.text()).isEqualTo(200);
                page.json()
                        .get("data")
                        .forEach(record -> logged.add(record.get("id").asString()));
                cursor = page.json().get("next_cursor").isNull()
                        ? null
                        : page.json().get("next_cursor").asString();
            } while (cursor != null);
            again.sigterm();
            again.awaitExit(Duration.ofMinutes(2));
        }
        Set<String> missing = new HashSet<>(answered.keySet());
        missing.removeAll(logged);
        return new Outcome(answered, logged, missing, stoppedAt, firstRunOutput);
    }

    private static OkHttpClient client() {
        return new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(CALLERS, 1, TimeUnit.MINUTES))
                .callTimeout(Duration.ofSeconds(60))
                .build();
    }
}
