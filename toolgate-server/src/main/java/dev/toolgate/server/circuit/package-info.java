/**
 * Circuit breakers per (tenant, endpoint {@code host:port}):
 * {@link dev.toolgate.server.circuit.ResilienceEndpointCircuits} implements the core's
 * {@link dev.toolgate.core.engine.EndpointCircuits} with Resilience4j, so an endpoint that keeps failing is paused
 * ({@code HTTP_TOOL_CIRCUIT_OPEN}) instead of costing every caller the full budget. State is per instance.
 *
 * <p>Depends on {@code core.engine}, {@code server.config} (the {@code toolgate.circuit-breaker.*} settings) and
 * Resilience4j.
 */
package dev.toolgate.server.circuit;
