package dev.toolgate.bench;

import dev.toolgate.bench.BenchResults.FailFast;
import dev.toolgate.bench.BenchResults.Run;
import dev.toolgate.bench.LoadGenerator.Target;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item 5, fail fast (bench/README.md): invalid arguments and a blocked destination through the API, in rounds that
 * alternate the two, and per case the median across rounds of each latency percentile. Nothing reaches the endpoint.
 */
final class FailFastItem {
    private final Bench bench;
    private final BenchOptions options;
    private final PrintStream log;

    FailFastItem(Bench bench, BenchOptions options, PrintStream log) {
        this.bench = bench;
        this.options = options;
        this.log = log;
    }

    /** Runs the item against {@code env}'s Toolgate. */
    FailFast run(Environment env) {
        log.printf(
                "item 5: fail fast at %d/s, %d round(s) of %s%n",
                options.failFastRate(), options.rounds(), options.duration());
        List<Target> targets = List.of(env.invalidArgs(), env.blocked());
        List<Run> runs = new ArrayList<>();
        for (int round = 0; round < options.rounds(); round++) {
            for (int i = 0; i < targets.size(); i++) {
                runs.add(bench.measure(
                        env, targets.get((i + round) % targets.size()), options.failFastRate(), options.duration()));
            }
        }
        Map<String, Latency> median = new LinkedHashMap<>();
        for (Target target : targets) {
            median.put(
                    target.name(),
                    Bench.medianLatency(runs.stream()
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
}
