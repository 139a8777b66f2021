package dev.toolgate.server.calls;

import dev.toolgate.core.telephony.Locality;
import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.invalidation.InvalidatingCache;
import dev.toolgate.server.invalidation.InvalidationBus;
import dev.toolgate.server.invalidation.InvalidationEvent;
import dev.toolgate.server.tenant.Tenant;
import dev.toolgate.server.tenant.TenantStore;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Where each tenant's callers are ({@link Locality}): the tenant's call settings ({@code PUT
 * /v1/tenants/{id}/call-settings}), each part falling back to {@code toolgate.calls.default-region} and
 * {@code toolgate.calls.time-zone}. Cached per tenant for {@link #TTL} and dropped when the settings change on any
 * instance ({@link InvalidationEvent.CallSettingsChanged}). Thread-safe.
 */
@Component
public class TenantLocalities implements Function<UUID, Locality> {

    /** How long a tenant's locality is reused without asking the database. */
    public static final Duration TTL = Duration.ofSeconds(5);

    private final TenantStore tenants;
    private final String defaultRegion;
    private final String defaultTimeZone;
    private final InvalidatingCache<UUID, Locality> cache;

    TenantLocalities(TenantStore tenants, ToolgateProperties properties, InvalidationBus invalidations) {
        this.tenants = tenants;
        this.defaultRegion = properties.calls().defaultRegion();
        this.defaultTimeZone = properties.calls().timeZone();
        this.cache = invalidations.cache(TTL);
        invalidations.subscribe(event -> {
            switch (event) {
                case InvalidationEvent.CallSettingsChanged changed -> cache.invalidate(changed.tenantId());
                case InvalidationEvent.Everything everything -> cache.invalidateAll();
                default -> {}
            }
        });
    }

    /** Returns the tenant's locality; an unknown tenant gets the deployment's. */
    @Override
    public Locality apply(UUID tenantId) {
        return cache.get(
                        tenantId,
                        id -> Optional.of(
                                of(tenants.find(id).map(Tenant::callSettings).orElse(Tenant.CallSettings.NONE))))
                .orElseThrow();
    }

    private Locality of(Tenant.CallSettings settings) {
        return new Locality(
                settings.region() == null ? defaultRegion : settings.region(),
                ZoneId.of(settings.timeZone() == null ? defaultTimeZone : settings.timeZone()));
    }
}
