package dev.toolgate.core.exec;

import dev.toolgate.core.egress.EgressDecision;
import dev.toolgate.core.egress.EgressPolicy;
import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.render.RenderedRequest;
import dev.toolgate.core.render.SecretValues;
import dev.toolgate.core.tool.HttpMethod;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.tls.HandshakeCertificates;

/**
 * Sends {@link RenderedRequest}s to tenant endpoints and turns each answer, or failure, into an
 * {@link ExecutionResult}.
 *
 * <p>One executor holds ONE {@link OkHttpClient}, hence one connection pool for every tool and tenant; nothing is
 * built per call. The client is configured by the {@link EgressPolicy} (guarded DNS and sockets, no proxy) and
 * then pinned here to: no redirects, OkHttp's retry of recoverable connection failures inside the same
 * deadline and guards (a stale pooled connection must not fail a call), TLS only ({@link ConnectionSpec#MODERN_TLS}, no cleartext),
 * trust in the platform CAs plus {@link ExecutorConfig#extraTrustedCertificates()}.
 *
 * <p><b>Connections.</b> OkHttp offers HTTP/2 and HTTP/1.1 through ALPN; an endpoint that takes HTTP/2 gets every
 * call multiplexed over its pooled connections. An {@link EndpointGate} keeps a burst from opening a connection per
 * call: until an endpoint's first connection says which protocol it speaks, the others wait for it; to an HTTP/1.1
 * endpoint one tenant has at most {@link ExecutorConfig.Connections#maxPerEndpoint()} calls in flight, the rest wait
 * inside their budget (ENDPOINT_BUSY when none frees in time; the wait is the gateway's, never counted against the
 * endpoint).
 *
 * <p><b>Budget.</b> One deadline covers DNS, connect, TLS, writing the request, waiting and reading the body, so a
 * server that sends one byte every 500 ms still ends at the deadline. The exchange runs on a virtual thread of its
 * own; the caller waits for it at most until the deadline, then cancels the call (which closes its socket, so the
 * exchange ends at once) and answers TIMEOUT. A resolver that blocks inside the JDK cannot be cancelled; its lookup
 * finishes in the background. OkHttp's own per-call and per-read timeouts are off: each of them would enter Okio's
 * watchdog queue on every call and every socket read, a cost the one deadline makes needless (bench/README.md).
 *
 * <p><b>Body.</b> OkHttp offers {@code Accept-Encoding: gzip} and decodes the body itself (a caller's
 * {@code Accept-Encoding} header is removed so that this always holds), so the cap counts <em>decoded</em> bytes
 * and a gzip bomb costs at most the cap. At most cap + 1 bytes are read; the rest is discarded by closing the
 * response, never read.
 *
 * <p><b>Text rule.</b> A body is text when its {@code Content-Type} is {@code text/*}, {@code application/json},
 * {@code application/*+json}, {@code application/xml}, {@code application/*+xml}, {@code application/javascript},
 * {@code application/x-www-form-urlencoded}, {@code application/yaml} or {@code application/x-ndjson}, or when it
 * has none (or one that does not parse); any other declared type is binary. A body still carrying a
 * {@code Content-Encoding} OkHttp did not decode (e.g. {@code br}) is binary. Whatever the type says, the capped
 * bytes must then decode in the content type's charset (UTF-8 by default) without a malformed sequence or a NUL
 * character, else the body is binary too; a multi-byte character cut by the cap is dropped, not counted as
 * malformed.
 *
 * <p><b>Outcomes.</b> 2xx text → {@link ExecutionResult.Success}. Everything else is an
 * {@link ExecutionResult.Failure} with one {@link ErrorCode}: 2xx binary → BINARY_RESPONSE, 3xx → REDIRECT (never
 * followed, body not read), 4xx/5xx → CUSTOMER_ERROR with the capped body when it is text. A failed call maps to
 * the first that applies: an egress denial anywhere among the causes → BLOCKED_DESTINATION (with the policy's
 * message); deadline reached → TIMEOUT; unknown host → DNS_ERROR; TLS failure before the connection was ready →
 * TLS_ERROR; any other I/O failure (refused, unreachable, reset, early end) → CONNECT_ERROR; anything else →
 * INTERNAL with the generic message. Messages name at most the endpoint's host and port: never the URL (its
 * query may hold a secret), header values or stack traces.
 *
 * <p><b>Secrets.</b> Every text of a result (the body, the error message) has the request's
 * {@link RenderedRequest#secrets()} masked ({@link SecretValues}), so an endpoint echoing its request cannot hand
 * a secret Toolgate added to a model, the invocation log or an API answer.
 *
 * <p>Thread-safe; meant to be called from many (virtual) threads at once. Logs nothing.
 */
public final class HttpExecutor implements AutoCloseable {

    private final ExecutorConfig config;
    private final EgressPolicy egress;
    private final OkHttpClient client;
    private final ExecutorService exchanges = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("toolgate-exchange-", 0).factory());
    private final AtomicBoolean closed = new AtomicBoolean();
    private final EndpointGate gate;

    /**
     * Builds the shared client.
     *
     * @param config the ceilings, trust anchors and pool settings
     * @param egress the egress policy; its {@link EgressPolicy#applyTo} installs the guarded resolver and sockets
     */
    public HttpExecutor(ExecutorConfig config, EgressPolicy egress) {
        this.config = Objects.requireNonNull(config, "config");
        this.egress = Objects.requireNonNull(egress, "egress");
        this.gate = new EndpointGate(config.connections());
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(
                        config.connections().maxIdle(),
                        config.connections().keepAlive().toMillis(),
                        TimeUnit.MILLISECONDS))
                .connectionSpecs(List.of(ConnectionSpec.MODERN_TLS))
                // The per-call deadline governs (execute cancels the call when it passes); a connect attempt stops
                // at the largest budget, and reads and writes have no timeout of their own, so no watchdog runs.
                .connectTimeout(config.maxBudget())
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                .eventListenerFactory(PhaseListener.FACTORY);
        if (!config.extraTrustedCertificates().isEmpty()) {
            HandshakeCertificates.Builder trust = new HandshakeCertificates.Builder().addPlatformTrustedCertificates();
            for (X509Certificate certificate : config.extraTrustedCertificates()) {
                trust.addTrustedCertificate(certificate);
            }
            HandshakeCertificates certificates = trust.build();
            builder.sslSocketFactory(certificates.sslSocketFactory(), certificates.trustManager());
        }
        egress.applyTo(builder);
        // Redirects are never followed, whatever the policy did: a 3xx is a failure (docs/security.md).
        // Connection failures are retried by OkHttp: endpoints close idle keep-alive connections without notice
        // (Node.js after 5 s, HTTP/1.0 servers after every answer), and the next call must not fail on a dead
        // pooled connection. A retry stays inside the same call deadline and goes through the same egress guards
        // (guarded Dns and socket factory), so it can neither extend the budget nor reach another destination;
        // OkHttp retries only failures it deems recoverable (not TLS certificate errors, not timeouts).
        builder.followRedirects(false).followSslRedirects(false).retryOnConnectionFailure(true);
        this.client = builder.build();
    }

    /** Returns the settings this executor was built with. */
    public ExecutorConfig config() {
        return config;
    }

    /**
     * Sends one request and returns its outcome; never throws for anything the endpoint or network does.
     *
     * <p>A request without a body is sent with an empty body for POST, PUT and PATCH. The request's headers are
     * sent as they are, except {@code Accept-Encoding} (owned by OkHttp, see the class comment); a
     * {@code User-Agent} of {@link ExecutorConfig#userAgent()} is added when the request has none.
     *
     * @param request the rendered request; its URL must pass {@link EgressPolicy#checkUrl(String)} (https, an
     *     unambiguous authority, no blocked literal or special-use name), else the result is a
     *     BLOCKED_DESTINATION failure with the policy's reason and nothing is resolved or sent
     * @param budget the tool's total time budget; clamped to {@link ExecutorConfig#maxBudget()}; must be positive
     * @param maxResponseBytes the tool's cap in decoded body bytes; clamped to
     *     {@link ExecutorConfig#maxResponseBytes()}; must be at least 1
     * @return the outcome with its phase timings
     * @throws IllegalArgumentException when {@code budget} or {@code maxResponseBytes} is not positive, or the
     *     request is a GET with a body (a bug in the caller; nothing was sent)
     * @throws IllegalStateException when the executor is closed
     */
    public ExecutionResult execute(RenderedRequest request, Duration budget, int maxResponseBytes) {
        return execute(request, budget, maxResponseBytes, null);
    }

    /**
     * Sends one request on behalf of {@code partition} (a tenant): as {@link #execute(RenderedRequest, Duration,
     * int)}, with the cap on calls in flight to an HTTP/1.1 endpoint counted per partition, so one tenant's burst
     * never takes another tenant's share of an endpoint they both call. A call over the cap waits for a slot inside
     * its budget; when none frees in time the result is an ENDPOINT_BUSY failure and nothing was sent.
     *
     * @param partition who the call is for, or null to count it with every other unpartitioned call
     */
    public ExecutionResult execute(RenderedRequest request, Duration budget, int maxResponseBytes, String partition) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("budget must be positive, was " + budget);
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1, was " + maxResponseBytes);
        }
        if (closed.get()) {
            throw new IllegalStateException("the executor is closed");
        }
        // The rendered URL, exactly as it will be sent, meets the same rules as the stored one.
        EgressDecision preflight = egress.checkUrl(request.url().toString());
        if (!preflight.allowed()) {
            return new ExecutionResult.Failure(
                    ToolError.of(ErrorCode.HTTP_TOOL_BLOCKED_DESTINATION, preflight.reason()),
                    0,
                    null,
                    false,
                    PhaseTimings.NONE);
        }
        Duration effectiveBudget = budget.compareTo(config.maxBudget()) > 0 ? config.maxBudget() : budget;
        int cap = Math.min(maxResponseBytes, config.maxResponseBytes());

        long start = System.nanoTime();
        PhaseListener phases = new PhaseListener(start);
        EndpointGate.Pass pass;
        try {
            pass = gate.enter(request.url(), partition, start + effectiveBudget.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ExecutionResult.Failure(
                    ToolError.of(ErrorCode.HTTP_TOOL_INTERNAL), 0, null, false, phases.timings(System.nanoTime()));
        }
        if (pass == null) {
            return new ExecutionResult.Failure(
                    ToolError.of(
                            ErrorCode.HTTP_TOOL_ENDPOINT_BUSY,
                            "No connection to " + request.url().host() + ":"
                                    + request.url().port()
                                    + " came free within " + effectiveBudget.toMillis() + " ms: the endpoint speaks"
                                    + " HTTP/1.1 and already has as many calls in flight as allowed."),
                    0,
                    null,
                    false,
                    phases.timings(System.nanoTime()));
        }
        phases.pass(pass, System.nanoTime() - start);
        Call call = client.newCall(toOkHttp(request, phases));
        Exchange exchange = new Exchange(call, phases, request, effectiveBudget, cap, start);

        Future<ExecutionResult> future;
        try {
            future = exchanges.submit(exchange::run);
        } catch (RejectedExecutionException e) {
            pass.close();
            throw new IllegalStateException("the executor is closed", e);
        }
        try {
            // the deadline counts from the start: a wait for the endpoint's connection is part of the budget
            long left = start + effectiveBudget.toNanos() - System.nanoTime();
            return EchoedSecrets.masked(future.get(left, TimeUnit.NANOSECONDS), request.secrets());
        } catch (TimeoutException e) {
            // The deadline passed: cancelling closes the call's socket, so the exchange ends at once.
            call.cancel();
            future.cancel(true);
            return new ExecutionResult.Failure(
                    FailureMapper.timeout(effectiveBudget), 0, null, false, phases.timings(System.nanoTime()));
        } catch (InterruptedException e) {
            call.cancel();
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new ExecutionResult.Failure(
                    ToolError.of(ErrorCode.HTTP_TOOL_INTERNAL), 0, null, false, phases.timings(System.nanoTime()));
        } catch (ExecutionException e) {
            // Exchange.run maps every Throwable itself; this is only reachable through an Error.
            return new ExecutionResult.Failure(
                    ToolError.of(ErrorCode.HTTP_TOOL_INTERNAL), 0, null, false, phases.timings(System.nanoTime()));
        }
    }

    /** Closes pooled connections and stops accepting calls; calls in flight end with a failure. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        exchanges.shutdownNow();
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private Request toOkHttp(RenderedRequest request, PhaseListener phases) {
        MediaType mediaType = request.contentType() == null ? null : MediaType.parse(request.contentType());
        RequestBody body = request.body() != null
                ? RequestBody.create(request.body(), mediaType)
                : request.method().sendsArgumentsAsBody() ? RequestBody.create(new byte[0], mediaType) : null;
        if (body != null && request.method() == HttpMethod.GET) {
            throw new IllegalArgumentException("a GET request cannot carry a body");
        }
        Request.Builder builder = new Request.Builder()
                .url(request.url())
                .headers(request.headers())
                .removeHeader("Accept-Encoding")
                .method(request.method().name(), body)
                .tag(PhaseListener.class, phases);
        if (request.headers().get("User-Agent") == null) {
            builder.header("User-Agent", config.userAgent());
        }
        return builder.build();
    }
}
