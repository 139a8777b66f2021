package dev.toolgate.core.render;

import java.util.Optional;
import java.util.UUID;

/**
 * Looks up a tenant's secret by name for {@code {{secrets.NAME}}} templates (the tenant secret store).
 * Implementations must be thread-safe, must only ever return the given tenant's secrets, and must not
 * log values.
 */
@FunctionalInterface
public interface SecretResolver {

    /** A resolver that knows no secrets: every {@code {{secrets.NAME}}} fails to render. */
    SecretResolver NONE = (tenantId, name) -> Optional.empty();

    /**
     * Returns the decrypted value of the tenant's secret {@code name}.
     *
     * @param tenantId the tenant that owns the tool being rendered
     * @param name the secret's name as written in the template, e.g. {@code crm_token}
     * @return the value, or empty when the tenant has no such secret
     */
    Optional<String> resolve(UUID tenantId, String name);
}
