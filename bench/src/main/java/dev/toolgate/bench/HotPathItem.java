package dev.toolgate.bench;

import dev.toolgate.bench.BenchResults.HotPathScore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Item 4, the hot path without I/O (bench/README.md): JMH over {@link HotPathBenchmark} (every BFCL tool with a valid
 * call, one after the other), average time per operation on one thread and the GC profiler's bytes per operation.
 */
final class HotPathItem {
    private final BenchOptions options;
    private final PrintStream log;
    private final Path dir;

    HotPathItem(BenchOptions options, PrintStream log, Path dir) {
        this.options = options;
        this.log = log;
        this.dir = dir;
    }

    List<HotPathScore> run() {
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
