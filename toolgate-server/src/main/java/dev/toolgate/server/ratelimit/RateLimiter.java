package dev.toolgate.server.ratelimit;

import dev.toolgate.server.tenant.Tenant;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.UUID;

/**
 * Token-bucket rate limits (Bucket4j) (docs/rate-limits.md): per tenant
 * (default 60 invocations/min), per tool (30/min), and test fires per tenant (10/min) in a bucket of their own.
 * Each bucket holds a minute's worth of tokens and refills them evenly over the minute. A limit of 0 means
 * unlimited. An invocation takes a token from its tool's bucket and from its tenant's; when the tenant's bucket
 * refuses, the tool's token is given back, so a refused call costs nothing.
 */
public final class RateLimiter {

    /**
     * The deployment's limits in invocations per minute (0 = unlimited).
     *
     * @param tenantPerMinute per tenant
     * @param toolPerMinute per tool
     * @param testFirePerMinute test fires per tenant
     */
    public record Limits(int tenantPerMinute, int toolPerMinute, int testFirePerMinute) {
        public Limits {
            if (tenantPerMinute < 0 || toolPerMinute < 0 || testFirePerMinute < 0) {
                throw new IllegalArgumentException("rate limits must be >= 0 (0 = unlimited): " + this);
            }
        }

        /** Returns these limits with a tenant's overrides applied (null = keep the deployment default). */
        public Limits with(Tenant.RateLimitOverrides overrides) {
            return new Limits(
                    overrides.tenantPerMinute() == null ? tenantPerMinute : overrides.tenantPerMinute(),
                    overrides.toolPerMinute() == null ? toolPerMinute : overrides.toolPerMinute(),
                    overrides.testFirePerMinute() == null ? testFirePerMinute : overrides.testFirePerMinute());
        }
    }

    private final BucketStore buckets;

    /** @param buckets where the buckets live (this process, or Redis) */
    public RateLimiter(BucketStore buckets) {
        this.buckets = buckets;
    }

    /**
     * Takes a token for one invocation of {@code toolId}.
     *
     * @param limits the tenant's effective limits
     * @return allowed, or the refusing limit with its retry-after
     */
    public RateDecision acquireInvocation(UUID tenantId, UUID toolId, Limits limits) {
        Limit tool = limit("tool:" + toolId, limits.toolPerMinute());
        if (tool != null) {
            ConsumptionProbe probe = buckets.tryConsume(tool.key(), tool.configuration());
            if (!probe.isConsumed()) {
                return refused("tool", limits.toolPerMinute(), probe);
            }
        }
        Limit tenant = limit("tenant:" + tenantId, limits.tenantPerMinute());
        if (tenant != null) {
            ConsumptionProbe probe = buckets.tryConsume(tenant.key(), tenant.configuration());
            if (!probe.isConsumed()) {
                if (tool != null) {
                    buckets.giveBack(tool.key(), tool.configuration());
                }
                return refused("tenant", limits.tenantPerMinute(), probe);
            }
        }
        return RateDecision.ALLOWED;
    }

    /** Takes a token from the tenant's test-fire bucket. */
    public RateDecision acquireTestFire(UUID tenantId, Limits limits) {
        Limit limit = limit("test_fire:" + tenantId, limits.testFirePerMinute());
        if (limit == null) {
            return RateDecision.ALLOWED;
        }
        ConsumptionProbe probe = buckets.tryConsume(limit.key(), limit.configuration());
        return probe.isConsumed() ? RateDecision.ALLOWED : refused("test_fire", limits.testFirePerMinute(), probe);
    }

    /**
     * Takes a token from a bucket of the console (docs/console.md): its requests per session, or its sign-in attempts
     * per client address. Shares the token-bucket rules and the store (this process, or Redis) of the invocation
     * limits.
     *
     * @param limitName the limit's name, {@code console} or {@code console_sign_in}; it prefixes the bucket's key
     *     and names the limit in a refusal
     * @param subject whose bucket: a session id hash or a client address
     * @param perMinute the limit; 0 = unlimited
     * @return allowed, or the refusal with its retry-after
     */
    public RateDecision acquireConsole(String limitName, String subject, int perMinute) {
        Limit limit = limit(limitName + ":" + subject, perMinute);
        if (limit == null) {
            return RateDecision.ALLOWED;
        }
        ConsumptionProbe probe = buckets.tryConsume(limit.key(), limit.configuration());
        return probe.isConsumed() ? RateDecision.ALLOWED : refused(limitName, perMinute, probe);
    }

    /** One bucket: its store key (the limit included) and its configuration. */
    private record Limit(String key, BucketConfiguration configuration) {}

    private static Limit limit(String key, int perMinute) {
        if (perMinute == 0) {
            return null;
        }
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
        return new Limit(key + ":" + perMinute, configuration);
    }

    private static RateDecision refused(String limit, int perMinute, ConsumptionProbe probe) {
        return new RateDecision(false, limit, perMinute, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
