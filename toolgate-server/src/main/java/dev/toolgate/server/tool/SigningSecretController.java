package dev.toolgate.server.tool;

import dev.toolgate.server.api.ProblemResponses;
import dev.toolgate.server.secrets.SigningSecretStore;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/agents/{agentId}/tools/{toolId}/signing-secret/rotate} (scope {@code tools:write}): issues a new
 * signing secret, shown once, while the previous one keeps signing for the overlap window
 * ({@code toolgate.signing.rotation-overlap}, 24 h by default; see {@link SigningSecretStore} for the rules).
 *
 * <p>Body, optional: {@link RotationIn} {@code {"overlap_seconds": N}} to shorten the window for this rotation,
 * 0..the configured overlap; 0 ends every older secret at once (for a leaked secret). Answer: {@link RotationOut}
 * {@code {"signing_secret": "<new>", "previous_expires_at": "<ISO-8601 instant, or null when there was none>",
 * "overlap_seconds": N, "active_signing_secrets": n}}. 404 for a tool of another tenant or agent; 422 for a bad
 * {@code overlap_seconds} or an unknown field.
 */
@RestController
class SigningSecretController {

    private final ToolService service;

    SigningSecretController(ToolService service) {
        this.service = service;
    }

    @PostMapping("/v1/agents/{agentId}/tools/{toolId}/signing-secret/rotate")
    @RequiresScope(Scope.TOOLS_WRITE)
    @Operation(
            operationId = "rotateSigningSecret",
            summary = "Rotate a tool's signing secret",
            description = "Issues a new signing secret, shown once; the previous ones keep signing for the overlap"
                    + " window (toolgate.signing.rotation-overlap, 24 h by default) unless overlap_seconds shortens"
                    + " it. The body is optional. Scope `tools:write`.")
    @ApiResponse(responseCode = "200", description = "The new secret.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHENTICATED)
    @ApiResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "422", ref = ProblemResponses.VALIDATION_FAILED)
    RotationOut rotate(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID agentId,
            @PathVariable UUID toolId,
            @Valid @RequestBody(required = false) RotationIn body) {
        return RotationOut.of(service.rotateSigningSecret(
                principal.tenantId(), agentId, toolId, body == null ? null : body.overlapSeconds()));
    }
}
