package dev.toolgate.server.tenant;

import java.util.EnumSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a tenant with its first admin key, in one transaction: the rule {@code POST /v1/tenants} and the
 * console's Operator page share.
 */
@Service
public class TenantOnboarding {

    private final TenantStore tenants;
    private final ApiKeyService keys;

    TenantOnboarding(TenantStore tenants, ApiKeyService keys) {
        this.tenants = tenants;
        this.keys = keys;
    }

    /**
     * A new tenant and its admin key.
     *
     * @param tenant the tenant
     * @param adminKey its first key, scope {@code admin}; the value is to be shown this once
     */
    public record Onboarded(Tenant tenant, ApiKeyService.CreatedKey adminKey) {}

    /**
     * Creates the tenant {@code name} (surrounding white space removed) and an admin key named {@code admin}.
     *
     * @param name a name already checked against {@link TenantIn}'s constraints
     */
    @Transactional
    public Onboarded create(String name) {
        Tenant tenant = tenants.create(name.trim());
        ApiKeyService.CreatedKey key =
                keys.createKey(tenant.id(), "admin", EnumSet.of(Scope.ADMIN), ApiKeyService.generateKey());
        return new Onboarded(tenant, key);
    }
}
