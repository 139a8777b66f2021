package dev.toolgate.server.tenant;

import dev.toolgate.core.tool.FieldError;
import dev.toolgate.server.api.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v1/api-keys}: a tenant's admin creates, lists and deletes its own tenant's keys. A new key's value is in
 * the create response only; listings show its first characters.
 */
@RestController
@RequestMapping("/v1/api-keys")
class ApiKeyController {

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping
    @RequiresScope(Scope.ADMIN)
    ResponseEntity<Map<String, Object>> create(Principal principal, @RequestBody JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode name = body.get("name");
        if (name == null
                || !name.isString()
                || name.asString().isBlank()
                || name.asString().length() > 255) {
            errors.add(new FieldError("name", "is required, 1-255 characters"));
        }
        Set<Scope> scopes = new LinkedHashSet<>();
        JsonNode scopeList = body.get("scopes");
        if (scopeList == null || !scopeList.isArray() || scopeList.isEmpty()) {
            errors.add(new FieldError(
                    "scopes",
                    "is required: a non-empty array of agents:write, tools:read,"
                            + " tools:write, tools:invoke, invocations:read, admin"));
        } else {
            for (int i = 0; i < scopeList.size(); i++) {
                try {
                    scopes.add(Scope.fromWireName(scopeList.get(i).asString()));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("scopes[" + i + "]", e.getMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        ApiKeyService.CreatedKey key =
                keys.createKey(principal.tenantId(), name.asString().trim(), scopes, ApiKeyService.generateKey());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", key.id());
        json.put("name", name.asString().trim());
        json.put("key", key.key());
        json.put("scopes", key.scopes().stream().map(Scope::wireName).toList());
        return ResponseEntity.status(HttpStatus.CREATED).body(json);
    }

    @GetMapping
    @RequiresScope(Scope.ADMIN)
    Map<String, Object> list(Principal principal) {
        return Map.of(
                "data",
                keys.list(principal.tenantId()).stream()
                        .map(k -> {
                            Map<String, Object> json = new LinkedHashMap<>();
                            json.put("id", k.id());
                            json.put("name", k.name());
                            json.put("prefix", k.prefix());
                            json.put(
                                    "scopes",
                                    k.scopes().stream().map(Scope::wireName).toList());
                            json.put("created_at", k.createdAt());
                            return json;
                        })
                        .toList());
    }

    @DeleteMapping("/{keyId}")
    @RequiresScope(Scope.ADMIN)
    ResponseEntity<Void> delete(Principal principal, @PathVariable UUID keyId) {
        boolean deleted;
        try {
            deleted = keys.delete(principal.tenantId(), keyId);
        } catch (IllegalStateException e) {
            throw ApiException.conflict("last_admin_key", "This is the tenant's last admin key; create another first");
        }
        if (!deleted) {
            throw ApiException.notFound("API key");
        }
        return ResponseEntity.noContent().build();
    }
}
