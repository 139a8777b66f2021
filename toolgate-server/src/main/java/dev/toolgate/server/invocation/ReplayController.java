package dev.toolgate.server.invocation;

import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/invocations/{id}/replay}: the same tool, arguments and call context again, as a new invocation
 * linked to the original ({@code replay_of}). Answers like the invoke API.
 */
@RestController
class ReplayController {

    private final InvocationQueries queries;

    ReplayController(InvocationQueries queries) {
        this.queries = queries;
    }

    @Operation(operationId = "replayInvocation", summary = "Replay a logged invocation as a new one linked to it")
    @PostMapping("/v1/invocations/{id}/replay")
    @RequiresScope(Scope.TOOLS_INVOKE)
    InvocationOut replay(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID id,
            @RequestAttribute(name = ArrivalFilter.ATTRIBUTE, required = false) Long arrival) {
        return queries.replay(principal.tenantId(), id, ArrivalFilter.arrivedAt(arrival));
    }
}
