package dev.toolgate.server.ratelimit;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import java.time.Duration;

/**
 * The answer of the rate limiter for one invocation: allowed, or refused by a named limit with the time until a
 * token is available again. A refusal is a value, not an exception (Bucket4j's {@code ConsumptionProbe} idea).
 *
 * @param allowed whether the invocation may proceed
 * @param limit which limit refused it: {@code tenant}, {@code tool} or {@code test_fire}; null when allowed
 * @param perMinute the refusing limit, in invocations per minute; 0 when allowed
 * @param retryAfter how long until the refusing bucket has a token again; zero when allowed
 */
public record RateDecision(boolean allowed, String limit, int perMinute, Duration retryAfter) {

    /** The decision for an allowed invocation. */
    public static final RateDecision ALLOWED = new RateDecision(true, null, 0, Duration.ZERO);

    /**
     * The tool error of a refused invocation, {@code HTTP_TOOL_RATE_LIMITED}: which limit, when a call is possible
     * again, and a hint for the model to tell the caller it will take a little longer.
     *
     * @throws IllegalStateException if the invocation was allowed
     */
    public ToolError refusal() {
        if (allowed) {
            throw new IllegalStateException("an allowed invocation is not refused");
        }
        String what = switch (limit) {
            case "tool" -> "for this tool";
            case "tenant" -> "for this account";
            default -> "for test fires";
        };
        long seconds = retryAfterSeconds();
        return new ToolError(
                ErrorCode.HTTP_TOOL_RATE_LIMITED,
                "Rate limit reached: " + perMinute + " calls per minute " + what + "; a call is possible again in"
                        + " about " + seconds + " s. Nothing was sent.",
                "Wait about " + seconds + " seconds before calling this tool again, and tell the caller it will take a"
                        + " little longer.");
    }

    /** Returns {@link #retryAfter()} rounded up to whole seconds, at least 1. */
    public long retryAfterSeconds() {
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        return Math.max(1, seconds);
    }
}
