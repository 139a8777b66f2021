package dev.toolgate.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every range of {@link ToolgateProperties} stops startup at its first value outside and lets its ends through. */
class PropertyRangesTest {

    @ParameterizedTest
    @CsvSource({
        "toolgate.budget, 99ms, 100ms",
        "toolgate.budget, 61s, 60s",
        "toolgate.max-response-bytes, 1023, 1024",
        "toolgate.invocation-log.preview-bytes, 8193, 8192",
        "toolgate.invocation-log.retention, 59m, 1h",
        "toolgate.invocation-log.queue-capacity, 999, 1000",
        "toolgate.invocation-log.write-retry-delay, 11s, 10s",
        "toolgate.duplicates.default-window, 301s, 300s",
        "toolgate.redis-timeout, 9ms, 10ms",
        "toolgate.invalidation.fallback-ttl, 11s, 10s",
        "toolgate.reencryption.batch-size, 0, 1",
        "toolgate.signing.rotation-overlap, 31d, 30d",
        "toolgate.circuit-breaker.failure-rate-threshold, 101, 100",
        "toolgate.circuit-breaker.open-duration, 0s, 1ms",
        "toolgate.rate-limit.tenant-per-minute, -1, 0"
    })
    void theFirstValueOutsideStopsStartupAndTheEndPasses(String name, String outside, String end) {
        Settings.bind(Map.of(name, end));

        assertThatThrownBy(() -> Settings.bind(Map.of(name, outside)))
                .satisfies(failure -> assertThat(Settings.messages(failure))
                        .contains("origin \"" + name + "\"")
                        .contains("default message [must be"));
    }

    @Test
    void aWindowSmallerThanTheMinimumCallsIsRefused() {
        assertThatThrownBy(() -> Settings.bind(Map.of(
                        "toolgate.circuit-breaker.minimum-calls", "10", "toolgate.circuit-breaker.window-size", "5")))
                .satisfies(failure ->
                        assertThat(Settings.messages(failure)).contains("window-size must be at least minimum-calls"));
    }

    @Test
    void theDefaultsPassTheirOwnRanges() {
        ToolgateProperties properties = Settings.bind(Map.of());

        assertThat(properties.budget()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.circuitBreaker().windowSize()).isEqualTo(20);
    }
}
