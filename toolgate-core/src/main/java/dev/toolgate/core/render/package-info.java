/**
 * Turning an {@code http_request} tool call into the exact request for the tenant endpoint, before signing.
 *
 * <p>{@link dev.toolgate.core.render.RequestRenderer} applies the body mode ({@code envelope}, or the arguments
 * as a JSON body or as query parameters), fills the URL's {@code {{args.NAME}}} path segments (one percent-encoded
 * segment each), the pinned query parameters, the tool's headers and auth (its package-private
 * {@code HeaderRenderer}), and the
 * {@code X-Toolgate-*}, {@code Idempotency-Key} and {@code User-Agent} headers, producing a
 * {@link dev.toolgate.core.render.RenderedRequest} that knows which headers and query values are secret.
 * {@link dev.toolgate.core.render.TemplateRenderer} fills in the {@code {{...}}} templates (their syntax is
 * {@link dev.toolgate.core.tool.TemplateSyntax}); {@link dev.toolgate.core.render.IdempotencyKey} computes the
 * {@code Idempotency-Key} (also the duplicate-call identity) from the call and the arguments;
 * {@link dev.toolgate.core.render.CallContext} is the live call; {@link dev.toolgate.core.render.SecretResolver}
 * looks up {@code {{secrets.NAME}}} (implemented by the server's tenant secret store);
 * {@link dev.toolgate.core.render.ReservedHeaders} are the names a tool may not set; a
 * {@link dev.toolgate.core.render.RenderException} carries the error when a request cannot be rendered.
 *
 * <p>Depends on {@code dev.toolgate.core.error}, {@code tool}, OkHttp
 * ({@code HttpUrl}, {@code Headers}) and Jackson. The wire format is described in the project's
 * {@code docs/request-response.md}.
 */
package dev.toolgate.core.render;
