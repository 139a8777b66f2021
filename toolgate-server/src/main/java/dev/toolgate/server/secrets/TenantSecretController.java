package dev.toolgate.server.secrets;

import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.api.ListResponse;
import dev.toolgate.server.api.ProblemResponses;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/secrets}: the calling tenant's secrets for {@code {{secrets.NAME}}} templates. Write-only: every read
 * shows {@code "value": "***"}.
 *
 * <ul>
 *   <li>{@code PUT /v1/secrets/{name}} {@code {"value": "..."}} (scope {@code tools:write}): 201 when created, 200
 *       when replaced. Name {@value TenantSecretStore#NAME_REGEX}; value a non-empty string of at most
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
@ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHENTICATED)
@ApiResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
class TenantSecretController {

    /** The largest value accepted, in UTF-8 bytes. */
    static final int MAX_VALUE_BYTES = 8192;

    private static final String NAME_RULE =
            "must be 1 to 128 characters of A-Z, a-z, 0-9, '_', '.' or '-' (as in {{secrets.NAME}})";

    private final TenantSecretStore secrets;

    TenantSecretController(TenantSecretStore secrets) {
        this.secrets = secrets;
    }

    @PutMapping("/{name}")
    @RequiresScope(Scope.TOOLS_WRITE)
    @Operation(operationId = "setSecret", summary = "Create or replace a secret", description = "Scope `tools:write`.")
    @ApiResponse(responseCode = "200", description = "Replaced.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "201", description = "Created.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "422", ref = ProblemResponses.VALIDATION_FAILED)
    ResponseEntity<SecretOut> put(
            @Parameter(hidden = true) Principal principal,
            @Parameter(description = "The name, as in {{secrets.NAME}}.", example = "CRM_TOKEN")
                    @PathVariable
                    @Pattern(regexp = TenantSecretStore.NAME_REGEX, message = NAME_RULE)
                    String name,
            @Valid @RequestBody SecretIn body) {
        String value = body.value();
        TenantSecretStore.requireStorable(value);
        TenantSecretStore.Saved saved = secrets.put(principal.tenantId(), name, value);
        SecretOut out = SecretOut.of(saved.secret());
        return saved.created()
                ? ResponseEntity.created(URI.create("/v1/secrets/" + name)).body(out)
                : ResponseEntity.ok(out);
    }

    @GetMapping
    @RequiresScope(Scope.TOOLS_READ)
    @Operation(operationId = "listSecrets", summary = "List secrets", description = "By name. Scope `tools:read`.")
    @ApiResponse(responseCode = "200", description = "The secrets, values masked.", useReturnTypeSchema = true)
    ListResponse<SecretOut> list(@Parameter(hidden = true) Principal principal) {
        return new ListResponse<>(
                secrets.list(principal.tenantId()).stream().map(SecretOut::of).toList());
    }

    @GetMapping("/{name}")
    @RequiresScope(Scope.TOOLS_READ)
    @Operation(operationId = "getSecret", summary = "Get a secret", description = "Scope `tools:read`.")
    @ApiResponse(responseCode = "200", description = "The secret, value masked.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @ApiResponse(responseCode = "422", ref = ProblemResponses.VALIDATION_FAILED)
    SecretOut get(
            @Parameter(hidden = true) Principal principal,
            @PathVariable @Pattern(regexp = TenantSecretStore.NAME_REGEX, message = NAME_RULE) String name) {
        return SecretOut.of(
                secrets.find(principal.tenantId(), name).orElseThrow(() -> ApiException.notFound("secret")));
    }

    @DeleteMapping("/{name}")
    @RequiresScope(Scope.TOOLS_WRITE)
    @Operation(
            operationId = "deleteSecret",
            summary = "Delete a secret",
            description = "Tools that use it then fail with HTTP_TOOL_INTERNAL naming it. Scope `tools:write`.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @ApiResponse(responseCode = "422", ref = ProblemResponses.VALIDATION_FAILED)
    ResponseEntity<Void> delete(
            @Parameter(hidden = true) Principal principal,
            @PathVariable @Pattern(regexp = TenantSecretStore.NAME_REGEX, message = NAME_RULE) String name) {
        if (!secrets.delete(principal.tenantId(), name)) {
            throw ApiException.notFound("secret");
        }
        return ResponseEntity.noContent().build();
    }
}
