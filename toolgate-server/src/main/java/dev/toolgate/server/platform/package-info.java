/**
 * Behind the hosted voice platforms (docs/platforms.md): adapters that take Vapi's {@code tool-calls} server
 * message, Retell's custom-function request and ElevenLabs' server-tool webhook at
 * {@code /v1/agents/{agentId}/adapters/...}, and the tool exports that point the platforms at them
 * ({@code GET /v1/agents/{agentId}/functions?format=vapi|retell|elevenlabs}).
 *
 * <ul>
 *   <li>{@link dev.toolgate.server.platform.PlatformAdapterController} serves the adapters: it authenticates the
 *       platform ({@link dev.toolgate.server.platform.PlatformAuthenticator}: a shared secret compared in constant time,
 *       or {@link dev.toolgate.server.platform.RetellSignature}), reads its payload
 *       ({@link dev.toolgate.server.platform.PlatformPayloads}), maps its call id and caller number into the call
 *       context, runs each call through {@link dev.toolgate.server.invocation.InvocationService} (kind {@code vapi},
 *       {@code retell}, {@code elevenlabs}) and answers in the platform's shape.
 *   <li>{@link dev.toolgate.server.platform.PlatformExports} provides the export formats to {@code server.tool}
 *       through its {@link dev.toolgate.server.tool.ToolExportFormat} interface, with schemas cut to each
 *       platform's subset ({@link dev.toolgate.server.platform.PlatformSchemas}).
 * </ul>
 *
 * <p>Depends on {@code server.agent}, {@code server.api}, {@code server.config}, {@code server.invocation},
 * {@code server.secrets}, {@code server.tenant}, {@code server.tool}, the core's tool model, Jackson, springdoc
 * annotations and Spring MVC.
 */
package dev.toolgate.server.platform;
