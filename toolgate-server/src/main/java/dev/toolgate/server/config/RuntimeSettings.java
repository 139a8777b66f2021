package dev.toolgate.server.config;

import dev.toolgate.core.args.ArgumentLimits;
import dev.toolgate.core.exec.ExecutorConfig;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.ToolLimits;
import dev.toolgate.server.api.LogSafe;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.Range;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The groups of {@link ToolgateProperties} that shape every call: egress, limits, rate limits, duplicates, the
 * circuit breaker, signing and cache invalidation. Each default and range is written here once (docs/configuration.md
 * lists them, a test keeps the two equal).
 */
public final class RuntimeSettings {
    private RuntimeSettings() {}

    // The defaults of the argument and parameters limits are the core's constants (annotations need text).
    private static final String MAX_DUPLICATE_WINDOW = HttpRequestConfig.MAX_DUPLICATE_WINDOW_SECONDS + "s";
    private static final String DEFAULT_MAX_PER_ENDPOINT = "" + ExecutorConfig.DEFAULT_MAX_PER_ENDPOINT;
    private static final String DEFAULT_ARGUMENT_BYTES = "" + ArgumentLimits.DEFAULT_MAX_BYTES;
    private static final String DEFAULT_ARGUMENT_DEPTH = "" + ArgumentLimits.DEFAULT_MAX_DEPTH;
    private static final String DEFAULT_PARAMETERS_BYTES = "" + ToolLimits.DEFAULT_MAX_PARAMETERS_BYTES;
    private static final String DEFAULT_PARAMETERS_DEPTH = "" + ToolLimits.DEFAULT_MAX_PARAMETERS_DEPTH;
    private static final String DEFAULT_DESCRIPTION_CHARS = "" + ToolLimits.DEFAULT_MAX_PARAMETER_DESCRIPTION_CHARS;
    private static final String DEFAULT_TOOLS_PER_AGENT = "" + ToolLimits.DEFAULT_MAX_TOOLS_PER_AGENT;
    /**
     * The deepest argument or {@code parameters} nesting a setting may allow: API bodies are parsed with Jackson's
     * nesting limit of 500 and arguments sit inside them, and recursive schema validation stays far from the
     * thread's stack at this depth.
     */
    private static final int MAX_DEPTH = 256;

    /**
     * Egress settings.
     *
     * @param allowlist DANGEROUS: comma-separated {@code host:port}, {@code ip:port}, {@code CIDR} or
     *     {@code CIDR:port} entries admitted despite the private-network block; blank for none
     * @param extraCa a PEM file of extra CA certificates trusted for tenant endpoints, or null
     * @param maxConnectionsPerEndpoint the most calls one tenant has in flight to one HTTP/1.1 endpoint (so at most
     *     that many connections); more wait inside their budget; HTTP/2 endpoints are not capped
     */
    public record Egress(
            String allowlist,
            Path extraCa,

            @DefaultValue(DEFAULT_MAX_PER_ENDPOINT) @Range(min = 1, max = ExecutorConfig.MAX_PER_ENDPOINT)
            int maxConnectionsPerEndpoint) {}

    /**
     * Limits on what tenants and callers send; each refusal names its limit. Defaults are the smallest values
     * that every real tool definition and tool call seen so far fits in with a wide margin.
     *
     * @param maxRequestBodyBytes bytes of one API request body; a larger one is refused with 413 before it is
     *     buffered (default 1 MiB, range 1,024..64 MiB)
     * @param headerReadTimeout how long the API waits for the next bytes of a request's line and headers before
     *     closing the connection (default 10 s, range 100 ms..300 s)
     * @param maxLoggedStringChars characters of one tenant-supplied string written to the server log; the rest is
     *     cut with a marker (default 256, range 16..65,536)
     * @param maxArgumentBytes serialized bytes of one tool call's arguments, 1,024..1,048,576 (default 64 KiB)
     * @param maxArgumentDepth nesting depth of one tool call's arguments, 1..256 (default 64)
     * @param maxParametersBytes serialized bytes of one tool's {@code parameters} schema, 1,024..1,048,576
     *     (default 64 KiB)
     * @param maxParametersDepth nesting depth of one tool's {@code parameters} schema, 2..256 (default 32)
     * @param maxParameterDescriptionChars characters of one {@code description} inside {@code parameters},
     *     1..100,000 (default 2,000)
     * @param maxToolsPerAgent tools one agent may hold, 1..100,000 (default 1,000)
     * @param maxRecordFieldBytes bytes of the arguments and of the rendered request kept in one invocation record;
     *     the rest is cut with a marker (default 16 KiB)
     */
    public record Limits(
            @DefaultValue("1048576") @Range(min = 1024, max = 64 * 1024 * 1024)
            int maxRequestBodyBytes,

            @DefaultValue("10s") @DurationRange(min = "100ms", max = "300s")
            Duration headerReadTimeout,

            @DefaultValue("" + LogSafe.DEFAULT_MAX_CHARS) @Range(min = 16, max = 65_536)
            int maxLoggedStringChars,

            @DefaultValue(DEFAULT_ARGUMENT_BYTES) @Range(min = 1024, max = 1_048_576)
            int maxArgumentBytes,

            @DefaultValue(DEFAULT_ARGUMENT_DEPTH) @Range(min = 1, max = MAX_DEPTH)
            int maxArgumentDepth,

            @DefaultValue(DEFAULT_PARAMETERS_BYTES) @Range(min = 1024, max = 1_048_576)
            int maxParametersBytes,

            @DefaultValue(DEFAULT_PARAMETERS_DEPTH) @Range(min = 2, max = MAX_DEPTH)
            int maxParametersDepth,

            @DefaultValue(DEFAULT_DESCRIPTION_CHARS) @Range(min = 1, max = 100_000)
            int maxParameterDescriptionChars,

            @DefaultValue(DEFAULT_TOOLS_PER_AGENT) @Range(min = 1, max = 100_000)
            int maxToolsPerAgent,

            @DefaultValue("16384") @Range(min = 1024, max = 1_048_576)
            int maxRecordFieldBytes) {}

    /**
     * Rate limits in invocations per minute; 0 = unlimited.
     *
     * @param tenantPerMinute all invocations of one tenant (default 60)
     * @param toolPerMinute invocations of one tool (default 30)
     * @param testFirePerMinute test fires of one tenant, in their own bucket (default 10)
     */
    public record RateLimit(
            @DefaultValue("60") @PositiveOrZero int tenantPerMinute,
            @DefaultValue("30") @PositiveOrZero int toolPerMinute,
            @DefaultValue("10") @PositiveOrZero int testFirePerMinute) {}

    /**
     * Duplicate tool calls (the same call asking the same tool with the same arguments).
     *
     * @param defaultWindow how long a result is reused for a repeat, unless the tool sets its own
     *     {@code duplicate_window} (0 disables); 0..300 s
     */
    public record Duplicates(
            @DefaultValue("10s") @DurationRange(min = "0s", max = "300s")
            Duration defaultWindow) {}

    /**
     * The circuit breaker of each (tenant, endpoint host:port).
     *
     * @param failureRateThreshold percentage of failed calls (timeouts, connect/TLS/DNS errors, 5xx) that opens it
     * @param minimumCalls calls in the sliding window before the failure rate counts
     * @param windowSize calls in the count-based sliding window
     * @param openDuration how long it stays open before letting trial calls through (half-open)
     * @param halfOpenCalls trial calls in the half-open state
     */
    public record CircuitBreaker(
            @DefaultValue("50") @Range(min = 1, max = 100) int failureRateThreshold,
            @DefaultValue("10") @Min(1) int minimumCalls,
            @DefaultValue("20") @Min(1) int windowSize,

            @DefaultValue("30s") @DurationRange(min = "1ms", max = "1d")
            Duration openDuration,

            @DefaultValue("3") @Min(1) int halfOpenCalls) {
        /** Whether the sliding window holds at least the minimum number of calls. */
        @AssertTrue(message = "window-size must be at least minimum-calls")
        public boolean isWindowHoldingMinimumCalls() {
            return windowSize >= minimumCalls;
        }
    }

    /**
     * Request-signing settings.
     *
     * @param rotationOverlap how long a rotated-out signing secret keeps signing next to the new one, 0s..30d
     */
    public record Signing(
            @DefaultValue("24h") @DurationRange(min = "0s", max = "30d")
            Duration rotationOverlap) {}

    /**
     * Cache invalidation across instances (Redis pub/sub, or PostgreSQL LISTEN/NOTIFY).
     *
     * @param fallbackTtl the longest a cached key, agent, tool, signing secret or rate limit lives while the
     *     connection to the other instances is down, 100 ms..10 s (default 1 s)
     */
    public record Invalidation(
            @DefaultValue("1s") @DurationRange(min = "100ms", max = "10s")
            Duration fallbackTtl) {}
}
