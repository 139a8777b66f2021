package dev.toolgate.server.invocation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tool's health over a window, from the invocation log (docs/troubleshooting.md explains each flag).
 *
 * @param toolId the tool
 * @param windowSeconds the window, in seconds, ending now
 * @param calls invocations in the window
 * @param endpointErrors invocations whose endpoint failed (error status, timeout, unreachable)
 * @param errorRate {@code endpointErrors / calls}, 0–1, four decimals; 0 without calls
 * @param timeouts invocations that ran out of budget
 * @param invalidArgs invocations refused with {@code HTTP_TOOL_INVALID_ARGS}
 * @param p50Ms the median duration in milliseconds, or null without calls
 * @param p95Ms the 95th-percentile duration in milliseconds, or null without calls
 * @param lastCalledAt the latest invocation, or null when never called
 * @param flags {@code error_rate_over_5pct}, {@code timeouts_seen}, {@code invalid_args_repeating},
 *     {@code never_called}
 */
@Schema(name = "ToolHealthOut", description = "A tool's calls, errors, latency and warnings over a window.")
public record ToolHealthOut(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID toolId,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "86400")
        long windowSeconds,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long calls,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long endpointErrors,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0.0125")
        double errorRate,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long timeouts,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long invalidArgs,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"number", "null"})
        Double p50Ms,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"number", "null"})
        Double p95Ms,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"string", "null"},
                format = "date-time")
        Instant lastCalledAt,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Warnings: error_rate_over_5pct, timeouts_seen, invalid_args_repeating, never_called.")
        List<String> flags) {

    /** The API form of {@code report} over a window of {@code windowSeconds}. */
    static ToolHealthOut of(UUID toolId, long windowSeconds, ToolHealth.Report report) {
        return new ToolHealthOut(
                toolId,
                windowSeconds,
                report.calls(),
                report.endpointErrors(),
                Math.round(report.errorRate() * 10000.0) / 10000.0,
                report.timeouts(),
                report.invalidArgs(),
                report.p50Ms(),
                report.p95Ms(),
                report.lastCalledAt(),
                report.flags());
    }
}
