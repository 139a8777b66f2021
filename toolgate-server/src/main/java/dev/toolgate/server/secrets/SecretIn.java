package dev.toolgate.server.secrets;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /v1/secrets/{name}}.
 *
 * @param value the secret: a non-empty string of at most {@value TenantSecretController#MAX_VALUE_BYTES} UTF-8 bytes,
 *     not {@code "***"} (what reads show)
 */
@Schema(name = "SecretIn", description = "A tenant secret's value. Write-only: reads show \"***\".")
record SecretIn(
        @Schema(
                description =
                        "The value, at most " + TenantSecretController.MAX_VALUE_BYTES + " UTF-8 bytes; not \"***\".",
                example = "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
                writeOnly = true)
        @NotNull(message = "is required")
        @Size(min = 1, max = TenantSecretController.MAX_VALUE_BYTES, message = SecretIn.RULE)
        String value) {

    /** What a valid value is. */
    static final String RULE = "must be 1 to " + TenantSecretController.MAX_VALUE_BYTES + " bytes (UTF-8)";

    @Override
    public String toString() {
        return "SecretIn[value=***]";
    }
}
