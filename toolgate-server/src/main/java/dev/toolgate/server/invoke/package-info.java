/**
 * The voice runtime's side of the API: {@code POST /v1/agents/{id}/invocations}, {@code …/tool-calls} (an OpenAI
 * assistant message's {@code tool_calls}, run concurrently), {@code …/tools/{toolId}/test} (test fire) and
 * {@code POST /v1/invocations/{id}/replay}, served by package-private controllers.
 * {@link dev.toolgate.server.invoke.InvocationService} adapts them to the core: it finds the tool, applies rate
 * limits and duplicate-call reuse, runs the {@link dev.toolgate.core.engine.ToolEngine}, records the invocation and
 * shapes the answer. A tool failure is a 200 with {@code status: error}.
 *
 * <p>Depends on the core ({@code args}, {@code egress}, {@code engine}, {@code error}, {@code exec},
 * {@code render}, {@code signing}, {@code tool}), on {@code server.agent}, {@code api}, {@code config},
 * {@code duplicate}, {@code invocation}, {@code ratelimit}, {@code tenant} and {@code tool}, on Micrometer and on
 * Spring MVC. No other package depends on it. The wire format is in the project's
 * {@code docs/request-response.md}.
 */
package dev.toolgate.server.invoke;
