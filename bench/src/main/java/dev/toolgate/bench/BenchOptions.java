package dev.toolgate.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How long and how hard each item runs.
 *
 * @param mode {@code smoke}, {@code quick} or {@code full}
 * @param items the items to run, from 1 (added latency) to 6 (the production shape)
 * @param jar Toolgate's packaged jar
 * @param bfcl the BFCL data folder
 * @param out the JSON results file
 * @param nginx whether to run the nginx leg (it is skipped anyway when nginx is not installed)
 * @param warmup load per configuration before the load items measure, ramping up to 1,000/s (or the first rate)
 * @param rates item 1's arrival rates, per second
 * @param rounds item 1's and item 5's rounds; configurations alternate within each round
 * @param duration item 1's and item 5's run length per configuration and round
 * @param steps item 2's rate steps, per second, tried in order until p99 reaches 50 ms or an error occurs
 * @param stepDuration item 2's run length per step
 * @param profileDuration item 2's JFR-recorded steady run
 * @param harnessCeiling whether item 2 also steps the direct configuration (the load generator's and endpoint's
 *     own ceiling on this machine)
 * @param concurrency item 3's invocations in flight at once
 * @param hold item 3's time the endpoint holds each request
 * @param freshToolgateForConcurrency whether item 3 starts its own Toolgate process (so peak RSS is its own)
 * @param failFastRate item 5's rate, per second
 * @param jmhForks JMH forks (0 runs in this JVM)
 * @param jmhWarmups JMH warm-up iterations
 * @param jmhIterations JMH measurement iterations
 * @param jmhIterationTime the length of a JMH iteration
 * @param jmhInclude a regular expression over {@link HotPathBenchmark}'s method names
 * @param jmhCaseLimit at most this many BFCL tools in the JMH mix (0: all)
 */
public record BenchOptions(
        String mode,
        Set<Integer> items,
        Path jar,
        Path bfcl,
        Path out,
        boolean nginx,
        Duration warmup,
        List<Integer> rates,
        int rounds,
        Duration duration,
        List<Integer> steps,
        Duration stepDuration,
        Duration profileDuration,
        boolean harnessCeiling,
        int concurrency,
        Duration hold,
        boolean freshToolgateForConcurrency,
        int failFastRate,
        int jmhForks,
        int jmhWarmups,
        int jmhIterations,
        Duration jmhIterationTime,
        String jmhInclude,
        int jmhCaseLimit) {

    /** Every item. */
    public static final Set<Integer> ALL_ITEMS = Set.of(1, 2, 3, 4, 5, 6);

    private static final List<Integer> STEPS = List.of(500, 1000, 1500, 2000, 3000, 4000, 5000, 6000, 8000, 10000);

    /** The tiny run of the smoke test: every item for about a second at a few requests per second. */
    public static BenchOptions smoke(Path jar, Path bfcl, Path out) {
        return new BenchOptions(
                "smoke",
                ALL_ITEMS,
                jar,
                bfcl,
                out,
                true,
                Duration.ofSeconds(1),
                List.of(50),
                1,
                Duration.ofSeconds(1),
                List.of(50, 100),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                false,
                40,
                // Held 3 s: long enough that all 40 arrive while the first are still held, even when 40 fresh TLS
                // connections on a busy 2-core machine spread the arrivals over a second or more.
                Duration.ofSeconds(3),
                false,
                50,
                0,
                1,
                1,
                Duration.ofMillis(200),
                "pipeline|invalidArgs",
                100);
    }

    /** A run of about six minutes. */
    public static BenchOptions quick(Path jar, Path bfcl, Path out) {
        return new BenchOptions(
                "quick",
                ALL_ITEMS,
                jar,
                bfcl,
                out,
                true,
                Duration.ofSeconds(5),
                List.of(500, 1000),
                3,
                Duration.ofSeconds(3),
                STEPS,
                Duration.ofSeconds(3),
                Duration.ofSeconds(8),
                false,
                10_000,
                Duration.ofSeconds(5),
                true,
                500,
                1,
                2,
                3,
                Duration.ofSeconds(1),
                ".*",
                0);
    }

    /** The default run, about eleven minutes on two cores. */
    public static BenchOptions full(Path jar, Path bfcl, Path out) {
        return new BenchOptions(
                "full",
                ALL_ITEMS,
                jar,
                bfcl,
                out,
                true,
                Duration.ofSeconds(10),
                List.of(500, 1000),
                5,
                Duration.ofSeconds(6),
                STEPS,
                Duration.ofSeconds(5),
                Duration.ofSeconds(15),
                true,
                10_000,
                Duration.ofSeconds(5),
                true,
                500,
                1,
                3,
                5,
                Duration.ofSeconds(1),
                ".*",
                0);
    }

    /** Returns these options restricted to {@code items}. */
    public BenchOptions withItems(Set<Integer> items) {
        return new BenchOptions(
                mode,
                Set.copyOf(items),
                jar,
                bfcl,
                out,
                nginx,
                warmup,
                rates,
                rounds,
                duration,
                steps,
                stepDuration,
                profileDuration,
                harnessCeiling,
                concurrency,
                hold,
                freshToolgateForConcurrency,
                failFastRate,
                jmhForks,
                jmhWarmups,
                jmhIterations,
                jmhIterationTime,
                jmhInclude,
                jmhCaseLimit);
    }

    /** Returns these options with the nginx leg switched on or off. */
    public BenchOptions withNginx(boolean on) {
        return new BenchOptions(
                mode,
                items,
                jar,
                bfcl,
                out,
                on,
                warmup,
                rates,
                rounds,
                duration,
                steps,
                stepDuration,
                profileDuration,
                harnessCeiling,
                concurrency,
                hold,
                freshToolgateForConcurrency,
                failFastRate,
                jmhForks,
                jmhWarmups,
                jmhIterations,
                jmhIterationTime,
                jmhInclude,
                jmhCaseLimit);
    }
}
