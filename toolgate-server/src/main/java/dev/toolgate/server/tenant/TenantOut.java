package dev.toolgate.server.tenant;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A tenant as the operator sees it.
 *
 * @param id the tenant's id
 * @param name the display name
 * @param createdAt creation time
 * @param rateLimits its overrides of the deployment's rate limits
 */
@Schema(name = "TenantOut", description = "A tenant and its rate-limit overrides.")
record TenantOut(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Acme Dental")
        String name,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) RateLimitsOut rateLimits) {

    static TenantOut of(Tenant tenant) {
        return new TenantOut(tenant.id(), tenant.name(), tenant.createdAt(), RateLimitsOut.of(tenant.rateLimits()));
    }
}
