package dev.toolgate.bench;

import dev.toolgate.bench.BenchResults.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Markdown table with padded columns, and the number formats of its cells. */
final class MarkdownTable {
    private final List<List<String>> rows = new ArrayList<>();

    /** Starts a table whose first row is {@code header}. */
    MarkdownTable(String... header) {
        rows.add(List.of(header));
    }

    /** Adds a row of cells. */
    void add(List<String> cells) {
        rows.add(cells);
    }

    /** Adds a row: rate, configuration, the latency percentiles, then {@code last}. */
    void row(String rate, String config, Latency latency, String... last) {
        List<String> cells = new ArrayList<>(List.of(rate, config));
        for (double v : latency.values()) {
            cells.add(fmt(v));
        }
        cells.addAll(List.of(last));
        add(cells);
    }

    /** Adds a row: the run's rate, configuration, latency percentiles and errors, then {@code last}. */
    void row(Run run, String... last) {
        List<String> cells = new ArrayList<>(List.of(String.format(Locale.ROOT, "%.0f", run.rate()), run.config()));
        for (double v : run.latency().values()) {
            cells.add(fmt(v));
        }
        cells.add(run.errorCount() + (run.errors().isEmpty() ? "" : " " + run.errors()));
        cells.addAll(List.of(last));
        add(cells);
    }

    /** A number for a cell: "–" for NaN, no decimals from 100 up, one decimal below. */
    static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    /** A share (0 to 1) as a percentage with one decimal. */
    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** A number of cores kept busy, or "" when unknown. */
    static String cores(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.2f cores", value);
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
                    out.append(i < 2 ? ":" : "-").append("-".repeat(widths[i])).append(i < 2 ? "-|" : ":|");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
