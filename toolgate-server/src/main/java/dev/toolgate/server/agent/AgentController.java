package dev.toolgate.server.agent;

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

/** {@code /v1/agents}: create, list, read and delete the tenant's agents. */
@RestController
@RequestMapping("/v1/agents")
@ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHENTICATED)
@ApiResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
class AgentController {

    private final AgentStore agents;

    AgentController(AgentStore agents) {
        this.agents = agents;
    }

    @PostMapping
    @RequiresScope(Scope.AGENTS_WRITE)
    @Operation(operationId = "createAgent", summary = "Create an agent", description = "Scope `agents:write`.")
    @ApiResponse(responseCode = "201", description = "The new agent.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "422", ref = ProblemResponses.VALIDATION_FAILED)
    ResponseEntity<AgentOut> create(@Parameter(hidden = true) Principal principal, @Valid @RequestBody AgentIn body) {
        Agent agent = agents.create(principal.tenantId(), body.name().trim(), body.description());
        return ResponseEntity.status(HttpStatus.CREATED).body(AgentOut.of(agent));
    }

    @GetMapping
    @RequiresScope(Scope.TOOLS_READ)
    @Operation(
            operationId = "listAgents",
            summary = "List agents",
            description = "The tenant's agents, oldest first. Scope `tools:read`.")
    @ApiResponse(responseCode = "200", description = "The agents.", useReturnTypeSchema = true)
    ListResponse<AgentOut> list(@Parameter(hidden = true) Principal principal) {
        return new ListResponse<>(
                agents.list(principal.tenantId()).stream().map(AgentOut::of).toList());
    }

    @GetMapping("/{agentId}")
    @RequiresScope(Scope.TOOLS_READ)
    @Operation(operationId = "getAgent", summary = "Get an agent", description = "Scope `tools:read`.")
    @ApiResponse(responseCode = "200", description = "The agent.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    AgentOut get(@Parameter(hidden = true) Principal principal, @PathVariable UUID agentId) {
        return AgentOut.of(agents.require(principal.tenantId(), agentId));
    }

    @DeleteMapping("/{agentId}")
    @RequiresScope(Scope.AGENTS_WRITE)
    @Operation(
            operationId = "deleteAgent",
            summary = "Delete an agent",
            description = "Deletes the agent and its tools. Scope `agents:write`.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    ResponseEntity<Void> delete(@Parameter(hidden = true) Principal principal, @PathVariable UUID agentId) {
        if (!agents.delete(principal.tenantId(), agentId)) {
            throw ApiException.notFound("agent");
        }
        return ResponseEntity.noContent().build();
    }
}
