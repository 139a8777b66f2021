/**
 * The data plane's front: a servlet filter ahead of Spring MVC that serves a voice runtime's tool calls as JSON
 * ({@code POST /v1/agents/{id}/invocations} and {@code …/tool-calls}) through the same beans as the controllers,
 * and hands every other request, refusals included, to Spring MVC unchanged (docs/architecture.md, "Data plane and
 * control plane").
 *
 * <p>The steps themselves ({@code DataPlaneHandler}: route, key, agent, body, call, answer) know no HTTP server; the
 * filter adapts them to the servlet filter chain.
 *
 * <p>Depends on {@code server.invocation} (the service and the request and answer records), {@code tenant} (the API
 * key), {@code agent}, {@code api} and {@code config}, on the Servlet API, Jackson, Bean Validation and Micrometer.
 * Nothing depends on it.
 */
package dev.toolgate.server.dataplane;
