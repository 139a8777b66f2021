package dev.toolgate.server.secrets;

import dev.toolgate.core.tool.ToolDefinitionWriter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A tenant secret as reads show it: never its value.
 *
 * @param name the name, as in {@code {{secrets.NAME}}}
 * @param value always {@code "***"}
 * @param createdAt creation time
 * @param updatedAt last change of the value
 */
@Schema(name = "SecretOut", description = "A tenant secret; its value always shows as \"***\".")
record SecretOut(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "CRM_TOKEN")
        String name,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = ToolDefinitionWriter.MASK)
        String value,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) {

    static SecretOut of(TenantSecret secret) {
        return new SecretOut(secret.name(), ToolDefinitionWriter.MASK, secret.createdAt(), secret.updatedAt());
    }
}
