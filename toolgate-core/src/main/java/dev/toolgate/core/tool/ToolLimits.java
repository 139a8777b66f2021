package dev.toolgate.core.tool;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The deployment limits a tool definition is checked against (docs/configuration.md, {@code toolgate.budget},
 * {@code toolgate.max-response-bytes} and {@code toolgate.limits.*}). A new {@code http_request} tool that does
 * not set {@code timeout} or {@code max_response_bytes} gets these limits as its values.
 *
 * @param maxTimeout the total budget of one call (DNS + connect + TLS + request + response); a tool's
 *     {@code timeout} may not exceed it; positive, at most millisecond precision is used; default 10 s
 * @param maxResponseBytes how many decoded response-body bytes are read at most; a tool's
 *     {@code max_response_bytes} may not exceed it; positive; default 65,536 (64 KiB)
 * @param maxParametersBytes the most bytes a tool's {@code parameters} schema takes as compact UTF-8 JSON;
 *     positive; default 65,536 (64 KiB)
 * @param maxParametersDepth the deepest nesting of objects and arrays in {@code parameters}, the schema object
 *     itself counting as level 1; at least 2 (the default schema {@code {"type": "object", "properties": {}}}
 *     is 2 deep); default 32
 * @param maxParameterDescriptionChars the longest {@code description} anywhere inside {@code parameters}, in
 *     characters (Unicode code points); positive; default 2,000
 * @param maxToolsPerAgent how many tools one agent may hold; positive; default 1,000
 */
public record ToolLimits(
        Duration maxTimeout,
        int maxResponseBytes,
        int maxParametersBytes,
        int maxParametersDepth,
        int maxParameterDescriptionChars,
        int maxToolsPerAgent) {

    /**
     * The default total budget of one call, in seconds: 10. The one home of this default: the executor's maximum
     * budget, the longest {@code timeout} a tool may set and the server's {@code toolgate.budget} all start from it.
     */
    public static final int DEFAULT_BUDGET_SECONDS = 10;

    /** The default total budget of one call: {@link #DEFAULT_BUDGET_SECONDS} seconds. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(DEFAULT_BUDGET_SECONDS);

    /**
     * The default response cap: 65,536 bytes (64 KiB) of decoded body. The one home of this default: the executor's
     * cap and the server's {@code toolgate.max-response-bytes} start from it.
     */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 65_536;

    /** The default {@link #maxParametersBytes()}: 65,536 bytes (64 KiB). */
    public static final int DEFAULT_MAX_PARAMETERS_BYTES = 65_536;

    /** The default {@link #maxParametersDepth()}: 32 levels. */
    public static final int DEFAULT_MAX_PARAMETERS_DEPTH = 32;

    /** The default {@link #maxParameterDescriptionChars()}: 2,000 characters. */
    public static final int DEFAULT_MAX_PARAMETER_DESCRIPTION_CHARS = 2_000;

    /** The default {@link #maxToolsPerAgent()}: 1,000 tools. */
    public static final int DEFAULT_MAX_TOOLS_PER_AGENT = 1_000;

    /**
     * Validates the limits.
     *
     * @throws NullPointerException if {@code maxTimeout} is null
     * @throws IllegalArgumentException if {@code maxTimeout} is shorter than 1 ms, {@code maxParametersDepth} is
     *     below 2 or another limit is not positive
     */
    public ToolLimits {
        Objects.requireNonNull(maxTimeout, "maxTimeout");
        if (maxTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("maxTimeout must be at least 1 ms: " + maxTimeout);
        }
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive: " + maxResponseBytes);
        }
        if (maxParametersBytes <= 0) {
            throw new IllegalArgumentException("maxParametersBytes must be positive: " + maxParametersBytes);
        }
        if (maxParametersDepth < 2) {
            throw new IllegalArgumentException("maxParametersDepth must be at least 2: " + maxParametersDepth);
        }
        if (maxParameterDescriptionChars <= 0) {
            throw new IllegalArgumentException(
                    "maxParameterDescriptionChars must be positive: " + maxParameterDescriptionChars);
        }
        if (maxToolsPerAgent <= 0) {
            throw new IllegalArgumentException("maxToolsPerAgent must be positive: " + maxToolsPerAgent);
        }
    }

    /**
     * Limits with the given budget and response cap and the default {@code parameters} and tool-count limits.
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public ToolLimits(Duration maxTimeout, int maxResponseBytes) {
        this(
                maxTimeout,
                maxResponseBytes,
                DEFAULT_MAX_PARAMETERS_BYTES,
                DEFAULT_MAX_PARAMETERS_DEPTH,
                DEFAULT_MAX_PARAMETER_DESCRIPTION_CHARS,
                DEFAULT_MAX_TOOLS_PER_AGENT);
    }

    /** Returns the deployment defaults: a 10 s budget, a 64 KiB response cap and the defaults above. */
    public static ToolLimits ofDefaults() {
        return new ToolLimits(DEFAULT_BUDGET, DEFAULT_MAX_RESPONSE_BYTES);
    }

    /** Returns the {@code timeout} a new {@code http_request} tool gets when it sets none: {@link #maxTimeout()}. */
    public Duration defaultTimeout() {
        return maxTimeout;
    }

    /** Returns the {@code max_response_bytes} a new {@code http_request} tool gets when it sets none: the cap. */
    public int defaultMaxResponseBytes() {
        return maxResponseBytes;
    }

    /** Returns {@link #maxTimeout()} in seconds as users write it, e.g. {@code "10"} or {@code "2.5"}. */
    String maxTimeoutSecondsText() {
        return BigDecimal.valueOf(maxTimeout.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
