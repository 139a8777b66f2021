package dev.toolgate.server.mcp;

import dev.toolgate.core.render.CallContext;
import java.util.UUID;

/**
 * Who an MCP request is for, settled by {@link McpController} before the SDK's transport sees the request, and
 * carried to {@link AgentToolsHandler} in the MCP transport context under {@link #CONTEXT_KEY}.
 *
 * @param agentId the agent of the path, already checked to belong to the API key's tenant
 * @param subset the tools this client asked for
 * @param call the call context: the tenant, the agent, and the call id and caller number from the request's
 *     {@code X-Toolgate-Call-Id} and {@code X-Toolgate-Caller-Number} headers (empty id and null number without them)
 * @param arrivedAtNanos when the HTTP request arrived ({@link System#nanoTime()}); a tool call's budget counts from it
 */
record McpCaller(UUID agentId, ToolSubset subset, CallContext call, long arrivedAtNanos) {

    /** The request attribute, and the MCP transport-context key, that hold the caller. */
    static final String CONTEXT_KEY = McpCaller.class.getName();
}
