package dev.toolgate.server.tenant;

import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.api.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/tenants/{tenantId}/call-settings}: where a tenant's callers are, for the voice-runtime tools
 * (docs/voice-runtime.md): the region of national phone forms, spoken transfer destinations and numeric dates, and
 * the time zone of "today". The tenant's own admin key or the operator's reads and sets them; another tenant's are
 * not found.
 */
@RestController
@RequestMapping("/v1/tenants/{tenantId}/call-settings")
@ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHENTICATED)
@ApiResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
class CallSettingsController {

    private final TenantStore tenants;

    CallSettingsController(TenantStore tenants) {
        this.tenants = tenants;
    }

    @GetMapping
    @RequiresScope(Scope.ADMIN)
    @Operation(
            operationId = "getCallSettings",
            summary = "Get a tenant's call settings",
            description = "The operator, or an admin key of the tenant itself.")
    @ApiResponse(responseCode = "200", description = "The settings.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    CallSettingsOut get(@Parameter(hidden = true) Principal principal, @PathVariable UUID tenantId) {
        return CallSettingsOut.of(require(principal, tenantId).callSettings());
    }

    @PutMapping
    @RequiresScope(Scope.ADMIN)
    @Operation(
            operationId = "setCallSettings",
            summary = "Set a tenant's call settings",
            description = "Replaces both settings; every instance reads calls with them within a second. The"
                    + " operator, or an admin key of the tenant itself.")
    @ApiResponse(responseCode = "200", description = "The settings now in force.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "422", ref = ProblemResponses.VALIDATION_FAILED)
    CallSettingsOut set(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID tenantId,
            @Valid @RequestBody CallSettingsIn body) {
        require(principal, tenantId);
        Tenant.CallSettings settings = body.settings();
        if (!tenants.updateCallSettings(tenantId, settings)) {
            throw ApiException.notFound("tenant");
        }
        return CallSettingsOut.of(settings);
    }

    private Tenant require(Principal principal, UUID tenantId) {
        if (!principal.isOperator() && !principal.tenantId().equals(tenantId)) {
            throw ApiException.notFound("tenant");
        }
        return tenants.find(tenantId).orElseThrow(() -> ApiException.notFound("tenant"));
    }
}
