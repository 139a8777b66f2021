package dev.toolgate.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-model load generator: requests are sent at fixed intended times whatever the answers do, each on its own
 * virtual thread over pooled HTTP/1.1 keep-alive connections (OkHttp), and each latency is measured from the
 * request's <em>intended</em> send time, so a stall delays every request scheduled during it and shows in the
 * percentiles (coordinated omission corrected, as in wrk2). Latencies are recorded in microseconds in an
 * {@link Recorder HdrHistogram recorder} with 3 significant digits.
 *
 * <p>A request counts as a success when the answer is HTTP 200 and its body passes the target's check; anything
 * else (status, body, I/O error, or the in-flight cap {@link #MAX_IN_FLIGHT} being reached) is an error, counted by
 * kind (a Toolgate error code found in the body, {@code HTTP 502}, an exception's simple name, ...), and its latency
 * is not recorded.
 */
public final class LoadGenerator {

    private static final Pattern ERROR_CODE = Pattern.compile("\"code\":\"(HTTP_TOOL_[A-Z_]+)\"");

    /** The most requests the generator keeps in flight; beyond, a request is an error ("overflow") and not sent. */
    public static final int MAX_IN_FLIGHT = 12_000;

    /**
     * The number of the next request, across every run of the process: a target's request {@code n} is a call of its
     * own ({@code bench-call-<n>}), so two runs close together never send the same call twice, which Toolgate would
     * rightly answer from its duplicate-call window instead of sending it to the endpoint.
     */
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /**
     * Something to send requests to.
     *
     * @param name the configuration's name in reports
     * @param client the client (its own connection pool)
     * @param requests the request to send as the n-th request of a run (OkHttp requests and byte bodies are
     *     reusable, so a target that sends the same request every time returns one instance)
     * @param check whether an HTTP 200 body is a success
     */
    public record Target(String name, OkHttpClient client, LongFunction<Request> requests, Predicate<String> check) {
        /** A target that sends the same request every time. */
        public Target(String name, OkHttpClient client, Request request, Predicate<String> check) {
            this(name, client, n -> request, check);
        }
    }

    /**
     * What one run measured.
     *
     * @param target the target's name
     * @param rate the intended rate in requests per second (0 for a burst)
     * @param sent requests sent (or attempted)
     * @param ok successes
     * @param errors failures, {@code sent - ok}
     * @param errorKinds failures by kind ({@code HTTP 503}, {@code SocketTimeoutException}, {@code body}, ...)
     * @param latency the successes' latency from intended send time
     * @param wallNanos from the first intended send time until the last answer
     */
    public record Result(
            String target,
            double rate,
            long sent,
            long ok,
            long errors,
            Map<String, Long> errorKinds,
            Latency latency,
            long wallNanos) {}

    /**
     * Returns a client for load: HTTP/1.1 only (every configuration speaks it to the endpoint), a large idle pool,
     * timeouts far above any expected latency.
     *
     * @param tls the TLS socket factory and trust for HTTPS targets, or null for plain HTTP
     */
    public static OkHttpClient client(SSLSocketFactory tls, X509TrustManager trust) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .protocols(List.of(Protocol.HTTP_1_1))
                .connectionPool(new ConnectionPool(MAX_IN_FLIGHT, 5, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(30))
                .readTimeout(Duration.ofSeconds(60))
                .writeTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(90));
        if (tls != null) {
            builder.sslSocketFactory(tls, trust);
        }
        return builder.build();
    }

    /**
     * Sends requests at {@code rate} per second for {@code duration}, then waits up to 60 s for the last answers
     * (those still missing count as "unanswered" errors).
     */
    public Result open(Target target, double rate, Duration duration) {
        long count = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        double intervalNanos = 1e9 / rate;
        // Spin at most a tenth of the interval before a send: precise at low rates, cheap at high ones.
        long spinNanos = Math.min(80_000, (long) (intervalNanos / 10));
        Run run = new Run(target, count);
        long start = System.nanoTime() + 1_000_000;
        for (long i = 0; i < count; i++) {
            long intended = start + (long) (i * intervalNanos);
            waitUntil(intended, spinNanos);
            run.send(intended);
        }
        return run.finish(rate, start, Duration.ofSeconds(60));
    }

    /**
     * Sends {@code count} requests at once (as fast as virtual threads start) and waits up to {@code drainTimeout}
     * for every answer. Latency is measured from the burst's start.
     */
    public Result burst(Target target, int count, Duration drainTimeout) {
        Run run = new Run(target, count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            run.send(start);
        }
        return run.finish(0, start, drainTimeout);
    }

    private static void waitUntil(long intended, long spinNanos) {
        long remaining;
        while ((remaining = intended - System.nanoTime()) > 0) {
            if (remaining > spinNanos) {
                LockSupport.parkNanos(remaining - spinNanos);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** One run's counters. */
    private static final class Run {
        private final Target target;
        private final Recorder recorder = new Recorder(3);
        private final CountDownLatch done;
        private final AtomicLong inFlight = new AtomicLong();
        private final LongAdder ok = new LongAdder();
        private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        private final AtomicLong lastEnd = new AtomicLong();
        private long sent;

        Run(Target target, long count) {
            this.target = target;
            this.done = new CountDownLatch(Math.toIntExact(count));
        }

        void send(long intended) {
            sent++;
            if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
                inFlight.decrementAndGet();
                error("overflow");
                done.countDown();
                return;
            }
            long n = SEQUENCE.incrementAndGet();
            Thread.startVirtualThread(() -> call(intended, n));
        }

        private void call(long intended, long n) {
            try (Response response =
                    target.client().newCall(target.requests().apply(n)).execute()) {
                String body = response.body().string();
                long end = System.nanoTime();
                lastEnd.accumulateAndGet(end, Math::max);
                if (response.code() != 200) {
                    error("HTTP " + response.code());
                } else if (!target.check().test(body)) {
                    Matcher code = ERROR_CODE.matcher(body);
                    error(code.find() ? code.group(1) : "unexpected body");
                } else {
                    ok.increment();
                    recorder.recordValue(Math.max(1, (end - intended) / 1_000));
                }
            } catch (IOException | RuntimeException e) {
                lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
                String message =
                        e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("[0-9]+", "#");
                error(e.getClass().getSimpleName() + message.substring(0, Math.min(message.length(), 50)));
            } finally {
                inFlight.decrementAndGet();
                done.countDown();
            }
        }

        private void error(String kind) {
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }

        Result finish(double rate, long start, Duration timeout) {
            try {
                if (!done.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                    errors.computeIfAbsent("unanswered", k -> new LongAdder()).add(done.getCount());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Histogram histogram = recorder.getIntervalHistogram();
            Map<String, Long> kinds = new TreeMap<>();
            errors.forEach((kind, n) -> kinds.put(kind, n.sum()));
            long errorCount = kinds.values().stream().mapToLong(Long::longValue).sum();
            long end = lastEnd.get() == 0 ? System.nanoTime() : lastEnd.get();
            return new Result(
                    target.name(), rate, sent, ok.sum(), errorCount, kinds, Latency.of(histogram), end - start);
        }
    }
}
