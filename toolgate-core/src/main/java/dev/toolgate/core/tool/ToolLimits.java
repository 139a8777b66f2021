package dev.toolgate.core.tool;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The deployment limits a tool definition is checked against (DESIGN.md, "Guarantees and limits"). A new
 * {@code http_request} tool that does not set {@code timeout} or {@code max_response_bytes} gets these
 * limits as its values.
 *
 * @param maxTimeout the total budget of one call (DNS + connect + TLS + request + response); a tool's
 *     {@code timeout} may not exceed it; positive, at most millisecond precision is used; default 10 s
 * @param maxResponseBytes how many decoded response-body bytes are read at most; a tool's
 *     {@code max_response_bytes} may not exceed it; positive; default 65,536 (64 KiB)
 */
public record ToolLimits(Duration maxTimeout, int maxResponseBytes) {

    /** The default total budget of one call: 10 seconds. */
    public static final Duration DEFAULT_MAX_TIMEOUT = Duration.ofSeconds(10);

    /** The default response cap: 65,536 bytes (64 KiB). */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 65_536;

    /**
     * Validates the limits.
     *
     * @throws NullPointerException if {@code maxTimeout} is null
     * @throws IllegalArgumentException if {@code maxTimeout} is shorter than 1 ms or {@code maxResponseBytes} is not positive
     */
    public ToolLimits {
        Objects.requireNonNull(maxTimeout, "maxTimeout");
        if (maxTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("maxTimeout must be at least 1 ms: " + maxTimeout);
        }
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive: " + maxResponseBytes);
        }
    }

    /** Returns the deployment defaults: a 10 s budget and a 64 KiB response cap. */
    public static ToolLimits ofDefaults() {
        return new ToolLimits(DEFAULT_MAX_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES);
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
