package dev.toolgate.server.tenant;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: the tenant and the scopes of the API key presented in {@code X-API-Key}.
 *
 * @param tenantId the key's tenant; every resource lookup is confined to it
 * @param keyId the key's id
 * @param scopes the key's scopes
 */
public record Principal(UUID tenantId, UUID keyId, Set<Scope> scopes) {
    public Principal {
        scopes = Set.copyOf(scopes);
    }

    /**
     * Returns whether this is the operator: an {@code admin} key of the default tenant (the tenant that owns the
     * bootstrap key). Only the operator manages tenants and their rate limits.
     */
    public boolean isOperator() {
        return tenantId.equals(ApiKeyService.DEFAULT_TENANT_ID) && scopes.contains(Scope.ADMIN);
    }

    /** Returns whether the key carries {@code scope}, or {@code admin}. */
    public boolean has(Scope scope) {
        return scopes.contains(scope) || scopes.contains(Scope.ADMIN);
    }
}
