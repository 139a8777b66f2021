package dev.toolgate.bench;

import dev.toolgate.bench.BenchResults.Concurrency;
import dev.toolgate.bench.BenchResults.Run;
import dev.toolgate.bench.LoadGenerator.Result;
import dev.toolgate.bench.LoadGenerator.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Item 3, concurrency (bench/README.md): a fresh Toolgate warmed up, then 10,000 invocations at once of a tool whose
 * endpoint holds each request, against the endpoint that speaks HTTP/1.1 only and then the one that also offers
 * HTTP/2; how many succeed, how the others failed, the drain time, peak RSS and heap, and what fills the heap.
 */
final class ConcurrencyItem {
    /** How often the heap is sampled from the management port during the burst, in milliseconds. */
    private static final long HEAP_SAMPLE_MILLIS = 200;

    private final BenchOptions options;
    private final PrintStream log;
    private final LoadGenerator generator;
    private final Path dir;

    ConcurrencyItem(BenchOptions options, PrintStream log, LoadGenerator generator, Path dir) {
        this.options = options;
        this.log = log;
        this.generator = generator;
        this.dir = dir;
    }

    /** Item 3 against the HTTP/1.1 endpoint, then (when it runs) against the endpoint that also offers HTTP/2. */
    List<Concurrency> run(Environment env) {
        List<Concurrency> runs = new ArrayList<>();
        runs.add(concurrency(env, false));
        if (env.endpointH2Port > 0) {
            runs.add(concurrency(env, true));
        }
        return runs;
    }

    private Concurrency concurrency(Environment env, boolean http2) {
        int endpointPort = http2 ? env.endpointH2Port : env.endpointPort;
        log.printf(
                "item 3: %d invocations at once, each held %s by the endpoint (%s)%n",
                options.concurrency(), options.hold(), http2 ? "HTTP/2 offered" : "HTTP/1.1 only");
        Toolgate gateway = env.toolgate;
        String agent = env.agentId;
        if (options.freshToolgateForConcurrency()) {
            gateway = Environment.startToolgate(
                    options, dir, env.tls, env.allowlist(), "toolgate-concurrency" + (http2 ? "-h2" : ""));
            agent = env.setUpTools(gateway);
            log.println("  fresh toolgate (pid " + gateway.process().pid() + ") for a peak RSS of its own");
            for (int rate : new int[] {100, 250, 500}) {
                Result warm = generator.open(
                        env.fast(gateway, agent), rate, options.warmup().dividedBy(3));
                log.printf("  warm-up %d/s: %d ok, %d errors %s%n", rate, warm.ok(), warm.errors(), warm.errorKinds());
            }
            Bench.pause(Duration.ofSeconds(2));
        }
        try {
            Toolgate sampled = gateway;
            sampled.heap(); // opens the sampler's keep-alive connection before the burst takes every slot
            long connectionsBefore =
                    env.endpointStats(endpointPort, true).get("connections").asLong();
            AtomicLong peakHeap = new AtomicLong();
            AtomicLong peakLive = new AtomicLong();
            AtomicInteger samples = new AtomicInteger();
            // Every 200 ms the heap, and half-way through the hold what fills it (a class histogram; it runs a full
            // GC first), each on a thread of its own so the histogram's seconds delay no sample.
            ScheduledExecutorService sampler = Executors.newScheduledThreadPool(
                    2, Thread.ofPlatform().daemon().name("heap-sampler-", 0).factory());
            sampler.scheduleWithFixedDelay(
                    () -> {
                        long[] heap = sampled.heap();
                        if (heap[0] > 0) {
                            samples.incrementAndGet();
                            peakHeap.accumulateAndGet(heap[0], Math::max);
                            peakLive.accumulateAndGet(heap[1], Math::max);
                        }
                    },
                    0,
                    HEAP_SAMPLE_MILLIS,
                    TimeUnit.MILLISECONDS);
            Map<String, Long> before = env.cpu();
            long start = System.nanoTime();
            Path histogram = dir.resolve("toolgate-concurrency" + (http2 ? "-h2" : "") + "-histogram.txt");
            long pid = gateway.process().pid();
            sampler.schedule(
                    () -> Bench.jcmd(pid, histogram, log, "GC.class_histogram"),
                    options.hold().dividedBy(2).toMillis(),
                    TimeUnit.MILLISECONDS);
            Target held = env.held(gateway, agent, http2);
            Result result =
                    generator.burst(held, options.concurrency(), options.hold().plus(Duration.ofSeconds(120)));
            // The burst's 10,000 pooled connections would otherwise stay open for the next run.
            held.client().connectionPool().evictAll();
            Map<String, Double> cpu = Bench.cpuPerRequest(before, env.cpu(), result.sent(), System.nanoTime() - start);
            sampler.shutdownNow();
            JsonNode stats = env.endpointStats(endpointPort, false);
            if (gateway != env.toolgate) {
                cpu.put("toolgate", (double) gateway.process().cpuNanos() / 1e3 / result.sent()); // whole life
            }
            Run run = new Run(
                    "held",
                    0,
                    result.latency(),
                    result.sent(),
                    result.ok(),
                    result.errorKinds(),
                    cpu,
                    stats.get("connections").asLong() - connectionsBefore);
            Concurrency concurrency = new Concurrency(
                    http2 ? "h2, http/1.1" : "http/1.1",
                    options.concurrency(),
                    options.hold().toMillis(),
                    run,
                    result.wallNanos() / 1e9,
                    gateway.process().peakRssBytes(),
                    peakHeap.get(),
                    peakLive.get(),
                    stats.get("peak_inflight").asLong(),
                    samples.get(),
                    topClasses(histogram, 15));
            log.printf(
                    "  %d ok, %d errors %s; drained in %.1f s; peak RSS %d MiB, peak heap used %d MiB (live %d MiB);"
                            + " endpoint held at most %d at once%n",
                    run.ok(),
                    run.errorCount(),
                    run.errors(),
                    concurrency.drainSeconds(),
                    concurrency.peakRssBytes() >> 20,
                    concurrency.peakHeapUsedBytes() >> 20,
                    concurrency.peakLiveHeapBytes() >> 20,
                    concurrency.endpointPeakInFlight());
            return concurrency;
        } finally {
            if (gateway != env.toolgate) {
                gateway.close();
            }
        }
    }

    /**
     * Reads the largest classes of a {@code GC.class_histogram} output as "MiB  instances  class" lines; empty when
     * there is none.
     */
    static List<String> topClasses(Path histogram, int n) {
        List<String> top = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(histogram)) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[0].endsWith(":") && top.size() < n) {
                    top.add(String.format(
                            java.util.Locale.ROOT, "%7.1f MiB %9s  %s", Long.parseLong(f[2]) / 1048576.0, f[1], f[3]));
                }
            }
        } catch (IOException | RuntimeException e) {
            return top;
        }
        return top;
    }
}
