package dev.toolgate.server.circuit;

import dev.toolgate.server.config.ToolgateProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the engine's {@link dev.toolgate.core.engine.EndpointCircuits}: {@link ResilienceEndpointCircuits} with
 * the {@code toolgate.circuit-breaker.*} settings. Declared here rather than in {@code server.config}, so that
 * {@code config} sees only the core interface and the two packages form no cycle.
 */
@Configuration(proxyBeanMethods = false)
class CircuitConfiguration {

    @Bean
    ResilienceEndpointCircuits endpointCircuits(ToolgateProperties properties, Clock clock) {
        return new ResilienceEndpointCircuits(properties.circuitBreaker(), clock);
    }
}
