/**
 * Live calls' variables (docs/voice-runtime.md, "Call variables"): the store the engine's {@code extract_variable}
 * and {@code response_variables} write and {@code {{vars.NAME}}} reads, in Redis when {@code toolgate.redis-url} is
 * set ({@link dev.toolgate.server.calls.RedisCallVariables}, shared by every instance) or in this process
 * ({@link dev.toolgate.core.variables.InMemoryCallVariables}); and {@code GET /v1/calls/{callId}/variables}, which
 * reads one of the tenant's calls; each tenant's locality ({@link dev.toolgate.server.calls.TenantLocalities}: its
 * call settings, else the deployment's); and the {@link dev.toolgate.core.engine.VoiceServices} the engine runs the
 * non-HTTP tool types with, including the overridable knowledge-base search.
 *
 * <p>Depends on {@code core.variables}, {@code server.config} (settings, the shared Redis), {@code server.tenant}
 * (scopes, tenants' call settings), {@code server.invalidation} (dropping cached call settings), {@code server.api}
 * (problems), Lettuce and Spring.
 */
package dev.toolgate.server.calls;
