package dev.toolgate.server.calls;

import dev.toolgate.core.render.CallContext;
import dev.toolgate.core.variables.CallVariables;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.api.ProblemResponses;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/calls/{callId}/variables}: what the tools of one of the tenant's live calls stored. Calls are the
 * tenant's own: the store is keyed by tenant and call id ({@link CallVariables#scope}), so another tenant's call of
 * the same id is never read. An unknown or expired call answers an empty map (call ids are the runtime's, not
 * resources Toolgate creates).
 */
@RestController
@ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHENTICATED)
@ApiResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
class CallVariablesController {

    private final CallVariables variables;

    CallVariablesController(CallVariables variables) {
        this.variables = variables;
    }

    @GetMapping("/v1/calls/{callId}/variables")
    @RequiresScope(Scope.INVOCATIONS_READ)
    @Operation(
            operationId = "getCallVariables",
            summary = "Get a call's variables",
            description = "The variables the tools of one live call stored (extract_variable, response_variables),"
                    + " sorted by name; empty for an unknown or expired call. Scope `invocations:read`.")
    @ApiResponse(responseCode = "200", description = "The call's variables.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    CallVariablesOut get(
            @Parameter(hidden = true) Principal principal,
            @Parameter(description = "The call's id, as sent in `call.id` (at most 255 characters).") @PathVariable
                    String callId) {
        if (callId.isBlank() || callId.length() > CallContext.MAX_ID_CHARS) {
            throw ApiException.invalidParameter(
                    "callId", "callId must be 1-" + CallContext.MAX_ID_CHARS + " characters");
        }
        return new CallVariablesOut(
                callId, new TreeMap<>(variables.variables(CallVariables.scope(principal.tenantId(), callId))));
    }
}
