package dev.toolgate.server.tenant;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * The answer of {@code POST /v1/tenants}: the tenant and its first admin key, shown this once.
 *
 * @param id the tenant's id
 * @param name the display name
 * @param createdAt creation time
 * @param apiKey the value of the tenant's admin key; stored only as a hash, never shown again
 */
@Schema(name = "TenantCreatedOut", description = "A new tenant and its admin key, shown this once.")
record TenantCreatedOut(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Acme Dental")
        String name,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The tenant's admin key, shown this once.",
                example = "tg_x4Zq0u7Jd0r9mVfQy2W8c1bKp3nLs6tEa5hGi4oNj8U")
        String apiKey) {

    @Override
    public String toString() {
        return "TenantCreatedOut[id=" + id + ", name=" + name + ", apiKey=***]";
    }
}
