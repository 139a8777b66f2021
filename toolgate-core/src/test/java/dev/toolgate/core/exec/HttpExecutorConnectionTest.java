package dev.toolgate.core.exec;

import static dev.toolgate.core.exec.LoopbackHttps.get;
import static dev.toolgate.core.exec.LoopbackHttps.loopbackDns;
import static dev.toolgate.core.exec.LoopbackHttps.policy;
import static dev.toolgate.core.exec.LoopbackHttps.request;
import static dev.toolgate.core.exec.LoopbackHttps.startServer;
import static dev.toolgate.core.exec.LoopbackHttps.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.tool.HttpMethod;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Connections: redirects are never followed, the one pool is reused, and many virtual threads share it. */
class HttpExecutorConnectionTest {

    private static final Duration BUDGET = Duration.ofSeconds(5);
    private static final int CAP = 65_536;

    private MockWebServer server;
    private HttpExecutor executor;

    @BeforeEach
    void start() throws IOException {
        server = startServer(LoopbackHttps.TRUSTED_SERVER);
        executor = new HttpExecutor(LoopbackHttps.trustingConfig().build(), policy(loopbackDns()));
    }

    @AfterEach
    void stop() {
        executor.close();
        server.close();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void neverFollowsARedirect(int status) throws IOException {
        AtomicInteger accepted = new AtomicInteger();
        try (MockWebServer target = new MockWebServer()) {
            target.setServerSocketFactory(new CountingServerSocketFactory(accepted));
            target.useHttps(LoopbackHttps.TRUSTED_SERVER.sslSocketFactory());
            target.start(LoopbackHttps.LOOPBACK, 0);
            server.enqueue(new MockResponse.Builder()
                    .code(status)
                    .setHeader("Location", url("127.0.0.1", target, "/landing").toString())
                    .setHeader("Content-Type", "text/plain")
                    .body("moved")
                    .build());

            ExecutionResult result = executor.execute(
                    request(
                            HttpMethod.POST,
                            url("endpoint.toolgate.dev", server, "/book"),
                            Map.of(),
                            "{}".getBytes(StandardCharsets.UTF_8),
                            "application/json"),
                    BUDGET,
                    CAP);

            ExecutionResult.Failure failure = (ExecutionResult.Failure) result;
            assertThat(failure.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_REDIRECT);
            assertThat(failure.error().message())
                    .isEqualTo("The endpoint answered HTTP " + status + ", a redirect, which is not followed.");
            assertThat(failure.error().message()).doesNotContain("landing");
            assertThat(failure.httpStatus()).isEqualTo(status);
            assertThat(failure.body()).isNull();
            assertThat(server.getRequestCount()).isEqualTo(1);
            assertThat(target.getRequestCount()).isZero();
            assertThat(accepted).hasValue(0);
        }
    }

    @Test
    void reusesThePooledConnectionForTheNextCall() throws InterruptedException {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .body("one")
                .build());
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .body("two")
                .build());

        ExecutionResult first = executor.execute(get(url("endpoint.toolgate.dev", server, "/1")), BUDGET, CAP);
        ExecutionResult second = executor.execute(get(url("endpoint.toolgate.dev", server, "/2")), BUDGET, CAP);

        assertThat(first.timings().connectMicros()).isNotNegative();
        assertThat(second.timings().connectMicros()).isEqualTo(-1);
        assertThat(second.timings().tlsMicros()).isEqualTo(-1);
        assertThat(second.timings().dnsMicros()).isEqualTo(-1);
        assertThat(((ExecutionResult.Success) second).body()).isEqualTo("two");
        assertThat(server.takeRequest().getConnectionIndex())
                .isEqualTo(server.takeRequest().getConnectionIndex());
    }

    @Test
    void retriesOnAFreshConnectionWhenTheEndpointClosedThePooledOne() throws InterruptedException {
        // Endpoints close idle connections without notice (Node.js after 5 s, HTTP/1.0 servers after each answer);
        // the next call must not fail on the dead pooled connection.
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .body("one")
                .onResponseEnd(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .body("two")
                .build());

        ExecutionResult first = executor.execute(
                request(
                        HttpMethod.POST,
                        url("endpoint.toolgate.dev", server, "/1"),
                        Map.of(),
                        "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "application/json"),
                BUDGET,
                CAP);
        ExecutionResult second = executor.execute(
                request(
                        HttpMethod.POST,
                        url("endpoint.toolgate.dev", server, "/2"),
                        Map.of(),
                        "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "application/json"),
                BUDGET,
                CAP);

        assertThat(first).isInstanceOf(ExecutionResult.Success.class);
        assertThat(second).isInstanceOf(ExecutionResult.Success.class);
        assertThat(((ExecutionResult.Success) second).body()).isEqualTo("two");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void servesFiftyConcurrentCallsFromVirtualThreads() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder()
                        .setHeader("Content-Type", "text/plain")
                        .body("ok " + request.getTarget())
                        .build();
            }
        });

        List<ExecutionResult> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ExecutionResult>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String path = "/call/" + i;
                futures.add(threads.submit(
                        () -> executor.execute(get(url("endpoint.toolgate.dev", server, path)), BUDGET, CAP)));
            }
            for (Future<ExecutionResult> future : futures) {
                results.add(future.get());
            }
        }

        assertThat(results)
                .hasSize(50)
                .allSatisfy(result -> assertThat(result).isInstanceOf(ExecutionResult.Success.class));
        assertThat(results)
                .extracting(result -> ((ExecutionResult.Success) result).body())
                .doesNotHaveDuplicates()
                .allMatch(body -> body.startsWith("ok /call/"));
        assertThat(server.getRequestCount()).isEqualTo(50);
    }

    @Test
    void talksHttp2WhenTheEndpointOffersIt() throws IOException {
        try (MockWebServer h2 = new MockWebServer()) {
            h2.useHttps(LoopbackHttps.TRUSTED_SERVER.sslSocketFactory());
            h2.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
            h2.start(LoopbackHttps.LOOPBACK, 0);
            h2.enqueue(new MockResponse.Builder()
                    .setHeader("Content-Type", "application/json")
                    .body("{\"ok\":true}")
                    .build());

            ExecutionResult result = executor.execute(get(url("endpoint.toolgate.dev", h2, "/")), BUDGET, CAP);

            assertThat(((ExecutionResult.Success) result).body()).isEqualTo("{\"ok\":true}");
        }
    }

    /** Counts accepted TCP connections, to prove that no connection was ever opened. */
    private static final class CountingServerSocketFactory extends ServerSocketFactory {
        private final AtomicInteger accepted;

        CountingServerSocketFactory(AtomicInteger accepted) {
            this.accepted = accepted;
        }

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket socket = super.accept();
                    accepted.incrementAndGet();
                    return socket;
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
        }
    }
}
