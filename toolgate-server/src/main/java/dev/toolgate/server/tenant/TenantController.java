package dev.toolgate.server.tenant;

import dev.toolgate.core.tool.FieldError;
import dev.toolgate.server.api.ApiException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v1/tenants}: the operator creates and lists tenants and sets their rate limits. The operator is an
 * {@code admin} key of the default tenant; any other key gets 403 here, except that a tenant's own admin may
 * read its own rate limits.
 */
@RestController
@RequestMapping("/v1/tenants")
class TenantController {

    private final TenantStore tenants;
    private final ApiKeyService keys;

    TenantController(TenantStore tenants, ApiKeyService keys) {
        this.tenants = tenants;
        this.keys = keys;
    }

    @PostMapping
    @RequiresScope(Scope.ADMIN)
    @Transactional
    ResponseEntity<Map<String, Object>> create(Principal principal, @RequestBody JsonNode body) {
        requireOperator(principal);
        JsonNode name = body.get("name");
        if (name == null
                || !name.isString()
                || name.asString().isBlank()
                || name.asString().length() > 255) {
            throw ApiException.invalid(List.of(new FieldError("name", "is required, 1-255 characters")));
        }
        Tenant tenant = tenants.create(name.asString().trim());
        ApiKeyService.CreatedKey key =
                keys.createKey(tenant.id(), "admin", EnumSet.of(Scope.ADMIN), ApiKeyService.generateKey());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", tenant.id());
        json.put("name", tenant.name());
        json.put("created_at", tenant.createdAt());
        json.put("api_key", key.key());
        return ResponseEntity.status(HttpStatus.CREATED).body(json);
    }

    @GetMapping
    @RequiresScope(Scope.ADMIN)
    Map<String, Object> list(Principal principal) {
        requireOperator(principal);
        return Map.of(
                "data", tenants.list().stream().map(TenantController::toJson).toList());
    }

    @GetMapping("/{tenantId}/rate-limits")
    @RequiresScope(Scope.ADMIN)
    Map<String, Object> rateLimits(Principal principal, @PathVariable UUID tenantId) {
        if (!principal.isOperator() && !principal.tenantId().equals(tenantId)) {
            throw ApiException.notFound("tenant");
        }
        return limitsJson(tenants.find(tenantId)
                .orElseThrow(() -> ApiException.notFound("tenant"))
                .rateLimits());
    }

    @PutMapping("/{tenantId}/rate-limits")
    @RequiresScope(Scope.ADMIN)
    Map<String, Object> setRateLimits(Principal principal, @PathVariable UUID tenantId, @RequestBody JsonNode body) {
        requireOperator(principal);
        List<FieldError> errors = new ArrayList<>();
        Tenant.RateLimitOverrides limits = new Tenant.RateLimitOverrides(
                limit(body, "tenant_per_minute", errors),
                limit(body, "tool_per_minute", errors),
                limit(body, "test_fire_per_minute", errors));
        for (var field : body.propertyNames()) {
            if (!List.of("tenant_per_minute", "tool_per_minute", "test_fire_per_minute")
                    .contains(field)) {
                errors.add(new FieldError(
                        field,
                        "is not a rate limit; use tenant_per_minute, tool_per_minute or" + " test_fire_per_minute"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (!tenants.updateRateLimits(tenantId, limits)) {
            throw ApiException.notFound("tenant");
        }
        return limitsJson(limits);
    }

    private static Integer limit(JsonNode body, String field, List<FieldError> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > 1_000_000) {
            errors.add(new FieldError(
                    field,
                    "must be an integer from 0 (unlimited) to 1000000, or null for the" + " deployment default"));
            return null;
        }
        return value.asInt();
    }

    private static Map<String, Object> limitsJson(Tenant.RateLimitOverrides limits) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tenant_per_minute", limits.tenantPerMinute());
        json.put("tool_per_minute", limits.toolPerMinute());
        json.put("test_fire_per_minute", limits.testFirePerMinute());
        return json;
    }

    private static Map<String, Object> toJson(Tenant tenant) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", tenant.id());
        json.put("name", tenant.name());
        json.put("created_at", tenant.createdAt());
        json.put("rate_limits", limitsJson(tenant.rateLimits()));
        return json;
    }

    private static void requireOperator(Principal principal) {
        if (!principal.isOperator()) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "operator_only",
                    "Only the operator (an admin key of the default tenant) manages tenants",
                    List.of());
        }
    }
}
