package dev.toolgate.server.tenant;

import dev.toolgate.server.api.ApiErrorCode;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.api.ListResponse;
import dev.toolgate.server.api.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashSet;
import java.util.List;
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

/**
 * {@code /v1/api-keys}: a tenant's admin creates, lists and deletes its own tenant's keys. A new key's value is in
 * the create response only; listings show its first characters.
 */
@RestController
@RequestMapping("/v1/api-keys")
@ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHENTICATED)
@ApiResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
class ApiKeyController {

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping
    @RequiresScope(Scope.ADMIN)
    @Operation(
            operationId = "createApiKey",
            summary = "Create an API key",
            description = "The key's value is in this answer only. Scope `admin`.")
    @ApiResponse(responseCode = "201", description = "The new key, shown this once.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "422", ref = ProblemResponses.VALIDATION_FAILED)
    ResponseEntity<ApiKeyCreatedOut> create(
            @Parameter(hidden = true) Principal principal, @Valid @RequestBody ApiKeyIn body) {
        String name = body.name().trim();
        Set<Scope> scopes = new LinkedHashSet<>(body.scopes());
        ApiKeyService.CreatedKey key = keys.createKey(principal.tenantId(), name, scopes, ApiKeyService.generateKey());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new ApiKeyCreatedOut(key.id(), name, key.key(), List.copyOf(key.scopes())));
    }

    @GetMapping
    @RequiresScope(Scope.ADMIN)
    @Operation(
            operationId = "listApiKeys",
            summary = "List API keys",
            description = "Oldest first; values never show. Scope `admin`.")
    @ApiResponse(responseCode = "200", description = "The keys.", useReturnTypeSchema = true)
    ListResponse<ApiKeyOut> list(@Parameter(hidden = true) Principal principal) {
        return new ListResponse<>(
                keys.list(principal.tenantId()).stream().map(ApiKeyOut::of).toList());
    }

    @DeleteMapping("/{keyId}")
    @RequiresScope(Scope.ADMIN)
    @Operation(
            operationId = "deleteApiKey",
            summary = "Delete an API key",
            description = "The key stops working at once on the instance that deletes it and within seconds on"
                    + " the others. A tenant keeps at least one admin key. Scope `admin`.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ProblemResponses.LAST_ADMIN_KEY)
    ResponseEntity<Void> delete(@Parameter(hidden = true) Principal principal, @PathVariable UUID keyId) {
        boolean deleted;
        try {
            deleted = keys.delete(principal.tenantId(), keyId);
        } catch (IllegalStateException e) {
            throw new ApiException(
                    ApiErrorCode.LAST_ADMIN_KEY, "This is the tenant's last admin key; create another first");
        }
        if (!deleted) {
            throw ApiException.notFound("API key");
        }
        return ResponseEntity.noContent().build();
    }
}
