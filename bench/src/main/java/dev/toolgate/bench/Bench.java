package dev.toolgate.bench;

import dev.toolgate.bench.BenchResults.AddedLatency;
import dev.toolgate.bench.BenchResults.Concurrency;
import dev.toolgate.bench.BenchResults.FailFast;
import dev.toolgate.bench.BenchResults.HotPathScore;
import dev.toolgate.bench.BenchResults.Production;
import dev.toolgate.bench.BenchResults.ProfiledRun;
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
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import tools.jackson.databind.JsonNode;

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
                    added = addedLatency(env);
                }
                if (options.items().contains(5)) {
                    failFast = failFast(env);
                }
                if (options.items().contains(2)) {
                    throughput = throughput(env);
                }
                if (options.items().contains(3)) {
                    concurrency = concurrency(env);
                }
                if (options.items().contains(6)) {
                    production = ProductionShape.run(env, generator, log);
                }
            }
        }
        List<HotPathScore> hotPath = options.items().contains(4) ? hotPath() : null;
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

    private List<Target> loadTargets(Environment env) {
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
    private Run measure(Environment env, Target target, double rate, Duration duration) {
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

    // ---- item 1 ----

    private List<AddedLatency> addedLatency(Environment env) {
        List<Target> targets = loadTargets(env);
        List<AddedLatency> all = new ArrayList<>();
        for (int rate : options.rates()) {
            log.printf(
                    "item 1: added latency at %d/s, %d round(s) of %s per configuration%n",
                    rate, options.rounds(), options.duration());
            List<Run> runs = new ArrayList<>();
            for (int round = 0; round < options.rounds(); round++) {
                for (int i = 0; i < targets.size(); i++) {
                    runs.add(measure(env, targets.get((i + round) % targets.size()), rate, options.duration()));
                }
            }
            all.add(summarise(rate, runs));
        }
        return all;
    }

    private AddedLatency summarise(int rate, List<Run> runs) {
        Map<String, List<Run>> byConfig = new LinkedHashMap<>();
        for (Run run : runs) {
            byConfig.computeIfAbsent(run.config(), k -> new ArrayList<>()).add(run);
        }
        Map<String, Latency> median = new LinkedHashMap<>();
        Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
        byConfig.forEach((config, list) -> {
            median.put(config, medianLatency(list.stream().map(Run::latency).toList()));
            Map<String, Double> perProcess = new LinkedHashMap<>();
            list.get(0)
                    .cpuMicrosPerRequest()
                    .keySet()
                    .forEach(process -> perProcess.put(
                            process,
                            median(list.stream()
                                    .mapToDouble(r -> r.cpuMicrosPerRequest().get(process))
                                    .toArray())));
            cpu.put(config, perProcess);
        });
        Map<String, Latency> added = new LinkedHashMap<>();
        List<Run> direct = byConfig.get("direct");
        for (String proxy : List.of("nginx", "toolgate")) {
            List<Run> proxied = byConfig.get(proxy);
            if (proxied == null) {
                continue;
            }
            double[] values = new double[Latency.NAMES.length];
            for (int p = 0; p < values.length; p++) {
                double[] diffs = new double[proxied.size()];
                for (int round = 0; round < proxied.size(); round++) {
                    diffs[round] = proxied.get(round).latency().values()[p]
                            - direct.get(round).latency().values()[p];
                }
                values[p] = median(diffs);
            }
            added.put(proxy, Latency.ofValues(proxied.size(), values));
        }
        Map<String, Double> ratio = new LinkedHashMap<>();
        if (added.containsKey("nginx")) {
            for (int p = 0; p < Latency.NAMES.length; p++) {
                double nginx = added.get("nginx").values()[p];
                ratio.put(
                        Latency.NAMES[p],
                        nginx <= 0 ? Double.NaN : added.get("toolgate").values()[p] / nginx);
            }
        }
        long errors = runs.stream().mapToLong(Run::errorCount).sum();
        return new AddedLatency(rate, options.rounds(), median, added, ratio, cpu, errors, runs);
    }

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

    // ---- item 2 ----

    private Throughput throughput(Environment env) {
        log.println("item 2: throughput, stepping the rate until p99 >= 50 ms or an error");
        List<Run> steps = step(env, env.viaToolgate());
        int sustained = passedRate(steps);
        List<Run> harness = List.of();
        int harnessRate = 0;
        if (options.harnessCeiling()) {
            log.println("item 2: the same steps on the direct configuration (the harness's own ceiling)");
            harness = step(env, env.direct());
            harnessRate = passedRate(harness);
        }
        // A steady state, not an overload: the sustained rate, at most 1,000/s (item 1's top rate).
        int profileRate = Math.min(1000, Math.max(sustained, options.steps().get(0)));
        log.printf("item 2: JFR-profiled steady run at %d/s for %s%n", profileRate, options.profileDuration());
        ProfiledRun profile = profiledRun(env, profileRate);
        return new Throughput(steps, sustained, harness, harnessRate, profile);
    }

    /** Steps the rate up; a failed step is tried once more (a shared machine stalls now and then), then ends it. */
    private List<Run> step(Environment env, Target target) {
        List<Run> steps = new ArrayList<>();
        for (int rate : options.steps()) {
            Run run = measure(env, target, rate, options.stepDuration());
            steps.add(run);
            if (!passes(run)) {
                run = measure(env, target, rate, options.stepDuration());
                steps.add(run);
                if (!passes(run)) {
                    break;
                }
            }
        }
        return steps;
    }

    static boolean passes(Run run) {
        return run.errorCount() == 0 && run.latency().p99() < P99_LIMIT_MICROS;
    }

    private static int passedRate(List<Run> steps) {
        return steps.stream()
                .filter(Bench::passes)
                .mapToInt(run -> (int) run.rate())
                .max()
                .orElse(0);
    }

    private ProfiledRun profiledRun(Environment env, int rate) {
        long pid = env.toolgate.process().pid();
        Path jfr = dir.resolve("toolgate-profile.jfr");
        jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + jfr);
        Map<String, Long> threadsBefore = ProcStat.threadCpuNanos(pid);
        Run run = measure(env, env.viaToolgate(), rate, options.profileDuration());
        Map<String, Long> threadsAfter = ProcStat.threadCpuNanos(pid);
        jcmd(pid, "JFR.stop", "name=bench");
        Map<String, Double> threads = new LinkedHashMap<>();
        threadsAfter.entrySet().stream()
                .map(e -> Map.entry(
                        e.getKey(), (e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0L)) / 1e3 / run.sent()))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> threads.put(e.getKey(), e.getValue()));
        Profile profile = Files.exists(jfr) ? Profile.read(jfr, 25) : null;
        return new ProfiledRun(run, run.cpuMicrosPerRequest().get("toolgate"), threads, profile, jfr.toString());
    }

    private void jcmd(long pid, String... command) {
        jcmd(pid, dir.resolve("jcmd-" + command[0] + ".log"), command);
    }

    /** Runs {@code jcmd <pid> command...} with its output in {@code output}; waits up to 60 s. */
    private void jcmd(long pid, Path output, String... command) {
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

    // ---- item 3 ----

    /** Item 3 against the HTTP/1.1 endpoint, then (when it runs) against the endpoint that also offers HTTP/2. */
    private List<Concurrency> concurrency(Environment env) {
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
            pause(Duration.ofSeconds(2));
        }
        try {
            Toolgate sampled = gateway;
            sampled.heap(); // opens the sampler's keep-alive connection before the burst takes every slot
            long connectionsBefore =
                    env.endpointStats(endpointPort, true).get("connections").asLong();
            AtomicLong peakHeap = new AtomicLong();
            AtomicLong peakLive = new AtomicLong();
            AtomicInteger samples = new AtomicInteger();
            Thread sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long[] heap = sampled.heap();
                    if (heap[0] > 0) {
                        samples.incrementAndGet();
                        peakHeap.accumulateAndGet(heap[0], Math::max);
                        peakLive.accumulateAndGet(heap[1], Math::max);
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            Map<String, Long> before = env.cpu();
            long start = System.nanoTime();
            // Half-way through the hold, what fills the heap (a class histogram; it runs a full GC first).
            Path histogram = dir.resolve("toolgate-concurrency" + (http2 ? "-h2" : "") + "-histogram.txt");
            long pid = gateway.process().pid();
            Thread.ofPlatform().daemon().name("heap-histogram").start(() -> {
                pause(options.hold().dividedBy(2));
                jcmd(pid, histogram, "GC.class_histogram");
            });
            Target held = env.held(gateway, agent, http2);
            Result result =
                    generator.burst(held, options.concurrency(), options.hold().plus(Duration.ofSeconds(120)));
            // The burst's 10,000 pooled connections would otherwise stay open for the next run.
            held.client().connectionPool().evictAll();
            Map<String, Double> cpu = cpuPerRequest(before, env.cpu(), result.sent(), System.nanoTime() - start);
            sampler.interrupt();
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

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- item 5 ----

    private FailFast failFast(Environment env) {
        log.printf(
                "item 5: fail fast at %d/s, %d round(s) of %s%n",
                options.failFastRate(), options.rounds(), options.duration());
        List<Target> targets = List.of(env.invalidArgs(), env.blocked());
        List<Run> runs = new ArrayList<>();
        for (int round = 0; round < options.rounds(); round++) {
            for (int i = 0; i < targets.size(); i++) {
                runs.add(measure(
                        env, targets.get((i + round) % targets.size()), options.failFastRate(), options.duration()));
            }
        }
        Map<String, Latency> median = new LinkedHashMap<>();
        for (Target target : targets) {
            median.put(
                    target.name(),
                    medianLatency(runs.stream()
                            .filter(r -> r.config().equals(target.name()))
                            .map(Run::latency)
                            .toList()));
        }
        return new FailFast(
                options.failFastRate(),
                options.rounds(),
                median,
                runs.stream().mapToLong(Run::errorCount).sum(),
                runs);
    }

    // ---- item 4 ----

    private List<HotPathScore> hotPath() {
        log.printf(
                "item 4: JMH hot path (%d fork(s), %d warm-up + %d measured iterations of %s)%n",
                options.jmhForks(), options.jmhWarmups(), options.jmhIterations(), options.jmhIterationTime());
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include(HotPathBenchmark.class.getName() + "\\.(" + options.jmhInclude() + ")$")
                .forks(options.jmhForks())
                .warmupIterations(options.jmhWarmups())
                .warmupTime(TimeValue.milliseconds(options.jmhIterationTime().toMillis()))
                .measurementIterations(options.jmhIterations())
                .measurementTime(
                        TimeValue.milliseconds(options.jmhIterationTime().toMillis()))
                .threads(1)
                .shouldFailOnError(true)
                .jvmArgsAppend(
                        "-Dtoolgate.bfcl=" + options.bfcl().toAbsolutePath(),
                        "-D" + HotPathBenchmark.LIMIT_PROPERTY + "=" + options.jmhCaseLimit(),
                        "-Xms1g",
                        "-Xmx1g");
        if (options.jmhForks() > 0) {
            builder.addProfiler(GCProfiler.class);
        } else {
            System.setProperty("toolgate.bfcl", options.bfcl().toAbsolutePath().toString());
            System.setProperty(HotPathBenchmark.LIMIT_PROPERTY, Integer.toString(options.jmhCaseLimit()));
        }
        Collection<RunResult> results;
        try (PrintStream jmhLog = new PrintStream(Files.newOutputStream(dir.resolve("jmh.log")), true)) {
            results = new Runner(builder.build(), OutputFormatFactory.createFormatInstance(jmhLog, VerboseMode.NORMAL))
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed; see " + dir.resolve("jmh.log"), e);
        }
        List<HotPathScore> scores = new ArrayList<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            double bytes = result.getSecondaryResults().entrySet().stream()
                    .filter(e -> e.getKey().endsWith("gc.alloc.rate.norm"))
                    .mapToDouble(e -> e.getValue().getScore())
                    .findFirst()
                    .orElse(-1);
            HotPathScore score = new HotPathScore(
                    name,
                    result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreError(),
                    bytes);
            log.printf("  %-12s %8.2f µs/op  %8.0f B/op%n", name, score.microsPerOp(), score.bytesPerOp());
            scores.add(score);
        }
        return scores;
    }
}
