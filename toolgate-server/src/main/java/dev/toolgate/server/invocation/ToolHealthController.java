package dev.toolgate.server.invocation;

import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import dev.toolgate.server.tool.ToolStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/agents/{agentId}/tools/{toolId}/health?window=24h}: a tool's health over a window (default 24 h). */
@RestController
class ToolHealthController {

    private final AgentStore agents;
    private final ToolStore tools;
    private final ToolHealth health;

    ToolHealthController(AgentStore agents, ToolStore tools, ToolHealth health) {
        this.agents = agents;
        this.tools = tools;
        this.health = health;
    }

    @Operation(operationId = "getToolHealth", summary = "Get a tool's health over a window, from the invocation log")
    @GetMapping("/v1/agents/{agentId}/tools/{toolId}/health")
    @RequiresScope(Scope.INVOCATIONS_READ)
    ToolHealthOut health(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID agentId,
            @PathVariable UUID toolId,
            @RequestParam(defaultValue = "24h") String window) {
        agents.require(principal.tenantId(), agentId);
        tools.require(principal.tenantId(), agentId, toolId);
        Duration duration;
        try {
            duration = DurationStyle.detectAndParse(window);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("window", "window must be a duration such as 1h, 24h, 7d or PT30M");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(90)) > 0) {
            throw ApiException.invalidParameter("window", "window must be between 1s and 90d");
        }
        ToolHealth.Report report = health.report(principal.tenantId(), toolId, duration);
        return ToolHealthOut.of(toolId, duration.toSeconds(), report);
    }
}
