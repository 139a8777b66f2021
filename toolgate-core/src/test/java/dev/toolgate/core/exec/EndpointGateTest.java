package dev.toolgate.core.exec;

import static dev.toolgate.core.exec.LoopbackHttps.get;
import static dev.toolgate.core.exec.LoopbackHttps.loopbackDns;
import static dev.toolgate.core.exec.LoopbackHttps.policy;
import static dev.toolgate.core.exec.LoopbackHttps.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.error.ErrorCode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A burst of calls to one endpoint: over HTTP/1.1 at most the cap of one tenant's calls are in flight and the rest
 * wait inside their budget; over HTTP/2 every call shares one connection, uncapped.
 */
class EndpointGateTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static final int CAP = 65_536;

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    private MockWebServer server;
    private HttpExecutor executor;

    @AfterEach
    void stop() {
        release.countDown();
        callers.shutdownNow();
        if (executor != null) {
            executor.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** An endpoint that holds every request until the test releases it, speaking {@code protocols}. */
    private void start(List<Protocol> protocols, int maxPerEndpoint) throws IOException {
        server = new MockWebServer();
        server.setProtocols(protocols);
        server.useHttps(LoopbackHttps.TRUSTED_SERVER.sslSocketFactory());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                release.await(30, TimeUnit.SECONDS);
                return new MockResponse.Builder()
                        .setHeader("Content-Type", "text/plain")
                        .body("ok")
                        .build();
            }
        });
        server.start(LoopbackHttps.LOOPBACK, 0);
        executor = new HttpExecutor(
                LoopbackHttps.trustingConfig()
                        .maxConnectionsPerEndpoint(maxPerEndpoint)
                        .build(),
                policy(loopbackDns()));
    }

    private List<Future<ExecutionResult>> send(int calls, String tenant) {
        List<Future<ExecutionResult>> results = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            String path = "/" + i;
            results.add(callers.submit(
                    () -> executor.execute(get(url("endpoint.toolgate.dev", server, path)), BUDGET, CAP, tenant)));
        }
        return results;
    }

    private static void assertAllSucceed(List<Future<ExecutionResult>> results) throws Exception {
        for (Future<ExecutionResult> result : results) {
            assertThat(result.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionResult.Success.class);
        }
    }

    @Test
    void overHttp1ATenantHasAtMostTheCapInFlightAndTheRestWaitForAConnection() throws Exception {
        start(List.of(Protocol.HTTP_1_1), 2);

        List<Future<ExecutionResult>> results = send(6, "tenant-a");
        Set<Integer> connections = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            connections.add(server.takeRequest(10, TimeUnit.SECONDS).getConnectionIndex());
        }
        assertThat(server.takeRequest(300, TimeUnit.MILLISECONDS))
                .as("a third call while two are held")
                .isNull();
        release.countDown();

        assertAllSucceed(results);
        assertThat(results.stream().mapToLong(r -> waitMicros(r)).max().orElseThrow())
                .as("the waiting calls' timings show the wait for a connection")
                .isGreaterThanOrEqualTo(300_000);
        for (int i = 0; i < 4; i++) {
            connections.add(server.takeRequest(10, TimeUnit.SECONDS).getConnectionIndex());
        }
        assertThat(connections).as("connections opened for six calls").hasSizeLessThanOrEqualTo(2);
    }

    private static long waitMicros(Future<ExecutionResult> result) {
        try {
            return result.get().timings().waitMicros();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCallThatFindsNoFreeConnectionWithinItsBudgetIsEndpointBusyAndNothingIsSent() throws Exception {
        start(List.of(Protocol.HTTP_1_1), 1);
        List<Future<ExecutionResult>> held = send(1, "tenant-a");
        assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull();

        ExecutionResult busy = executor.execute(
                get(url("endpoint.toolgate.dev", server, "/late")), Duration.ofMillis(300), CAP, "tenant-a");

        ExecutionResult.Failure failure = (ExecutionResult.Failure) busy;
        assertThat(failure.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_ENDPOINT_BUSY);
        assertThat(failure.error().message()).contains("HTTP/1.1").doesNotContain("/late");
        assertThat(server.getRequestCount()).isEqualTo(1);
        release.countDown();
        assertAllSucceed(held);
    }

    @Test
    void oneTenantsBurstLeavesAnotherTenantItsOwnShareOfTheEndpoint() throws Exception {
        start(List.of(Protocol.HTTP_1_1), 1);
        List<Future<ExecutionResult>> first = send(1, "tenant-a");
        assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull();

        List<Future<ExecutionResult>> second = send(1, "tenant-b");

        assertThat(server.takeRequest(10, TimeUnit.SECONDS))
                .as("tenant-b's call reaches the endpoint while tenant-a's is held")
                .isNotNull();
        release.countDown();
        assertAllSucceed(first);
        assertAllSucceed(second);
    }

    @Test
    void overHttp2EveryCallSharesOneConnectionWithoutTheCap() throws Exception {
        start(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1), 1);

        List<Future<ExecutionResult>> results = send(20, "tenant-a");
        Set<Integer> connections = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
            assertThat(request)
                    .as("call %d in flight at once with the others", i)
                    .isNotNull();
            connections.add(request.getConnectionIndex());
        }
        release.countDown();

        assertAllSucceed(results);
        assertThat(connections)
                .as("connections opened for twenty concurrent calls")
                .hasSize(1);
    }
}
