package dev.toolgate.server.tenant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /v1/tenants}.
 *
 * @param name a display name, 1–{@value Tenant#MAX_NAME} characters, not blank; stored without surrounding white space
 */
@Schema(name = "TenantIn", description = "A new tenant.")
public record TenantIn(
        @Schema(example = "Acme Dental")
        @NotBlank(message = TenantIn.NAME_RULE)
        @Size(min = 1, max = Tenant.MAX_NAME, message = TenantIn.NAME_RULE)
        String name) {

    /** What a valid name is, for tenants and API keys. */
    static final String NAME_RULE = "is required, 1-" + Tenant.MAX_NAME + " characters";
}
