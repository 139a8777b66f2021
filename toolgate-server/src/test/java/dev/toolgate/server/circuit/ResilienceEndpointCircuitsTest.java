package dev.toolgate.server.circuit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.engine.EndpointCircuits;
import dev.toolgate.core.engine.EndpointCircuits.CallResult;
import dev.toolgate.server.MutableClock;
import dev.toolgate.server.config.RuntimeSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResilienceEndpointCircuitsTest {

    private static final String ENDPOINT = "crm.example.com:443";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final ResilienceEndpointCircuits circuits = new ResilienceEndpointCircuits(
            new RuntimeSettings.CircuitBreaker(50, 4, 10, Duration.ofSeconds(30), 2), clock);
    private final UUID tenant = UUID.randomUUID();

    private void call(CallResult result) {
        EndpointCircuits.Permit permit = circuits.tryAcquire(tenant, ENDPOINT);
        assertThat(permit).as("permit").isNotNull();
        permit.complete(result, 1_000_000);
    }

    @Test
    void staysClosedBelowTheMinimumNumberOfCalls() {
        call(CallResult.FAILURE);
        call(CallResult.FAILURE);
        call(CallResult.FAILURE);

        assertThat(circuits.state(tenant, ENDPOINT)).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(circuits.tryAcquire(tenant, ENDPOINT)).isNotNull();
    }

    @Test
    void opensAtTheThresholdAndThenRefusesAtOnce() {
        call(CallResult.SUCCESS);
        call(CallResult.SUCCESS);
        call(CallResult.FAILURE);
        call(CallResult.FAILURE);

        assertThat(circuits.state(tenant, ENDPOINT)).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(circuits.tryAcquire(tenant, ENDPOINT)).isNull();
        assertThat(circuits.tryAcquire(UUID.randomUUID(), ENDPOINT))
                .as("another tenant's circuit")
                .isNotNull();
        assertThat(circuits.tryAcquire(tenant, "other.example.com:443"))
                .as("another endpoint")
                .isNotNull();
    }

    @Test
    void halfOpensAfterTheOpenDurationAndClosesWhenTrialCallsSucceed() {
        for (int i = 0; i < 4; i++) {
            call(CallResult.FAILURE);
        }
        clock.advance(Duration.ofSeconds(29));
        assertThat(circuits.tryAcquire(tenant, ENDPOINT)).isNull();

        clock.advance(Duration.ofSeconds(2));
        call(CallResult.SUCCESS);
        assertThat(circuits.state(tenant, ENDPOINT)).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        call(CallResult.SUCCESS);

        assertThat(circuits.state(tenant, ENDPOINT)).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aFailedTrialCallOpensItAgain() {
        for (int i = 0; i < 4; i++) {
            call(CallResult.FAILURE);
        }
        clock.advance(Duration.ofSeconds(31));

        call(CallResult.FAILURE);
        call(CallResult.FAILURE);

        assertThat(circuits.state(tenant, ENDPOINT)).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void ignoredResultsDoNotCount() {
        for (int i = 0; i < 10; i++) {
            call(CallResult.IGNORED);
        }

        assertThat(circuits.state(tenant, ENDPOINT)).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
