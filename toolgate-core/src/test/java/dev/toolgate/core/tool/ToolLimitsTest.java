package dev.toolgate.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ToolLimitsTest {

    @Test
    void defaultsToTenSecondsAndSixtyFourKibibytes() {
        ToolLimits limits = ToolLimits.ofDefaults();

        assertThat(limits.maxTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(limits.maxResponseBytes()).isEqualTo(65_536);
        assertThat(limits.defaultTimeout()).isEqualTo(limits.maxTimeout());
        assertThat(limits.defaultMaxResponseBytes()).isEqualTo(limits.maxResponseBytes());
    }

    @Test
    void refusesBudgetShorterThanOneMillisecond() {
        assertThatThrownBy(() -> new ToolLimits(Duration.ofNanos(10), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxTimeout");
    }

    @Test
    void refusesResponseCapThatIsNotPositive() {
        assertThatThrownBy(() -> new ToolLimits(Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxResponseBytes");
    }
}
