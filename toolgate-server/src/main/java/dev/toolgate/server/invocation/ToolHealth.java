package dev.toolgate.server.invocation;

import dev.toolgate.core.error.ErrorCode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A tool's health over a window, from the invocation log: the checks docs/best-practices.md ("Watch the log") asks
 * tenants to run weekly, computed for them. Only invocations by the voice runtime count
 * (not test fires), and repeats served from an identical call are left out.
 */
@Service
public class ToolHealth {

    /** Failures caused by the endpoint (or the way to it): what {@code error_rate} counts ({@link ErrorCode#endpointError()}). */
    static final List<String> ENDPOINT_ERRORS = Arrays.stream(ErrorCode.values())
            .filter(ErrorCode::endpointError)
            .map(Enum::name)
            .toList();

    /** {@code invalid_args_repeating} is raised from this many invalid-argument calls in the window. */
    static final int INVALID_ARGS_REPEATING = 3;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final InvocationLog invocationLog;

    ToolHealth(JdbcClient jdbc, Clock clock, InvocationLog invocationLog) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.invocationLog = invocationLog;
    }

    /**
     * One tool's health.
     *
     * @param calls invocations in the window
     * @param endpointErrors calls that failed at or on the way to the endpoint ({@link #ENDPOINT_ERRORS})
     * @param errorRate {@code endpointErrors / calls}, 0 without calls
     * @param timeouts calls that ended in {@code HTTP_TOOL_TIMEOUT}
     * @param invalidArgs calls that ended in {@code HTTP_TOOL_INVALID_ARGS}
     * @param p50Ms median duration of the calls that reached for the endpoint, in ms, or null without any
     * @param p95Ms 95th percentile of the same, in ms, or null
     * @param lastCalledAt the newest call ever, or null when never called
     * @param flags {@code error_rate_over_5pct}, {@code timeouts_seen}, {@code invalid_args_repeating},
     *     {@code never_called}: what to look at
     */
    public record Report(
            long calls,
            long endpointErrors,
            double errorRate,
            long timeouts,
            long invalidArgs,
            Double p50Ms,
            Double p95Ms,
            Instant lastCalledAt,
            List<String> flags) {

        /**
         * The report of a window's counts, the latency percentiles, the newest call and the flags raised.
         *
         * @param counts the window's calls and failures; the error rate is computed from them
         * @param p50Ms the median duration in ms, or null
         * @param p95Ms the 95th percentile in ms, or null
         * @param lastCalledAt the newest call ever, or null
         * @param flags what to look at (copied)
         */
        static Report of(Counts counts, Double p50Ms, Double p95Ms, Instant lastCalledAt, List<String> flags) {
            return new Report(
                    counts.calls(),
                    counts.endpointErrors(),
                    counts.errorRate(),
                    counts.timeouts(),
                    counts.invalidArgs(),
                    p50Ms,
                    p95Ms,
                    lastCalledAt,
                    List.copyOf(flags));
        }
    }

    /**
     * The calls of one tool in a window and how many ended in each failure that counts for its health.
     *
     * @param calls invocations in the window
     * @param endpointErrors calls that failed at or on the way to the endpoint
     * @param timeouts calls that ended in {@code HTTP_TOOL_TIMEOUT}
     * @param invalidArgs calls that ended in {@code HTTP_TOOL_INVALID_ARGS}
     */
    record Counts(long calls, long endpointErrors, long timeouts, long invalidArgs) {
        /** {@code endpointErrors / calls}, 0 without calls. */
        double errorRate() {
            return calls == 0 ? 0 : (double) endpointErrors / calls;
        }
    }

    /**
     * Computes the report of {@code toolId} over the last {@code window}, after writing the invocations still queued
     * for the log (as every read of the log does), so a call answered before the request counts.
     */
    public Report report(UUID tenantId, UUID toolId, Duration window) {
        invocationLog.flush();
        return report(tenantId, toolId, clock.instant().minus(window), NO_END);
    }

    /**
     * One point of a health series: the report of the calls in [{@code start}, {@code start} + step).
     *
     * @param start the start of the point's interval
     * @param report the calls, errors and percentiles of that interval ({@code lastCalledAt} is the tool's newest
     *     call ever)
     */
    public record Point(Instant start, Report report) {}

    /**
     * The tool's health over the last {@code window} cut into {@code points} equal intervals, oldest first: what the
     * console charts. Each point counts as {@link #report(UUID, UUID, Duration)} does.
     *
     * @param points how many intervals, 1..{@value #MAX_POINTS}
     * @throws IllegalArgumentException when {@code points} is out of range
     */
    public List<Point> series(UUID tenantId, UUID toolId, Duration window, int points) {
        if (points < 1 || points > MAX_POINTS) {
            throw new IllegalArgumentException("points must be 1.." + MAX_POINTS);
        }
        invocationLog.flush();
        Instant end = clock.instant().plusSeconds(1);
        Duration step = window.dividedBy(points);
        Instant first = end.minus(step.multipliedBy(points));
        List<Point> series = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            Instant start = first.plus(step.multipliedBy(i));
            series.add(new Point(start, report(tenantId, toolId, start, start.plus(step))));
        }
        return series;
    }

    /** The open end of {@link #report(UUID, UUID, Duration)}'s interval: every call since its start counts. */
    private static final Instant NO_END = Instant.parse("9999-12-31T00:00:00Z");

    /** The most points {@link #series} computes (each costs three indexed queries). */
    public static final int MAX_POINTS = 96;

    private Report report(UUID tenantId, UUID toolId, Instant from, Instant to) {
        Timestamp since = Timestamp.from(from);
        Timestamp until = Timestamp.from(to);
        String endpointErrors = "'" + String.join("','", ENDPOINT_ERRORS) + "'";
        var counts = jdbc.sql("select count(*) as calls,"
                        + " coalesce(sum(case when error_code in (" + endpointErrors
                        + ") then 1 else 0 end), 0) as endpoint_errors,"
                        + " coalesce(sum(case when error_code = 'HTTP_TOOL_TIMEOUT' then 1 else 0 end), 0) as timeouts,"
                        + " coalesce(sum(case when error_code = 'HTTP_TOOL_INVALID_ARGS' then 1 else 0 end), 0) as invalid_args"
                        + " from invocations where tenant_id = ? and tool_id = ? and kind <> 'test_fire' and repeat_of is null"
                        + " and created_at >= ? and created_at < ?")
                .params(tenantId, toolId, since, until)
                .query((rs, n) -> new Counts(
                        rs.getLong("calls"),
                        rs.getLong("endpoint_errors"),
                        rs.getLong("timeouts"),
                        rs.getLong("invalid_args")))
                .single();
        var percentiles = jdbc.sql("select percentile_cont(0.5) within group (order by duration_ms) as p50,"
                        + " percentile_cont(0.95) within group (order by duration_ms) as p95"
                        + " from invocations where tenant_id = ? and tool_id = ? and kind <> 'test_fire' and repeat_of is null"
                        + " and created_at >= ? and created_at < ?"
                        + " and (error_code is null or error_code in (" + endpointErrors + "))")
                .params(tenantId, toolId, since, until)
                .query((rs, n) -> new Double[] {
                    nullable(rs.getDouble("p50"), rs.wasNull()), nullable(rs.getDouble("p95"), rs.wasNull())
                })
                .single();
        Instant lastCalled = jdbc.sql("select max(created_at) from invocations where tenant_id = ? and tool_id = ?"
                        + " and kind <> 'test_fire'")
                .params(tenantId, toolId)
                .query((rs, n) ->
                        rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
                .optional()
                .orElse(null);
        List<String> flags = new ArrayList<>();
        if (counts.errorRate() > 0.05) {
            flags.add("error_rate_over_5pct");
        }
        if (counts.timeouts() > 0) {
            flags.add("timeouts_seen");
        }
        if (counts.invalidArgs() >= INVALID_ARGS_REPEATING) {
            flags.add("invalid_args_repeating");
        }
        if (counts.calls() == 0) {
            flags.add("never_called");
        }
        return Report.of(counts, percentiles[0], percentiles[1], lastCalled, flags);
    }

    private static Double nullable(double value, boolean wasNull) {
        return wasNull ? null : Math.round(value * 1000.0) / 1000.0;
    }
}
