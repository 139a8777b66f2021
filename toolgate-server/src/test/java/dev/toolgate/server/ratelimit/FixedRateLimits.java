package dev.toolgate.server.ratelimit;

import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.invalidation.LocalInvalidationBus;
import java.util.UUID;

/**
 * {@link TenantRateLimits} that give the decision a test sets, without buckets or a tenant store, and count how often
 * they were asked.
 */
public final class FixedRateLimits extends TenantRateLimits {

    private volatile RateDecision decision = RateDecision.ALLOWED;
    private volatile int asked;

    /** @param properties the settings (only read as the real limits read them when built) */
    public FixedRateLimits(ToolgateProperties properties) {
        super(null, null, properties, new LocalInvalidationBus());
    }

    /** Makes every later call get {@code next}. */
    public void decide(RateDecision next) {
        this.decision = next;
    }

    /** How many decisions were asked for. */
    public int asked() {
        return asked;
    }

    @Override
    public RateDecision acquireInvocation(UUID tenantId, UUID toolId) {
        asked++;
        return decision;
    }

    @Override
    public RateDecision acquireTestFire(UUID tenantId) {
        asked++;
        return decision;
    }
}
