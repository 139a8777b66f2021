package dev.toolgate.core.exec;

import static dev.toolgate.core.exec.LoopbackHttps.get;
import static dev.toolgate.core.exec.LoopbackHttps.loopbackDns;
import static dev.toolgate.core.exec.LoopbackHttps.policy;
import static dev.toolgate.core.exec.LoopbackHttps.request;
import static dev.toolgate.core.exec.LoopbackHttps.sneakyThrow;
import static dev.toolgate.core.exec.LoopbackHttps.startServer;
import static dev.toolgate.core.exec.LoopbackHttps.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.core.egress.DenyReason;
import dev.toolgate.core.egress.EgressDeniedException;
import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.tool.HttpMethod;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How each way a call can fail maps to exactly one error code, with a message that leaks nothing. */
class HttpExecutorFailureTest {

    private static final Duration BUDGET = Duration.ofSeconds(5);
    private static final int CAP = 65_536;

    private MockWebServer server;
    private HttpExecutor executor;

    @AfterEach
    void stop() {
        if (executor != null) {
            executor.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void endsADripFedBodyAtTheDeadline() throws IOException {
        server = startServer(LoopbackHttps.TRUSTED_SERVER);
        executor = executorWith(loopbackDns());
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .body("x".repeat(100))
                .throttleBody(1, 500, TimeUnit.MILLISECONDS)
                .build());

        long start = System.nanoTime();
        ExecutionResult result =
                executor.execute(get(url("endpoint.toolgate.dev", server, "/")), Duration.ofSeconds(2), CAP);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        ExecutionResult.Failure failure = (ExecutionResult.Failure) result;
        assertThat(failure.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_TIMEOUT);
        assertThat(failure.error().message()).isEqualTo("No answer within 2.0 s.");
        assertThat(failure.timings().firstByteMicros())
                .as("headers arrived; the body dripped")
                .isPositive();
        assertThat(elapsed).isBetween(Duration.ofMillis(1900), Duration.ofMillis(3500));
    }

    @Test
    void timesOutWhenTheServerStallsBeforeHeaders() throws IOException {
        server = startServer(LoopbackHttps.TRUSTED_SERVER);
        executor = executorWith(loopbackDns());
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());

        ExecutionResult result =
                executor.execute(get(url("endpoint.toolgate.dev", server, "/")), Duration.ofSeconds(1), CAP);

        ExecutionResult.Failure failure = (ExecutionResult.Failure) result;
        assertThat(failure.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_TIMEOUT);
        assertThat(failure.timings().firstByteMicros()).isEqualTo(-1);
        assertThat(failure.timings().totalMicros()).isBetween(900_000L, 2_500_000L);
    }

    @Test
    void clampsTheCallersBudgetToTheConfiguredMaximum() throws IOException {
        server = startServer(LoopbackHttps.TRUSTED_SERVER);
        executor = new HttpExecutor(
                LoopbackHttps.trustingConfig().maxBudget(Duration.ofMillis(500)).build(), policy(loopbackDns()));
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());

        ExecutionResult result =
                executor.execute(get(url("endpoint.toolgate.dev", server, "/")), Duration.ofSeconds(60), CAP);

        ExecutionResult.Failure failure = (ExecutionResult.Failure) result;
        assertThat(failure.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_TIMEOUT);
        assertThat(failure.error().message()).isEqualTo("No answer within 0.5 s.");
    }

    @Test
    void endsAtTheDeadlineWhenTheResolverHangs() {
        CountDownLatch release = new CountDownLatch(1);
        executor = executorWith(hostname -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(hostname);
        });

        long start = System.nanoTime();
        ExecutionResult result = executor.execute(get(url("slow.toolgate.dev", 443, "/")), Duration.ofSeconds(1), CAP);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        release.countDown();

        assertThat(((ExecutionResult.Failure) result).error().code()).isEqualTo(ErrorCode.HTTP_TOOL_TIMEOUT);
        assertThat(elapsed).isLessThan(Duration.ofMillis(3000));
    }

    @Test
    void reportsConnectErrorWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, LoopbackHttps.LOOPBACK)) {
            port = socket.getLocalPort();
        }
        executor = executorWith(loopbackDns());

        ExecutionResult result = executor.execute(get(url("127.0.0.1", port, "/")), BUDGET, CAP);

        ExecutionResult.Failure failure = (ExecutionResult.Failure) result;
        assertThat(failure.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_CONNECT_ERROR);
        assertThat(failure.error().message()).isEqualTo("The endpoint at 127.0.0.1:" + port + " could not be reached.");
        assertThat(failure.httpStatus()).isZero();
    }

    @Test
    void reportsTlsErrorForACertificateFromAnUntrustedCa() throws IOException {
        server = startServer(LoopbackHttps.UNTRUSTED_SERVER);
        executor = executorWith(loopbackDns());

        ExecutionResult result = executor.execute(get(url("endpoint.toolgate.dev", server, "/")), BUDGET, CAP);

        ExecutionResult.Failure failure = (ExecutionResult.Failure) result;
        assertThat(failure.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_TLS_ERROR);
        assertThat(failure.error().message())
                .isEqualTo(
                        "A secure connection to endpoint.toolgate.dev could not be established: its certificate is not trusted.");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void reportsTlsErrorWhenTheCertificateNamesAnotherHost() throws IOException {
        server = startServer(LoopbackHttps.TRUSTED_SERVER);
        executor = executorWith(loopbackDns("other-name.toolgate.dev"));

        ExecutionResult result = executor.execute(get(url("other-name.toolgate.dev", server, "/")), BUDGET, CAP);

        ExecutionResult.Failure failure = (ExecutionResult.Failure) result;
        assertThat(failure.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_TLS_ERROR);
        assertThat(failure.error().message()).endsWith("its certificate does not match the host name.");
    }

    @Test
    void reportsDnsErrorForAnUnknownHost() {
        executor = executorWith(loopbackDns());

        ExecutionResult result = executor.execute(get(url("missing.toolgate.dev", 443, "/")), BUDGET, CAP);

        ExecutionResult.Failure failure = (ExecutionResult.Failure) result;
        assertThat(failure.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_DNS_ERROR);
        assertThat(failure.error().message())
                .isEqualTo("The endpoint's host name missing.toolgate.dev could not be resolved.");
        assertThat(failure.timings().connectMicros()).isEqualTo(-1);
    }

    @Test
    void reportsBlockedDestinationWithTheEgressMessage() {
        String reason = "The endpoint's address 10.0.0.7 is in a blocked range (private-use, RFC 1918).";
        executor = executorWith(hostname -> {
            throw sneakyThrow(new EgressDeniedException(DenyReason.BLOCKED_ADDRESS, reason));
        });

        ExecutionResult result = executor.execute(get(url("internal.toolgate.dev", 443, "/")), BUDGET, CAP);

        ExecutionResult.Failure failure = (ExecutionResult.Failure) result;
        assertThat(failure.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_BLOCKED_DESTINATION);
        assertThat(failure.error().message()).isEqualTo(reason);
    }

    @Test
    void findsAnEgressDenialWrappedInAnotherException() {
        EgressDeniedException denial = new EgressDeniedException(DenyReason.BLOCKED_ADDRESS, "Blocked: loopback.");
        executor = executorWith(hostname -> {
            IOException wrapper = new IOException("connect failed");
            wrapper.addSuppressed(new IOException("route", denial));
            throw sneakyThrow(wrapper);
        });

        ExecutionResult result = executor.execute(get(url("internal.toolgate.dev", 443, "/")), BUDGET, CAP);

        assertThat(((ExecutionResult.Failure) result).error().code())
                .isEqualTo(ErrorCode.HTTP_TOOL_BLOCKED_DESTINATION);
    }

    @Test
    void refusesPlainHttpWithoutSendingAnything() throws IOException {
        server = startServer(LoopbackHttps.TRUSTED_SERVER);
        executor = executorWith(loopbackDns());
        HttpUrl plain = HttpUrl.get("http://127.0.0.1:" + server.getPort() + "/");

        ExecutionResult result = executor.execute(get(plain), BUDGET, CAP);

        assertThat(((ExecutionResult.Failure) result).error().code())
                .isEqualTo(ErrorCode.HTTP_TOOL_BLOCKED_DESTINATION);
        assertThat(server.getRequestCount()).isZero();
    }

    /**
     * OkHttp builds these URLs without complaint, but the egress rules refuse them; the executor judges the
     * rendered URL by the same rules as a stored one, before any lookup.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://under_score.toolgate.dev/", // java.net.URI reads no host here: parsers disagree
                "https://toolgate.123/", // a numeric top-level label makes WHATWG parsers read an IPv4 address
                "https://localhost/",
                "https://printer.local/"
            })
    void refusesARenderedUrlTheEgressRulesRefuseBeforeResolvingIt(String raw) {
        List<String> lookups = new java.util.concurrent.CopyOnWriteArrayList<>();
        executor = executorWith(hostname -> {
            lookups.add(hostname);
            return List.of(LoopbackHttps.LOOPBACK);
        });

        ExecutionResult result = executor.execute(get(HttpUrl.get(raw)), BUDGET, CAP);

        ExecutionResult.Failure failure = (ExecutionResult.Failure) result;
        assertThat(failure.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_BLOCKED_DESTINATION);
        assertThat(failure.error().message()).isNotBlank();
        assertThat(lookups).isEmpty();
    }

    @Test
    void reportsAnUnexpectedFaultAsInternalWithTheGenericMessage() {
        executor = executorWith(hostname -> {
            throw new IllegalStateException("resolver bug while handling https://" + hostname + "/?api_key=s3cr3t");
        });

        ExecutionResult result = executor.execute(get(url("buggy.toolgate.dev", 443, "/")), BUDGET, CAP);

        ExecutionResult.Failure failure = (ExecutionResult.Failure) result;
        assertThat(failure.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_INTERNAL);
        assertThat(failure.error().message()).isEqualTo(ErrorCode.HTTP_TOOL_INTERNAL.defaultMessage());
    }

    @Test
    void neverPutsAQuerySecretInAFailureMessage() throws IOException {
        server = startServer(LoopbackHttps.UNTRUSTED_SERVER);
        executor = executorWith(hostname -> {
            if (hostname.equals("endpoint.toolgate.dev")) {
                return List.of(LoopbackHttps.LOOPBACK);
            }
            // A library that quotes the whole URL in its exception message must not leak it either.
            throw new UnknownHostException("https://" + hostname + "/v1?api_key=s3cr3t");
        });
        String query = "/v1/lookup?api_key=s3cr3t";

        List<ExecutionResult> results = List.of(
                executor.execute(get(url("missing.toolgate.dev", 443, query)), BUDGET, CAP),
                executor.execute(get(url("endpoint.toolgate.dev", server, query)), BUDGET, CAP));

        assertThat(results).allSatisfy(result -> {
            ExecutionResult.Failure failure = (ExecutionResult.Failure) result;
            assertThat(failure.error().message()).doesNotContain("s3cr3t").doesNotContain("api_key");
            assertThat(failure.error().hint()).doesNotContain("s3cr3t");
        });
    }

    @Test
    void neverPutsAHeaderValueInAFailureMessage() throws IOException {
        server = startServer(LoopbackHttps.TRUSTED_SERVER);
        executor = executorWith(loopbackDns());
        server.enqueue(new MockResponse.Builder()
                .code(401)
                .setHeader("Content-Type", "text/plain")
                .body("bad token")
                .build());

        ExecutionResult result = executor.execute(
                request(
                        HttpMethod.POST,
                        url("endpoint.toolgate.dev", server, "/"),
                        Map.of("Authorization", "Bearer sk_live_abc"),
                        "{}".getBytes(StandardCharsets.UTF_8),
                        "application/json"),
                BUDGET,
                CAP);

        assertThat(((ExecutionResult.Failure) result).error().message()).doesNotContain("sk_live_abc");
    }

    @Test
    void rejectsNonPositiveBudgetAndCap() {
        executor = executorWith(loopbackDns());
        var request = get(url("endpoint.toolgate.dev", 443, "/"));

        assertThatThrownBy(() -> executor.execute(request, Duration.ZERO, CAP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("budget");
        assertThatThrownBy(() -> executor.execute(request, BUDGET, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxResponseBytes");
    }

    @Test
    void refusesCallsAfterClose() {
        executor = executorWith(loopbackDns());
        executor.close();

        assertThatThrownBy(() -> executor.execute(get(url("endpoint.toolgate.dev", 443, "/")), BUDGET, CAP))
                .isInstanceOf(IllegalStateException.class);
    }

    private static HttpExecutor executorWith(Dns dns) {
        return new HttpExecutor(LoopbackHttps.trustingConfig().build(), policy(dns));
    }
}
