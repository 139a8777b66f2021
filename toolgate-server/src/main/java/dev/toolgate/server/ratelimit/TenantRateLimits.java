package dev.toolgate.server.ratelimit;

import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.tenant.Tenant;
import dev.toolgate.server.tenant.TenantRateLimitsChanged;
import dev.toolgate.server.tenant.TenantStore;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Applies the rate limits of one tenant: the deployment defaults ({@code TOOLGATE_RATE_LIMIT_*_PER_MINUTE}) with
 * the tenant's overrides, which are read from the database at most every few seconds per tenant.
 */
@Service
public class TenantRateLimits {

    private static final Duration OVERRIDES_TTL = Duration.ofSeconds(5);

    private final RateLimiter limiter;
    private final TenantStore tenants;
    private final RateLimiter.Limits defaults;
    private final Map<UUID, Cached> overrides = new ConcurrentHashMap<>();

    private record Cached(Tenant.RateLimitOverrides overrides, long loadedAtNanos) {}

    TenantRateLimits(RateLimiter limiter, TenantStore tenants, ToolgateProperties properties) {
        this.limiter = limiter;
        this.tenants = tenants;
        ToolgateProperties.RateLimit limits = properties.rateLimit();
        this.defaults =
                new RateLimiter.Limits(limits.tenantPerMinute(), limits.toolPerMinute(), limits.testFirePerMinute());
    }

    /** Takes a token for one invocation of the tool (tool bucket, then tenant bucket). */
    public RateDecision acquireInvocation(UUID tenantId, UUID toolId) {
        return limiter.acquireInvocation(tenantId, toolId, limits(tenantId));
    }

    /** Takes a token from the tenant's test-fire bucket. */
    public RateDecision acquireTestFire(UUID tenantId) {
        return limiter.acquireTestFire(tenantId, limits(tenantId));
    }

    /** Forgets the cached overrides of a tenant after the operator changed them. */
    @EventListener
    void onRateLimitsChanged(TenantRateLimitsChanged event) {
        overrides.remove(event.tenantId());
    }

    private RateLimiter.Limits limits(UUID tenantId) {
        long now = System.nanoTime();
        Cached cached = overrides.get(tenantId);
        if (cached == null || now - cached.loadedAtNanos() > OVERRIDES_TTL.toNanos()) {
            Tenant.RateLimitOverrides loaded =
                    tenants.find(tenantId).map(Tenant::rateLimits).orElse(Tenant.RateLimitOverrides.NONE);
            cached = new Cached(loaded, now);
            overrides.put(tenantId, cached);
        }
        return defaults.with(cached.overrides());
    }
}
