package dev.toolgate.server.agent;

import dev.toolgate.core.tool.FieldError;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
class AgentController {

    private final AgentStore agents;

    AgentController(AgentStore agents) {
        this.agents = agents;
    }

    /** The body of {@code POST /v1/agents}. */
    record AgentIn(String name, String description) {}

    @PostMapping
    @RequiresScope(Scope.AGENTS_WRITE)
    ResponseEntity<Agent> create(Principal principal, @RequestBody AgentIn body) {
        List<FieldError> errors = new ArrayList<>();
        if (body.name() == null || body.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (body.name().length() > 255) {
            errors.add(new FieldError("name", "must be at most 255 characters"));
        }
        if (body.description() != null && body.description().length() > 2000) {
            errors.add(new FieldError("description", "must be at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(agents.create(principal.tenantId(), body.name().trim(), body.description()));
    }

    @GetMapping
    @RequiresScope(Scope.TOOLS_READ)
    Map<String, List<Agent>> list(Principal principal) {
        return Map.of("data", agents.list(principal.tenantId()));
    }

    @GetMapping("/{agentId}")
    @RequiresScope(Scope.TOOLS_READ)
    Agent get(Principal principal, @PathVariable UUID agentId) {
        return agents.require(principal.tenantId(), agentId);
    }

    @DeleteMapping("/{agentId}")
    @RequiresScope(Scope.AGENTS_WRITE)
    ResponseEntity<Void> delete(Principal principal, @PathVariable UUID agentId) {
        if (!agents.delete(principal.tenantId(), agentId)) {
            throw ApiException.notFound("agent");
        }
        return ResponseEntity.noContent().build();
    }
}
