package dev.toolgate.bench;

import dev.toolgate.bench.BenchResults.ProfiledRun;
import dev.toolgate.bench.BenchResults.Run;
import dev.toolgate.bench.BenchResults.Throughput;
import dev.toolgate.bench.LoadGenerator.Target;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item 2, throughput (bench/README.md): Toolgate's rate stepped up until p99 reaches 50 ms or an error, each failed
 * step tried once more; the same steps on the direct call when asked (the harness's own ceiling); then a steady run
 * recorded with JFR, its CPU split by thread and, for Java code, by pipeline stage ({@link Profile}).
 */
final class ThroughputItem {
    private final Bench bench;
    private final BenchOptions options;
    private final PrintStream log;
    private final Path dir;

    ThroughputItem(Bench bench, BenchOptions options, PrintStream log, Path dir) {
        this.bench = bench;
        this.options = options;
        this.log = log;
        this.dir = dir;
    }

    Throughput run(Environment env) {
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
            Run run = bench.measure(env, target, rate, options.stepDuration());
            steps.add(run);
            if (!passes(run)) {
                run = bench.measure(env, target, rate, options.stepDuration());
                steps.add(run);
                if (!passes(run)) {
                    break;
                }
            }
        }
        return steps;
    }

    static boolean passes(Run run) {
        return run.errorCount() == 0 && run.latency().p99() < Bench.P99_LIMIT_MICROS;
    }

    private static int passedRate(List<Run> steps) {
        return steps.stream()
                .filter(ThroughputItem::passes)
                .mapToInt(run -> (int) run.rate())
                .max()
                .orElse(0);
    }

    private ProfiledRun profiledRun(Environment env, int rate) {
        long pid = env.toolgate.process().pid();
        Path jfr = dir.resolve("toolgate-profile.jfr");
        bench.jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + jfr);
        Map<String, Long> threadsBefore = ProcStat.threadCpuNanos(pid);
        Run run = bench.measure(env, env.viaToolgate(), rate, options.profileDuration());
        Map<String, Long> threadsAfter = ProcStat.threadCpuNanos(pid);
        bench.jcmd(pid, "JFR.stop", "name=bench");
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
}
