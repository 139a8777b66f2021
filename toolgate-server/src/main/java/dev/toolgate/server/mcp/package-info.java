/**
 * The MCP server: each agent's enabled tools as a Model Context Protocol server over Streamable HTTP at
 * {@code /v1/agents/{agentId}/mcp} (protocol revisions 2025-03-26 to 2025-11-25, stateless; docs/mcp.md).
 *
 * <ul>
 *   <li>{@link dev.toolgate.server.mcp.McpController} authenticates the request like every API request (API key in
 *       {@code X-API-Key} or {@code Authorization: Bearer}, scope {@code tools:invoke}, the agent of the caller's
 *       tenant), reads the optional {@code tools} subset and call headers, and hands the request to
 *       {@link dev.toolgate.server.mcp.AgentMcpServer}.
 *   <li>{@link dev.toolgate.server.mcp.AgentMcpServer} is the official MCP Java SDK's stateless Streamable HTTP
 *       transport ({@code HttpServletStatelessServerTransport}) and stateless server: JSON-RPC framing, the
 *       {@code Accept} and {@code Origin} checks, {@code initialize} and {@code ping} are the SDK's.
 *   <li>{@link dev.toolgate.server.mcp.AgentToolsHandler} answers {@code tools/list} (from
 *       {@link dev.toolgate.server.mcp.McpToolDescriptions}) and {@code tools/call} for the agent of each request:
 *       a call runs through {@link dev.toolgate.server.invocation.InvocationService}, the same pipeline as the
 *       invoke API, recorded with kind {@code mcp}.
 * </ul>
 *
 * <p>Depends on {@code server.agent}, {@code server.api}, {@code server.config}, {@code server.invocation},
 * {@code server.tenant}, {@code server.tool}, the core's tool model, the MCP Java SDK ({@code io.modelcontextprotocol}
 * with Reactor), Jackson and Spring MVC.
 */
package dev.toolgate.server.mcp;
