package dev.toolgate.bench;

import static dev.toolgate.bench.MarkdownTable.cores;
import static dev.toolgate.bench.MarkdownTable.fmt;
import static dev.toolgate.bench.MarkdownTable.pct;

import dev.toolgate.bench.BenchResults.ProfiledRun;
import dev.toolgate.bench.BenchResults.Run;
import dev.toolgate.bench.BenchResults.Throughput;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Item 2 for people: the throughput steps as a Markdown table, and the profiled run's CPU, JFR stages and
 * allocation.
 */
final class ThroughputReport {

    private ThroughputReport() {}

    /** Returns item 2 as Markdown: the rate steps, and the profiled run when there is one. */
    static String markdown(Throughput t) {
        MarkdownTable table = new MarkdownTable(
                "rate/s",
                "configuration",
                "p50",
                "p90",
                "p99",
                "p99.9",
                "max",
                "errors",
                "Toolgate CPU µs/inv",
                "new endpoint conns",
                "others' load");
        for (Run run : t.steps()) {
            table.row(
                    run,
                    cpuOf(run, "toolgate"),
                    Long.toString(run.endpointConnections()),
                    cores(run.cpuMicrosPerRequest().get(Bench.OTHERS)));
        }
        for (Run run : t.harnessSteps()) {
            table.row(
                    run,
                    "",
                    Long.toString(run.endpointConnections()),
                    cores(run.cpuMicrosPerRequest().get(Bench.OTHERS)));
        }
        StringBuilder out = new StringBuilder("\n**2. Throughput**: Toolgate sustains **" + t.sustainedRate()
                + "/s** with p99 < 50 ms and no errors (invocation log on)"
                + (t.harnessSteps().isEmpty() ? "" : "; the direct call alone passes " + t.harnessRate() + "/s")
                + ".\n\n" + table);
        ProfiledRun p = t.profile();
        if (p != null) {
            out.append(String.format(
                    Locale.ROOT,
                    "%nProfiled run at %.0f/s (p50 %s µs, p99 %s µs, %d new endpoint"
                            + " connections, others' load %s): Toolgate CPU **%.0f µs per invocation** (all threads).%n%n",
                    p.run().rate(),
                    fmt(p.run().latency().p50()),
                    fmt(p.run().latency().p99()),
                    p.run().endpointConnections(),
                    cores(p.run().cpuMicrosPerRequest().get(Bench.OTHERS)),
                    p.toolgateCpuMicrosPerInvocation()));
            MarkdownTable threads = new MarkdownTable("Toolgate thread", "CPU µs/inv");
            p.threadCpuMicrosPerInvocation().entrySet().stream()
                    .limit(10)
                    .forEach(e -> threads.add(List.of(e.getKey(), fmt(e.getValue()))));
            out.append(threads);
            if (p.jfr() != null) {
                MarkdownTable stages = new MarkdownTable("stage (JFR CPU samples)", "share", "≈ µs/inv");
                double javaShare = p.threadCpuMicrosPerInvocation().entrySet().stream()
                        .filter(e -> !e.getKey().startsWith("GC Thread")
                                && !e.getKey().startsWith("C# CompilerThre")
                                && !e.getKey().startsWith("G# ")
                                && !e.getKey().startsWith("VM "))
                        .mapToDouble(Map.Entry::getValue)
                        .sum();
                p.jfr().cpuByStage().entrySet().stream()
                        .limit(16)
                        .forEach(
                                e -> stages.add(List.of(e.getKey(), pct(e.getValue()), fmt(e.getValue() * javaShare))));
                out.append(String.format(
                                Locale.ROOT,
                                "%n%d CPU samples; µs = share × the CPU of non-GC, non-JIT"
                                        + " threads (%.0f µs/inv).%n%n",
                                p.jfr().executionSamples(),
                                javaShare))
                        .append(stages);
                MarkdownTable alloc = new MarkdownTable("stage (JFR allocation samples)", "share");
                p.jfr().allocationByStage().entrySet().stream()
                        .limit(10)
                        .forEach(e -> alloc.add(List.of(e.getKey(), pct(e.getValue()))));
                out.append(String.format(
                                Locale.ROOT,
                                "%nAllocation ≈ %.0f KiB per invocation; %d GC pauses, %.0f ms" + " in total.%n%n",
                                p.jfr().allocationBytes() / 1024.0 / p.run().sent(),
                                p.jfr().gcPauses(),
                                p.jfr().gcPauseMillis()))
                        .append(alloc);
                MarkdownTable methods = new MarkdownTable("hottest leaf methods", "share");
                p.jfr().topMethods().entrySet().stream()
                        .limit(15)
                        .forEach(e -> methods.add(List.of("`" + e.getKey() + "`", pct(e.getValue()))));
                out.append("\n").append(methods);
            }
        }
        return out.toString();
    }

    private static String cpuOf(Run run, String process) {
        Double value = run.cpuMicrosPerRequest().get(process);
        return value == null ? "" : fmt(value);
    }
}
