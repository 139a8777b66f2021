package dev.toolgate.bench;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles of one run, in microseconds.
 *
 * @param count how many values were recorded
 * @param p50 the median
 * @param p90 the 90th percentile
 * @param p99 the 99th percentile
 * @param p999 the 99.9th percentile
 * @param max the largest value
 */
public record Latency(long count, double p50, double p90, double p99, double p999, double max) {

    /** No values. */
    public static final Latency EMPTY = new Latency(0, 0, 0, 0, 0, 0);

    /** Reads the percentiles of a histogram recorded in microseconds. */
    public static Latency of(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return EMPTY;
        }
        return new Latency(
                histogram.getTotalCount(),
                histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99),
                histogram.getValueAtPercentile(99.9),
                histogram.getMaxValue());
    }

    /** Returns the five percentiles in the order p50, p90, p99, p99.9, max. */
    public double[] values() {
        return new double[] {p50, p90, p99, p999, max};
    }

    /** Returns {@code a - b}, percentile by percentile (the count is {@code a}'s): the latency one hop adds. */
    public static Latency difference(Latency a, Latency b) {
        double[] values = a.values();
        double[] minus = b.values();
        for (int i = 0; i < values.length; i++) {
            values[i] -= minus[i];
        }
        return ofValues(a.count(), values);
    }

    /** Builds a record from the five percentiles in the order of {@link #values()}. */
    public static Latency ofValues(long count, double[] values) {
        return new Latency(count, values[0], values[1], values[2], values[3], values[4]);
    }

    /** The percentile names in the order of {@link #values()}. */
    public static final String[] NAMES = {"p50", "p90", "p99", "p99.9", "max"};
}
