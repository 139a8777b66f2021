package dev.toolgate.server.mcp;

import dev.toolgate.core.render.CallContext;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.invocation.ArrivalFilter;
import dev.toolgate.server.invocation.CallIn;
import dev.toolgate.server.tenant.AcceptsBearerToken;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/agents/{agentId}/mcp}: the agent's enabled tools as an MCP server over Streamable HTTP (docs/mcp.md).
 * Authenticated like the invoke API (scope {@code tools:invoke}; the key in {@code X-API-Key} or
 * {@code Authorization: Bearer}): no key is a 401 problem, another tenant's agent a 404 problem, before any MCP
 * message is read. Left out of the OpenAPI document: it speaks JSON-RPC, which OpenAPI cannot describe and its
 * generated clients cannot call (docs/api.md).
 */
@RestController
class McpController {

    /** The request header that names the live call, so repeats within it are recognised (docs/mcp.md). */
    static final String CALL_ID_HEADER = "X-Toolgate-Call-Id";

    /** The request header that gives the caller's number for {@code {{call.caller_number}}} templates. */
    static final String CALLER_NUMBER_HEADER = "X-Toolgate-Caller-Number";

    private final AgentStore agents;
    private final AgentMcpServer server;

    McpController(AgentStore agents, AgentMcpServer server) {
        this.agents = agents;
        this.server = server;
    }

    @Hidden
    @RequestMapping(
            path = "/v1/agents/{agentId}" + AgentMcpServer.ENDPOINT_SUFFIX,
            method = {RequestMethod.POST, RequestMethod.GET, RequestMethod.DELETE})
    @RequiresScope(Scope.TOOLS_INVOKE)
    @AcceptsBearerToken
    void serve(
            Principal principal,
            @PathVariable UUID agentId,
            @RequestParam(name = "tools", required = false) String tools,
            @RequestHeader(name = CALL_ID_HEADER, required = false) String callId,
            @RequestHeader(name = CALLER_NUMBER_HEADER, required = false) String callerNumber,
            @RequestAttribute(name = ArrivalFilter.ATTRIBUTE, required = false) Long arrival,
            HttpServletRequest request,
            HttpServletResponse response)
            throws ServletException, IOException {
        agents.require(principal.tenantId(), agentId);
        ToolSubset subset = ToolSubset.parse(tools);
        CallContext call = CallIn.toContext(new CallIn(callId, callerNumber, null), principal.tenantId(), agentId);
        long arrivedAt = arrival == null ? System.nanoTime() : arrival;
        server.serve(new McpCaller(agentId, subset, call, arrivedAt), request, response);
    }
}
