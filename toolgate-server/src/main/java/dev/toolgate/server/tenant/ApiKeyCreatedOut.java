package dev.toolgate.server.tenant;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * The answer of {@code POST /v1/api-keys}: the new key, its value shown this once.
 *
 * @param id the key's id
 * @param name the name given
 * @param key the key's value; stored only as a hash, never shown again
 * @param scopes its scopes
 */
@Schema(name = "ApiKeyCreatedOut", description = "A new API key; its value is shown this once.")
record ApiKeyCreatedOut(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "voice runtime")
        String name,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The key, shown this once; send it as X-API-Key.",
                example = "tg_x4Zq0u7Jd0r9mVfQy2W8c1bKp3nLs6tEa5hGi4oNj8U")
        String key,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Scope> scopes) {

    @Override
    public String toString() {
        return "ApiKeyCreatedOut[id=" + id + ", name=" + name + ", key=***, scopes=" + scopes + "]";
    }
}
