package dev.toolgate.server.circuit;

import dev.toolgate.core.engine.EndpointCircuits;
import dev.toolgate.server.config.RuntimeSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@link EndpointCircuits} on Resilience4j: one count-based circuit breaker per (tenant, endpoint host:port).
 * It opens when at least {@code failure-rate-threshold} % of the last {@code window-size} calls failed (once
 * {@code minimum-calls} were made), fails calls at once while open, lets {@code half-open-calls} trial calls
 * through after {@code open-duration}, and closes again when they succeed. The clock is injected, so tests
 * move time instead of sleeping.
 */
public final class ResilienceEndpointCircuits implements EndpointCircuits {

    private static final Exception ENDPOINT_FAILED = new Exception("endpoint failure", null, false, false) {};

    private final CircuitBreakerRegistry registry;

    /**
     * @param settings thresholds and durations ({@code toolgate.circuit-breaker.*})
     * @param clock the clock of every breaker
     */
    public ResilienceEndpointCircuits(RuntimeSettings.CircuitBreaker settings, Clock clock) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindow(
                        settings.windowSize(),
                        settings.minimumCalls(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .writableStackTraceEnabled(false)
                .clock(clock)
                .build();
        this.registry = CircuitBreakerRegistry.of(config);
    }

    @Override
    public Permit tryAcquire(UUID tenantId, String endpoint) {
        CircuitBreaker breaker = registry.circuitBreaker(tenantId + "|" + endpoint);
        if (!breaker.tryAcquirePermission()) {
            return null;
        }
        return (result, durationNanos) -> {
            switch (result) {
                case SUCCESS -> breaker.onSuccess(durationNanos, TimeUnit.NANOSECONDS);
                case FAILURE -> breaker.onError(durationNanos, TimeUnit.NANOSECONDS, ENDPOINT_FAILED);
                case IGNORED -> breaker.releasePermission();
            }
        };
    }

    /** Returns the state of the breaker of (tenant, endpoint), e.g. {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}. */
    public CircuitBreaker.State state(UUID tenantId, String endpoint) {
        return registry.circuitBreaker(tenantId + "|" + endpoint).getState();
    }
}
