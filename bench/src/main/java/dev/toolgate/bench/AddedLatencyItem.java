package dev.toolgate.bench;

import dev.toolgate.bench.BenchResults.AddedLatency;
import dev.toolgate.bench.BenchResults.Run;
import dev.toolgate.bench.LoadGenerator.Target;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item 1, added latency (bench/README.md): at each rate, rounds that run the direct call, nginx and Toolgate one
 * after the other (the order rotating), and per configuration the median across rounds of each percentile, the
 * added latency of each proxy (the median of proxy − direct, round by round), Toolgate's ratio to nginx, and the CPU
 * per request of every process.
 */
final class AddedLatencyItem {
    private final Bench bench;
    private final BenchOptions options;
    private final PrintStream log;

    AddedLatencyItem(Bench bench, BenchOptions options, PrintStream log) {
        this.bench = bench;
        this.options = options;
        this.log = log;
    }

    List<AddedLatency> run(Environment env) {
        List<Target> targets = bench.loadTargets(env);
        List<AddedLatency> all = new ArrayList<>();
        for (int rate : options.rates()) {
            log.printf(
                    "item 1: added latency at %d/s, %d round(s) of %s per configuration%n",
                    rate, options.rounds(), options.duration());
            List<Run> runs = new ArrayList<>();
            for (int round = 0; round < options.rounds(); round++) {
                for (int i = 0; i < targets.size(); i++) {
                    runs.add(bench.measure(env, targets.get((i + round) % targets.size()), rate, options.duration()));
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
            median.put(
                    config, Bench.medianLatency(list.stream().map(Run::latency).toList()));
            Map<String, Double> perProcess = new LinkedHashMap<>();
            list.get(0)
                    .cpuMicrosPerRequest()
                    .keySet()
                    .forEach(process -> perProcess.put(
                            process,
                            Bench.median(list.stream()
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
                values[p] = Bench.median(diffs);
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
}
