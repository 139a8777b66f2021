package dev.toolgate.core.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryCallVariablesTest {

    private final TestClock clock = new TestClock(Instant.parse("2027-03-05T10:00:00Z"));
    private final InMemoryCallVariables store = new InMemoryCallVariables(clock, CallVariables.DEFAULT_LIFETIME, 3);

    @Test
    void keepsVariablesPerCall() {
        store.put("call-1", "email", "jane@example.com");
        store.put("call-2", "email", "joe@example.com");

        assertThat(store.variables("call-1")).containsExactly(Map.entry("email", "jane@example.com"));
        assertThat(store.variables("call-2")).containsExactly(Map.entry("email", "joe@example.com"));
        assertThat(store.variables("call-3")).isEmpty();
    }

    @Test
    void forgetsACallTwoHoursAfterItsLastWrite() {
        store.put("call-1", "a", "1");
        clock.advance(Duration.ofMinutes(90));
        store.put("call-1", "b", "2");
        clock.advance(Duration.ofMinutes(119));

        assertThat(store.variables("call-1")).containsOnlyKeys("a", "b");

        clock.advance(Duration.ofMinutes(1));

        assertThat(store.variables("call-1")).isEmpty();
        assertThat(store.lifetime()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void holdsAtMostMaxCalls() {
        for (int i = 0; i < 10; i++) {
            store.put("call-" + i, "n", Integer.toString(i));
        }
        store.calls().cleanUp();

        assertThat(store.calls().estimatedSize()).isLessThanOrEqualTo(3);
    }

    @Test
    void keepsPendingValuesApartUntilStored() {
        store.putPending("call-1", "email", "jane@example.com");

        assertThat(store.pending("call-1", "email")).contains("jane@example.com");
        assertThat(store.variables("call-1")).isEmpty();

        store.put("call-1", "email", "jane@example.com");

        assertThat(store.pending("call-1", "email")).isEmpty();
        assertThat(store.variables("call-1")).containsEntry("email", "jane@example.com");
    }

    @Test
    void clearsAPendingValue() {
        store.putPending("call-1", "email", "jane@example.com");
        store.clearPending("call-1", "email");
        store.clearPending("call-unknown", "email");

        assertThat(store.pending("call-1", "email")).isEmpty();
    }

    @Test
    void refusesTheHundredAndFirstVariableOfACallButStillReplacesOldOnes() {
        Map<String, String> hundred = new LinkedHashMap<>();
        for (int i = 0; i < CallVariables.MAX_VARIABLES_PER_CALL; i++) {
            hundred.put("v" + i, "x");
        }
        assertThat(store.putAll("call-1", hundred)).isEmpty();

        assertThat(store.put("call-1", "one_more", "x")).isFalse();
        assertThat(store.putAll("call-1", Map.of("v0", "y", "another", "z"))).containsExactly("another");
        assertThat(store.variables("call-1")).hasSize(100).containsEntry("v0", "y");
    }

    @Test
    void refusesOverlongValues() {
        assertThatThrownBy(() -> store.put("call-1", "a", "x".repeat(1001)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.putPending("call-1", "a", "x".repeat(1001)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.put("call-1", "a", "x".repeat(1000))).isTrue();
    }

    @Test
    void refusesAPointlessLifetimeOrSize() {
        assertThatThrownBy(() -> new InMemoryCallVariables(clock, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InMemoryCallVariables(clock, Duration.ofHours(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
