package dev.toolgate.server.console;

import dev.toolgate.server.agent.Agent;
import dev.toolgate.server.agent.AgentIn;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.tenant.BrowserSession;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Agents page: the tenant's agents, a form to create one, and deletion behind a confirmation page. Uses
 * {@link AgentStore} as {@code /v1/agents} does, and checks the form with the API's own {@link AgentIn} constraints.
 */
@Controller
@BrowserSession
@Hidden
class AgentPages {

    private final AgentStore agents;
    private final Validator validator;

    AgentPages(AgentStore agents, Validator validator) {
        this.agents = agents;
        this.validator = validator;
    }

    @GetMapping(ConsolePaths.BASE + "/agents")
    @RequiresScope(Scope.TOOLS_READ)
    String list(ConsoleSession session, Model model) {
        model.addAttribute("agents", agents.list(session.principal().tenantId()));
        model.addAttribute("maxName", Agent.MAX_NAME);
        model.addAttribute("maxDescription", Agent.MAX_DESCRIPTION);
        return "console/agents";
    }

    @PostMapping(ConsolePaths.BASE + "/agents")
    @RequiresScope(Scope.AGENTS_WRITE)
    String create(
            ConsoleSession session,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description,
            Model model,
            HttpServletResponse response) {
        AgentIn in = new AgentIn(name, description.isBlank() ? null : description.trim());
        Map<String, String> errors = new HashMap<>();
        for (ConstraintViolation<AgentIn> violation : validator.validate(in)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("nameError", errors.get("name"));
            model.addAttribute("descriptionError", errors.get("description"));
            model.addAttribute("name", name);
            model.addAttribute("description", description);
            return list(session, model);
        }
        Agent agent = agents.create(session.principal().tenantId(), in.name().trim(), in.description());
        return "redirect:" + ConsolePaths.BASE + "/agents/" + agent.id() + "/tools";
    }

    @GetMapping(ConsolePaths.BASE + "/agents/{agentId}/delete")
    @RequiresScope(Scope.AGENTS_WRITE)
    String confirmDelete(ConsoleSession session, @PathVariable UUID agentId, Model model) {
        model.addAttribute("agent", agents.require(session.principal().tenantId(), agentId));
        return "console/agent-delete";
    }

    @PostMapping(ConsolePaths.BASE + "/agents/{agentId}/delete")
    @RequiresScope(Scope.AGENTS_WRITE)
    String delete(ConsoleSession session, @PathVariable UUID agentId) {
        agents.require(session.principal().tenantId(), agentId);
        agents.delete(session.principal().tenantId(), agentId);
        return "redirect:" + ConsolePaths.BASE + "/agents";
    }
}
