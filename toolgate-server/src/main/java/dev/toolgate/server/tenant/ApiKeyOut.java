package dev.toolgate.server.tenant;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An API key as listings show it: never its value, only its first characters.
 *
 * @param id the key's id
 * @param name the name given at creation
 * @param prefix the key's first 8 characters
 * @param scopes its scopes
 * @param createdAt creation time
 */
@Schema(name = "ApiKeyOut", description = "An API key; only its first characters show.")
record ApiKeyOut(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "voice runtime")
        String name,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "tg_x4Zq0")
        String prefix,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Scope> scopes,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt) {

    static ApiKeyOut of(ApiKeyService.KeyInfo key) {
        return new ApiKeyOut(key.id(), key.name(), key.prefix(), List.copyOf(key.scopes()), key.createdAt());
    }
}
