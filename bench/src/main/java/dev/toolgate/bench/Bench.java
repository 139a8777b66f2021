package dev.toolgate.bench;

import dev.toolgate.bench.BenchResults.AddedLatency;
import dev.toolgate.bench.BenchResults.Concurrency;
import dev.toolgate.bench.BenchResults.FailFast;
import dev.toolgate.bench.BenchResults.HotPathScore;
import dev.toolgate.bench.BenchResults.Production;
import dev.toolgate.bench.BenchResults.Run;
import dev.toolgate.bench.BenchResults.Throughput;
import dev.toolgate.bench.LoadGenerator.Result;
import dev.toolgate.bench.LoadGenerator.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the benchmark's six items (bench/README.md) and collects every figure into {@link BenchResults}.
 *
 * <p>Item 1 alternates the three configurations within each round (the order rotating from round to round) and
 * reports medians across rounds, so that the noise of a shared machine hits every configuration alike.
 */
public final class Bench {

    /** Item 2's pass mark: p99 under this, in microseconds, and no errors. */
    static final double P99_LIMIT_MICROS = 50_000;

    private final BenchOptions options;
    private final PrintStream log;
    private final LoadGenerator generator = new LoadGenerator();
    private final Path dir;

    private Bench(BenchOptions options, PrintStream log, Path dir) {
        this.options = options;
        this.log = log;
        this.dir = dir;
    }

    /**
     * Runs the items of {@code options}, writes the JSON results to {@code options.out()} and returns them.
     *
     * @param log where progress goes
     * @throws IllegalStateException when a process does not start (the message carries its log's tail)
     */
    public static BenchResults run(BenchOptions options, PrintStream log) {
        Path dir;
        try {
            dir = Files.createTempDirectory("toolgate-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Bench(options, log, dir).runAll();
    }

    private BenchResults runAll() {
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<AddedLatency> added = null;
        Throughput throughput = null;
        List<Concurrency> concurrency = null;
        FailFast failFast = null;
        Production production = null;
        if (options.items().stream().anyMatch(i -> i != 4)) {
            try (Environment env = Environment.start(options, dir, log)) {
                if (options.items().contains(1)
                        || options.items().contains(2)
                        || options.items().contains(5)) {
                    warmUp(env);
                }
                if (options.items().contains(1)) {
                    added = new AddedLatencyItem(this, options, log).run(env);
                }
                if (options.items().contains(5)) {
                    failFast = new FailFastItem(this, options, log).run(env);
                }
                if (options.items().contains(2)) {
                    throughput = new ThroughputItem(this, options, log, dir).run(env);
                }
                env.dropIdleConnections();
                if (options.items().contains(3)) {
                    concurrency = new ConcurrencyItem(options, log, generator, dir).run(env);
                }
                env.dropIdleConnections();
                if (options.items().contains(6)) {
                    production = ProductionShape.run(env, generator, log);
                }
            }
        }
        List<HotPathScore> hotPath = options.items().contains(4) ? new HotPathItem(options, log, dir).run() : null;
        BenchResults results = new BenchResults(
                date,
                Machine.commit(),
                options.mode(),
                Machine.describe(),
                dir.toString(),
                added,
                throughput,
                concurrency,
                hotPath,
                failFast,
                production);
        Report.writeJson(results, options.out());
        return results;
    }

    /** The configurations items 1 and 2 load: direct, nginx (when it runs) and Toolgate. */
    List<Target> loadTargets(Environment env) {
        List<Target> targets = new ArrayList<>();
        targets.add(env.direct());
        if (env.nginx != null) {
            targets.add(env.viaNginx());
        }
        targets.add(env.viaToolgate());
        return targets;
    }

    /**
     * Warms every configuration up (JIT, connection pools, TLS sessions): ramps to 1,000/s in three steps, then goes
     * on at that rate in one-second windows until two windows in a row have no error and a p99 under
     * {@value #SETTLED_P99_MICROS} µs, for at most {@link #MAX_SETTLING}. On 2 cores the JIT of three JVMs (endpoint,
     * generator, gateway) can take longer than the ramp; measuring before it settles measures the compiler.
     */
    private void warmUp(Environment env) {
        int rate = options.rates().contains(1000) ? 1000 : options.rates().get(0);
        for (Target target : loadTargets(env)) {
            for (int step : new int[] {rate / 4, rate / 2, rate}) {
                Result result = generator.open(
                        target, Math.max(1, step), options.warmup().dividedBy(3));
                log.printf(
                        "warm-up %-9s %5d/s: %d ok, %d errors %s%n",
                        target.name(), step, result.ok(), result.errors(), result.errorKinds());
            }
            if (options.warmup().compareTo(Duration.ofSeconds(2)) >= 0) {
                settle(target, rate);
            }
        }
        for (Target target : List.of(env.invalidArgs(), env.blocked())) {
            generator.open(target, rate / 2, options.warmup().dividedBy(3));
        }
    }

    /** The p99 below which a warm-up window counts as settled, in microseconds. */
    static final long SETTLED_P99_MICROS = 50_000;
    /** The longest a configuration may take to settle after its ramp. */
    static final Duration MAX_SETTLING = Duration.ofSeconds(60);

    private void settle(Target target, int rate) {
        long start = System.nanoTime();
        int settled = 0;
        int windows = 0;
        while (settled < 2 && System.nanoTime() - start < MAX_SETTLING.toNanos()) {
            Result window = generator.open(target, rate, Duration.ofSeconds(1));
            windows++;
            settled = window.errors() == 0 && window.latency().p99() < SETTLED_P99_MICROS ? settled + 1 : 0;
        }
        log.printf(
                "warm-up %-9s %5d/s: %s after %d more second(s)%n",
                target.name(), rate, settled >= 2 ? "settled" : "not settled", windows);
    }

    /** Runs one configuration and records CPU per request of every process. */
    Run measure(Environment env, Target target, double rate, Duration duration) {
        long connections = env.endpointStats(false).get("connections").asLong();
        Map<String, Long> before = env.cpu();
        long start = System.nanoTime();
        Result result = generator.open(target, rate, duration);
        Map<String, Double> cpu = cpuPerRequest(before, env.cpu(), result.sent(), System.nanoTime() - start);
        Run run = new Run(
                target.name(),
                rate,
                result.latency(),
                result.sent(),
                result.ok(),
                result.errorKinds(),
                cpu,
                env.endpointStats(false).get("connections").asLong() - connections);
        log.printf(
                "  %-20s %6.0f/s  p50 %8.0f  p99 %8.0f  p99.9 %8.0f  max %8.0f µs  errors %d %s  (endpoint"
                        + " connections %d; others used %.2f cores)%n",
                target.name(),
                rate,
                run.latency().p50(),
                run.latency().p99(),
                run.latency().p999(),
                run.latency().max(),
                run.errorCount(),
                run.errors().isEmpty() ? "" : run.errors(),
                run.endpointConnections(),
                cpu.get(OTHERS));
        return run;
    }

    /**
     * Turns two {@link Environment#cpu()} readings into CPU microseconds per request of each process, plus
     * {@value #OTHERS}: the cores (not per request) that other processes of a shared machine kept busy meanwhile.
     */
    static Map<String, Double> cpuPerRequest(
            Map<String, Long> before, Map<String, Long> after, long requests, long wallNanos) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        long ours = 0;
        for (Map.Entry<String, Long> entry : before.entrySet()) {
            long used = after.get(entry.getKey()) - entry.getValue();
            if (entry.getKey().equals(Environment.MACHINE)) {
                continue;
            }
            ours += used;
            cpu.put(entry.getKey(), used / 1e3 / Math.max(1, requests));
        }
        long machine = after.get(Environment.MACHINE) - before.get(Environment.MACHINE);
        cpu.put(OTHERS, Math.max(0, machine - ours) / (double) wallNanos);
        return cpu;
    }

    /** The key, in a run's CPU figures, of the cores other processes of the machine kept busy during it. */
    static final String OTHERS = "others_cores";

    static Latency medianLatency(List<Latency> latencies) {
        double[] values = new double[Latency.NAMES.length];
        for (int p = 0; p < values.length; p++) {
            int index = p;
            values[p] = median(
                    latencies.stream().mapToDouble(l -> l.values()[index]).toArray());
        }
        return Latency.ofValues(latencies.stream().mapToLong(Latency::count).sum(), values);
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Runs {@code jcmd <pid> command...} with its output in the run folder's {@code jcmd-<command>.log}. */
    void jcmd(long pid, String... command) {
        jcmd(pid, dir.resolve("jcmd-" + command[0] + ".log"), command);
    }

    /** Runs {@code jcmd <pid> command...} with its output in {@code output}; see {@link #jcmd(long, Path, PrintStream, String...)}. */
    void jcmd(long pid, Path output, String... command) {
        jcmd(pid, output, log, command);
    }

    /** Runs {@code jcmd <pid> command...} with its output in {@code output}; waits up to 60 s; failures go to {@code log}. */
    static void jcmd(long pid, Path output, PrintStream log, String... command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> args = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        args.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(args)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                log.println("jcmd " + String.join(" ", command) + " did not finish");
            }
        } catch (IOException e) {
            log.println("jcmd failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sleeps {@code duration}; an interrupt ends the sleep early and is kept. */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
