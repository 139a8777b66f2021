/**
 * Agents, the owners of tools: {@link dev.toolgate.server.agent.Agent} and
 * {@link dev.toolgate.server.agent.AgentStore} (every lookup confined to one tenant, cached per instance), served
 * as {@code /v1/agents} by a package-private controller.
 *
 * <p>Depends on {@code server.api} (errors), {@code server.tenant} ({@code Principal}, scopes),
 * Spring MVC and JDBC, Bean Validation, the OpenAPI annotations and Caffeine.
 */
package dev.toolgate.server.agent;
