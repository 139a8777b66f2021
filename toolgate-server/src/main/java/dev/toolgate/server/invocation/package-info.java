/**
 * Invocations, end to end: the voice runtime's side of the API and the invocation log.
 *
 * <ul>
 *   <li>Package-private controllers serve {@code POST /v1/agents/{id}/invocations}, {@code …/tool-calls} (an OpenAI
 *       assistant message's {@code tool_calls}, run concurrently), {@code …/tools/{toolId}/test} (test fire),
 *       {@code POST /v1/invocations/{id}/replay}, {@code GET /v1/agents/{id}/invocations},
 *       {@code GET /v1/invocations/{id}}, its curl export, the DTMF audio of a {@code play_tone} invocation
 *       ({@code …/audio}) and {@code …/tools/{toolId}/health}. The invoke API also answers as an event stream
 *       ({@code event: speak}, then {@code event: result}) and as TwiML, chosen by {@code Accept}
 *       ({@code RuntimeInvocationController}; docs/voice-runtime.md).
 *   <li>{@link dev.toolgate.server.invocation.InvocationService} adapts them, and the other front doors (the MCP server
 *       of {@code server.mcp}, the voice-platform adapters of {@code server.platform}; each an
 *       {@link dev.toolgate.server.invocation.InvocationKind}), to the core: it finds the tool,
 *       applies rate limits and duplicate-call reuse, runs the {@link dev.toolgate.core.engine.ToolEngine}, records
 *       the invocation and shapes the answer. A tool failure is a 200 with {@code status: error}.
 *   <li>{@link dev.toolgate.server.invocation.InvocationLog} records every invocation and test fire (not dry runs)
 *       as an {@link dev.toolgate.server.invocation.InvocationRecord}, secrets masked, through a bounded queue and a
 *       background writer, so callers never wait on the database; {@link dev.toolgate.server.invocation.PiiMasker}
 *       masks personal data in the response preview only; {@link dev.toolgate.server.invocation.RetentionJob}
 *       deletes old records; {@link dev.toolgate.server.invocation.ToolHealth} computes a tool's health.
 * </ul>
 *
 * <p>Depends on the core, on {@code server.agent}, {@code api}, {@code config}, {@code duplicate},
 * {@code ratelimit}, {@code tenant} and {@code tool}, on Micrometer, libphonenumber, Apache Commons Validator,
 * Jackson and Spring JDBC and MVC. The wire format is in {@code docs/request-response.md}.
 */
package dev.toolgate.server.invocation;
