package dev.toolgate.server.tenant;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant: the owner of agents, tools, secrets, API keys and invocations. Nothing crosses tenants.
 *
 * @param id the tenant's id
 * @param name a display name
 * @param createdAt creation time
 * @param rateLimits the tenant's overrides of the deployment's rate limits
 * @param callSettings where the tenant's callers are, for reading what they say; its parts null for the deployment's
 */
public record Tenant(
        UUID id, String name, Instant createdAt, RateLimitOverrides rateLimits, CallSettings callSettings) {

    /** The longest name, in characters. */
    public static final int MAX_NAME = 255;

    /**
     * Per-tenant overrides of the deployment's rate limits, in invocations per minute; null = the deployment
     * default, 0 = unlimited.
     *
     * @param tenantPerMinute all invocations of the tenant
     * @param toolPerMinute invocations of any one tool
     * @param testFirePerMinute test fires of the tenant (their own bucket)
     */
    public record RateLimitOverrides(Integer tenantPerMinute, Integer toolPerMinute, Integer testFirePerMinute) {
        /** The highest override, in invocations per minute. */
        public static final int MAX_PER_MINUTE = 1_000_000;

        /** No overrides: every limit is the deployment default. */
        public static final RateLimitOverrides NONE = new RateLimitOverrides(null, null, null);
    }

    /**
     * Where a tenant's callers are (docs/voice-runtime.md, "Call variables"): national phone-number forms, spoken
     * transfer destinations and numeric dates are read in {@code region}, "today" in {@code timeZone}.
     *
     * @param region an ISO 3166-1 alpha-2 region in upper case (e.g. {@code DE}), {@code ZZ} for international forms
     *     only, or null for the deployment's {@code toolgate.calls.default-region}
     * @param timeZone a time-zone id (e.g. {@code Europe/Berlin}), or null for {@code toolgate.calls.time-zone}
     */
    public record CallSettings(String region, String timeZone) {
        /** The deployment's settings for both. */
        public static final CallSettings NONE = new CallSettings(null, null);
    }
}
