package dev.toolgate.server.secrets;

import dev.toolgate.core.tool.FieldError;
import dev.toolgate.core.tool.ToolDefinitionWriter;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v1/secrets}: the calling tenant's secrets for {@code {{secrets.NAME}}} templates. Write-only: every read
 * shows {@code "value": "***"}.
 *
 * <ul>
 *   <li>{@code PUT /v1/secrets/{name}} {@code {"value": "..."}} (scope {@code tools:write}): 201 when created, 200
 *       when replaced. Name {@code ^[A-Za-z0-9_.-]{1,128}$}; value a non-empty string of at most
 *       {@value #MAX_VALUE_BYTES} UTF-8 bytes, not {@code "***"} (that is what reads show). 422 otherwise.</li>
 *   <li>{@code GET /v1/secrets} (scope {@code tools:read}): {@code {"data": [{"name", "value": "***", "created_at",
 *       "updated_at"}]}} by name.</li>
 *   <li>{@code GET /v1/secrets/{name}} (scope {@code tools:read}): one, or 404.</li>
 *   <li>{@code DELETE /v1/secrets/{name}} (scope {@code tools:write}): 204, or 404. Tools that use it then fail
 *       with {@code HTTP_TOOL_INTERNAL} naming the secret.</li>
 * </ul>
 * Another tenant's secrets do not exist for the caller (404, absent from the list).
 */
@RestController
@RequestMapping("/v1/secrets")
class TenantSecretController {

    /** The largest value accepted, in UTF-8 bytes. */
    static final int MAX_VALUE_BYTES = 8192;

    private final TenantSecretStore secrets;

    TenantSecretController(TenantSecretStore secrets) {
        this.secrets = secrets;
    }

    @PutMapping("/{name}")
    @RequiresScope(Scope.TOOLS_WRITE)
    ResponseEntity<Map<String, Object>> put(
            Principal principal, @PathVariable String name, @RequestBody JsonNode body) {
        checkName(name);
        JsonNode value = body == null ? null : body.get("value");
        String problem = value == null || value.isNull()
                ? "is required"
                : !value.isString()
                        ? "must be a string"
                        : value.stringValue().isEmpty()
                                ? "must not be empty"
                                : value.stringValue().equals(ToolDefinitionWriter.MASK)
                                        ? "is the masked placeholder \"***\" that reads show; send the real value"
                                        : value.stringValue().getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES
                                                ? "must be at most " + MAX_VALUE_BYTES + " bytes (UTF-8)"
                                                : null;
        if (problem != null) {
            throw ApiException.invalid(List.of(new FieldError("value", problem)));
        }
        TenantSecretStore.Saved saved = secrets.put(principal.tenantId(), name, value.stringValue());
        return saved.created()
                ? ResponseEntity.created(URI.create("/v1/secrets/" + name)).body(json(saved.secret()))
                : ResponseEntity.ok(json(saved.secret()));
    }

    @GetMapping
    @RequiresScope(Scope.TOOLS_READ)
    Map<String, Object> list(Principal principal) {
        return Map.of(
                "data",
                secrets.list(principal.tenantId()).stream()
                        .map(TenantSecretController::json)
                        .toList());
    }

    @GetMapping("/{name}")
    @RequiresScope(Scope.TOOLS_READ)
    Map<String, Object> get(Principal principal, @PathVariable String name) {
        checkName(name);
        return json(secrets.find(principal.tenantId(), name).orElseThrow(() -> ApiException.notFound("secret")));
    }

    @DeleteMapping("/{name}")
    @RequiresScope(Scope.TOOLS_WRITE)
    ResponseEntity<Void> delete(Principal principal, @PathVariable String name) {
        checkName(name);
        if (!secrets.delete(principal.tenantId(), name)) {
            throw ApiException.notFound("secret");
        }
        return ResponseEntity.noContent().build();
    }

    private static void checkName(String name) {
        if (!TenantSecretStore.NAME.matcher(name).matches()) {
            throw ApiException.invalid(List.of(new FieldError(
                    "name", "must be 1 to 128 characters of A-Z, a-z, 0-9, '_', '.' or '-' (as in {{secrets.NAME}})")));
        }
    }

    private static Map<String, Object> json(TenantSecret secret) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", secret.name());
        json.put("value", ToolDefinitionWriter.MASK);
        json.put("created_at", secret.createdAt().toString());
        json.put("updated_at", secret.updatedAt().toString());
        return json;
    }
}
