package dev.toolgate.bench;

import static dev.toolgate.bench.MarkdownTable.cores;
import static dev.toolgate.bench.MarkdownTable.fmt;

import dev.toolgate.bench.BenchResults.AddedLatency;
import dev.toolgate.bench.BenchResults.Concurrency;
import dev.toolgate.bench.BenchResults.FailFast;
import dev.toolgate.bench.BenchResults.HotPathScore;
import dev.toolgate.bench.BenchResults.Production;
import dev.toolgate.bench.BenchResults.Run;
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
            out.append(ThroughputReport.markdown(r.throughput()));
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
        MarkdownTable table = new MarkdownTable(
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

    private static String concurrency(Concurrency c) {
        Run run = c.burst();
        MarkdownTable table = new MarkdownTable(
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
        MarkdownTable table = new MarkdownTable("JMH benchmark", "µs/op", "± (99.9%)", "B/op");
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
        MarkdownTable table = new MarkdownTable("call", "p50", "p90", "p99", "p99.9", "max");
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
        MarkdownTable table =
                new MarkdownTable("rate/s", "config", "p50", "p90", "p99", "p99.9", "max", "CPU µs/request");
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
}
