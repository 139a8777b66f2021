package dev.toolgate.server.tenant;

import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.api.ListResponse;
import dev.toolgate.server.api.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
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

/**
 * {@code /v1/tenants}: the operator creates and lists tenants and sets their rate limits. The operator is an
 * {@code admin} key of the default tenant; any other key gets 403 here, except that a tenant's own admin may
 * read its own rate limits.
 */
@RestController
@RequestMapping("/v1/tenants")
@ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHENTICATED)
@ApiResponse(responseCode = "403", ref = ProblemResponses.OPERATOR_ONLY)
class TenantController {

    private final TenantStore tenants;
    private final TenantOnboarding onboarding;

    TenantController(TenantStore tenants, TenantOnboarding onboarding) {
        this.tenants = tenants;
        this.onboarding = onboarding;
    }

    @PostMapping
    @RequiresScope(Scope.ADMIN)
    @OperatorOnly
    @Transactional
    @Operation(
            operationId = "createTenant",
            summary = "Create a tenant",
            description = "Creates the tenant and its first admin key, whose value is in this answer only."
                    + " The operator only.")
    @ApiResponse(responseCode = "201", description = "The new tenant and its admin key.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "422", ref = ProblemResponses.VALIDATION_FAILED)
    ResponseEntity<TenantCreatedOut> create(@Valid @RequestBody TenantIn body) {
        TenantOnboarding.Onboarded onboarded = onboarding.create(body.name());
        Tenant tenant = onboarded.tenant();
        ApiKeyService.CreatedKey key = onboarded.adminKey();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new TenantCreatedOut(tenant.id(), tenant.name(), tenant.createdAt(), key.key()));
    }

    @GetMapping
    @RequiresScope(Scope.ADMIN)
    @OperatorOnly
    @Operation(operationId = "listTenants", summary = "List tenants", description = "Oldest first. The operator only.")
    @ApiResponse(responseCode = "200", description = "The tenants.", useReturnTypeSchema = true)
    ListResponse<TenantOut> list() {
        return new ListResponse<>(tenants.list().stream().map(TenantOut::of).toList());
    }

    @GetMapping("/{tenantId}/rate-limits")
    @RequiresScope(Scope.ADMIN)
    @Operation(
            operationId = "getRateLimits",
            summary = "Get a tenant's rate limits",
            description = "The operator, or an admin key of the tenant itself.")
    @ApiResponse(responseCode = "200", description = "The overrides.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    RateLimitsOut rateLimits(@Parameter(hidden = true) Principal principal, @PathVariable UUID tenantId) {
        if (!principal.isOperator() && !principal.tenantId().equals(tenantId)) {
            throw ApiException.notFound("tenant");
        }
        return RateLimitsOut.of(tenants.find(tenantId)
                .orElseThrow(() -> ApiException.notFound("tenant"))
                .rateLimits());
    }

    @PutMapping("/{tenantId}/rate-limits")
    @RequiresScope(Scope.ADMIN)
    @OperatorOnly
    @Operation(
            operationId = "setRateLimits",
            summary = "Set a tenant's rate limits",
            description = "Replaces all three overrides; every instance applies them at once. The operator only.")
    @ApiResponse(responseCode = "200", description = "The overrides now in force.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "422", ref = ProblemResponses.VALIDATION_FAILED)
    RateLimitsOut setRateLimits(@PathVariable UUID tenantId, @Valid @RequestBody RateLimitsIn body) {
        Tenant.RateLimitOverrides limits = body.overrides();
        if (!tenants.updateRateLimits(tenantId, limits)) {
            throw ApiException.notFound("tenant");
        }
        return RateLimitsOut.of(limits);
    }
}
