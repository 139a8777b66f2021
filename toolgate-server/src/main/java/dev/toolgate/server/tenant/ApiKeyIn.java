package dev.toolgate.server.tenant;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /v1/api-keys}, and of the console's key form (checked by the same Bean Validation).
 *
 * @param name a name to recognise the key by, 1–{@value Tenant#MAX_NAME} characters, not blank
 * @param scopes what the key may do; at least one
 */
@Schema(name = "ApiKeyIn", description = "A new API key of the caller's tenant.")
public record ApiKeyIn(
        @Schema(example = "voice runtime")
        @NotBlank(message = TenantIn.NAME_RULE)
        @Size(min = 1, max = Tenant.MAX_NAME, message = TenantIn.NAME_RULE)
        String name,

        @ArraySchema(arraySchema = @Schema(example = "[\"tools:read\", \"tools:invoke\"]"), minItems = 1)
        @NotEmpty(message = "is required: a non-empty array of scope names")
        List<@NotNull(message = "must be a scope name") Scope> scopes) {}
