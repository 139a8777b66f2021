package dev.toolgate.server.ratelimit;

import dev.toolgate.server.config.RuntimeSettings;
import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.invalidation.InvalidatingCache;
import dev.toolgate.server.invalidation.InvalidationBus;
import dev.toolgate.server.invalidation.InvalidationEvent;
import dev.toolgate.server.tenant.Tenant;
import dev.toolgate.server.tenant.TenantStore;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Applies the rate limits of one tenant: the deployment defaults ({@code TOOLGATE_RATE_LIMIT_*_PER_MINUTE}) with
 * the tenant's overrides, which are cached per tenant for {@link #OVERRIDES_TTL} and dropped when the operator
 * changes them on any instance ({@link InvalidationEvent.RateLimitsChanged}).
 */
@Service
public class TenantRateLimits {

    /** How long a tenant's overrides are reused without asking the database. */
    public static final Duration OVERRIDES_TTL = Duration.ofSeconds(5);

    private final RateLimiter limiter;
    private final TenantStore tenants;
    private final RateLimiter.Limits defaults;
    private final InvalidatingCache<UUID, Tenant.RateLimitOverrides> overrides;

    TenantRateLimits(
            RateLimiter limiter, TenantStore tenants, ToolgateProperties properties, InvalidationBus invalidations) {
        this.limiter = limiter;
        this.tenants = tenants;
        RuntimeSettings.RateLimit limits = properties.rateLimit();
        this.defaults =
                new RateLimiter.Limits(limits.tenantPerMinute(), limits.toolPerMinute(), limits.testFirePerMinute());
        this.overrides = invalidations.cache(OVERRIDES_TTL);
        invalidations.subscribe(event -> {
            switch (event) {
                case InvalidationEvent.RateLimitsChanged changed -> overrides.invalidate(changed.tenantId());
                case InvalidationEvent.Everything everything -> overrides.invalidateAll();
                default -> {}
            }
        });
    }

    /** Takes a token for one invocation of the tool (tool bucket, then tenant bucket). */
    public RateDecision acquireInvocation(UUID tenantId, UUID toolId) {
        return limiter.acquireInvocation(tenantId, toolId, limits(tenantId));
    }

    /** Takes a token from the tenant's test-fire bucket. */
    public RateDecision acquireTestFire(UUID tenantId) {
        return limiter.acquireTestFire(tenantId, limits(tenantId));
    }

    private RateLimiter.Limits limits(UUID tenantId) {
        Tenant.RateLimitOverrides loaded = overrides
                .get(
                        tenantId,
                        id -> Optional.of(
                                tenants.find(id).map(Tenant::rateLimits).orElse(Tenant.RateLimitOverrides.NONE)))
                .orElseThrow();
        return defaults.with(loaded);
    }
}
