package dev.toolgate.server.ratelimit;

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

    /** Returns {@link #retryAfter()} rounded up to whole seconds, at least 1. */
    public long retryAfterSeconds() {
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        return Math.max(1, seconds);
    }
}
