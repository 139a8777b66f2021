package dev.toolgate.bench;

import dev.toolgate.bench.BenchResults.AddedLatency;
import dev.toolgate.bench.BenchResults.Concurrency;
import dev.toolgate.bench.BenchResults.FailFast;
import dev.toolgate.bench.BenchResults.HotPathScore;
import dev.toolgate.bench.BenchResults.Production;
import dev.toolgate.bench.BenchResults.ProfiledRun;
import dev.toolgate.bench.BenchResults.Run;
import dev.toolgate.bench.BenchResults.Throughput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shapes {@link BenchResults} for people (Markdown tables, printed and pasted into bench/README.md) and for tools
 * (indented JSON).
 */
public final class Report {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Report() {}

    /** Writes the results as JSON to {@code file} (its folder is created). */
    public static void writeJson(BenchResults results, Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, JSON.writeValueAsString(results) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the results as Markdown: a heading line and one table per item that ran. */
    public static String markdown(BenchResults r) {
        StringBuilder out = new StringBuilder();
        Map<String, String> m = r.machine();
        out.append(String.format(
                Locale.ROOT,
                "Run %s, commit %s, mode %s: %s cores (%s), %s, JDK %s, nginx %s.%n",
                r.date(),
                r.commit(),
                r.mode(),
                m.get("cores"),
                m.get("cpu"),
                m.get("memory"),
                m.get("jdk"),
                m.get("nginx")));
        if (r.addedLatency() != null) {
            out.append(addedLatency(r.addedLatency()));
        }
        if (r.throughput() != null) {
            out.append(throughput(r.throughput()));
        }
        if (r.concurrency() != null) {
            r.concurrency().forEach(c -> out.append(concurrency(c)));
        }
        if (r.hotPath() != null) {
            out.append(hotPath(r.hotPath()));
        }
        if (r.failFast() != null) {
            out.append(failFast(r.failFast()));
        }
        if (r.production() != null) {
            out.append(production(r.production()));
        }
        return out.toString();
    }

    private static String addedLatency(List<AddedLatency> items) {
        Table table = new Table(
                "rate/s",
                "configuration",
                "p50",
                "p90",
                "p99",
                "p99.9",
                "max",
                "CPU µs/req",
                "new endpoint conns/run",
                "others' load");
        for (AddedLatency item : items) {
            String rate = Integer.toString(item.rate());
            item.median()
                    .forEach((config, latency) -> table.row(
                            rate,
                            config + " (median)",
                            latency,
                            cpu(config, item.cpuMicrosPerRequest().get(config)),
                            fmt(Bench.median(item.runs().stream()
                                    .filter(run -> run.config().equals(config))
                                    .mapToDouble(Run::endpointConnections)
                                    .toArray())),
                            cores(item.cpuMicrosPerRequest().get(config).get(Bench.OTHERS))));
            item.added()
                    .forEach((proxy, latency) -> table.row(rate, "**added by " + proxy + "**", latency, "", "", ""));
            if (!item.ratio().isEmpty()) {
                List<String> cells = new ArrayList<>(List.of(rate, "**toolgate added / nginx added**"));
                for (String name : Latency.NAMES) {
                    double ratio = item.ratio().get(name);
                    cells.add(Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.2f×", ratio));
                }
                cells.addAll(List.of("", "", ""));
                table.add(cells);
            }
        }
        return "\n**1. Added latency** (µs, open model, from intended send time; medians of "
                + items.get(0).rounds() + " alternating rounds; errors: "
                + items.stream().mapToLong(AddedLatency::errors).sum() + "; others' load: cores kept busy by processes"
                + " outside the benchmark)\n\n" + table;
    }

    private static String throughput(Throughput t) {
        Table table = new Table(
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
            Table threads = new Table("Toolgate thread", "CPU µs/inv");
            p.threadCpuMicrosPerInvocation().entrySet().stream()
                    .limit(10)
                    .forEach(e -> threads.add(List.of(e.getKey(), fmt(e.getValue()))));
            out.append(threads);
            if (p.jfr() != null) {
                Table stages = new Table("stage (JFR CPU samples)", "share", "≈ µs/inv");
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
                Table alloc = new Table("stage (JFR allocation samples)", "share");
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
                Table methods = new Table("hottest leaf methods", "share");
                p.jfr().topMethods().entrySet().stream()
                        .limit(15)
                        .forEach(e -> methods.add(List.of("`" + e.getKey() + "`", pct(e.getValue()))));
                out.append("\n").append(methods);
            }
        }
        return out.toString();
    }

    private static String concurrency(Concurrency c) {
        Run run = c.burst();
        Table table = new Table(
                "in flight",
                "held",
                "ok",
                "errors",
                "drain s",
                "p50",
                "p99",
                "max",
                "peak RSS MiB",
                "peak heap used MiB",
                "peak live heap MiB",
                "endpoint peak in flight",
                "new endpoint conns");
        table.add(List.of(
                Integer.toString(c.inFlight()),
                c.holdMillis() + " ms",
                Long.toString(run.ok()),
                run.errorCount() + (run.errors().isEmpty() ? "" : " " + run.errors()),
                String.format(Locale.ROOT, "%.1f", c.drainSeconds()),
                fmt(run.latency().p50()),
                fmt(run.latency().p99()),
                fmt(run.latency().max()),
                Long.toString(c.peakRssBytes() >> 20),
                Long.toString(c.peakHeapUsedBytes() >> 20),
                Long.toString(c.peakLiveHeapBytes() >> 20),
                Long.toString(c.endpointPeakInFlight()),
                Long.toString(run.endpointConnections())));
        StringBuilder out = new StringBuilder("\n**3. Concurrency**, endpoint offering " + c.endpointProtocols()
                        + " (latency in µs from the burst's start)\n\n")
                .append(table);
        if (!c.heapTopClasses().isEmpty()) {
            out.append("\nLargest classes on Toolgate's heap half-way through the hold (after a full GC):\n\n```\n");
            c.heapTopClasses().forEach(line -> out.append(line).append('\n'));
            out.append("```\n");
        }
        return out.toString();
    }

    private static String hotPath(List<HotPathScore> scores) {
        Table table = new Table("JMH benchmark", "µs/op", "± (99.9%)", "B/op");
        for (HotPathScore s : scores) {
            table.add(List.of(
                    s.benchmark(),
                    String.format(Locale.ROOT, "%.2f", s.microsPerOp()),
                    Double.isNaN(s.error()) ? "" : String.format(Locale.ROOT, "%.2f", s.error()),
                    s.bytesPerOp() < 0 ? "" : String.format(Locale.ROOT, "%.0f", s.bytesPerOp())));
        }
        return "\n**4. Hot path without I/O** (JMH, one thread, BFCL call mix)\n\n" + table;
    }

    private static String failFast(FailFast f) {
        Table table = new Table("call", "p50", "p90", "p99", "p99.9", "max");
        f.median().forEach((kind, latency) -> {
            List<String> cells = new ArrayList<>(List.of(kind));
            for (double v : latency.values()) {
                cells.add(fmt(v));
            }
            table.add(cells);
        });
        return "\n**5. Fail fast** (µs through the invoke API at " + f.rate() + "/s; medians of " + f.rounds()
                + " rounds; wrong answers: " + f.errors() + ")\n\n" + table;
    }

    private static String production(Production p) {
        Table table = new Table("rate/s", "config", "p50", "p90", "p99", "p99.9", "max", "CPU µs/request");
        table.row("" + p.rate(), "direct", p.direct(), "");
        Map<String, Double> cpu = new java.util.TreeMap<>();
        List<Run> shape =
                p.runs().stream().filter(r -> r.config().equals("production")).toList();
        for (Run run : shape) {
            run.cpuMicrosPerRequest()
                    .forEach((process, micros) -> cpu.merge(process, micros / shape.size(), Double::sum));
        }
        table.row(
                "" + p.rate(),
                "production",
                p.production(),
                cpu.entrySet().stream()
                        .filter(e -> !e.getKey().equals(Bench.OTHERS))
                        .map(e -> e.getKey() + " " + fmt(e.getValue()))
                        .collect(Collectors.joining(", ")));
        table.row("" + p.rate(), "added", p.added(), "");
        String lost =
                p.logged() >= p.answered() ? "nothing lost" : (p.answered() - p.logged()) + " missing from the log";
        return "\n**6. Production shape** (" + p.instances() + " instances behind nginx on PostgreSQL and Redis, µs;"
                + " medians of " + shape.size() + " rounds; errors: " + p.errors() + "; answered ok: " + p.answered()
                + ", in the shared log: " + p.logged() + ", " + lost + "; others' load "
                + cores(cpu.get(Bench.OTHERS)) + ")\n\n" + table;
    }

    /** The endpoint's and the configuration's own process's CPU per request. */
    private static String cpu(String config, Map<String, Double> perProcess) {
        return perProcess == null
                ? ""
                : perProcess.entrySet().stream()
                        .filter(e -> e.getKey().equals("endpoint") || e.getKey().equals(config))
                        .map(e -> e.getKey() + " " + fmt(e.getValue()))
                        .collect(Collectors.joining(", "));
    }

    private static String cpuOf(Run run, String process) {
        Double value = run.cpuMicrosPerRequest().get(process);
        return value == null ? "" : fmt(value);
    }

    private static String cores(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.2f cores", value);
    }

    static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** A Markdown table with padded columns. */
    private static final class Table {
        private final List<List<String>> rows = new ArrayList<>();

        Table(String... header) {
            rows.add(List.of(header));
        }

        void add(List<String> cells) {
            rows.add(cells);
        }

        void row(String rate, String config, Latency latency, String... last) {
            List<String> cells = new ArrayList<>(List.of(rate, config));
            for (double v : latency.values()) {
                cells.add(fmt(v));
            }
            cells.addAll(List.of(last));
            add(cells);
        }

        void row(Run run, String... last) {
            List<String> cells = new ArrayList<>(List.of(String.format(Locale.ROOT, "%.0f", run.rate()), run.config()));
            for (double v : run.latency().values()) {
                cells.add(fmt(v));
            }
            cells.add(run.errorCount() + (run.errors().isEmpty() ? "" : " " + run.errors()));
            cells.addAll(List.of(last));
            add(cells);
        }

        @Override
        public String toString() {
            int columns = rows.get(0).size();
            int[] widths = new int[columns];
            for (List<String> row : rows) {
                for (int i = 0; i < columns; i++) {
                    widths[i] = Math.max(widths[i], i < row.size() ? row.get(i).length() : 0);
                }
            }
            StringBuilder out = new StringBuilder();
            for (int r = 0; r < rows.size(); r++) {
                out.append('|');
                for (int i = 0; i < columns; i++) {
                    String cell = i < rows.get(r).size() ? rows.get(r).get(i) : "";
                    out.append(' ')
                            .append(cell)
                            .append(" ".repeat(widths[i] - cell.length()))
                            .append(" |");
                }
                out.append('\n');
                if (r == 0) {
                    out.append('|');
                    for (int i = 0; i < columns; i++) {
                        out.append(i < 2 ? ":" : "-")
                                .append("-".repeat(widths[i]))
                                .append(i < 2 ? "-|" : ":|");
                    }
                    out.append('\n');
                }
            }
            return out.toString();
        }
    }
}
