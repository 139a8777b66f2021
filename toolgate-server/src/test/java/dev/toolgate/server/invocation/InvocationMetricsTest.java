package dev.toolgate.server.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.engine.InvocationOutcome;
import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The invocation meters exist from the start, so a dashboard sees every outcome at 0 before it first happens. */
class InvocationMetricsTest {

    @Test
    void everyKindAndOutcomeHasItsTimerBeforeAnyCall() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        new InvocationMetrics(registry);

        for (String kind : InvocationMetrics.KINDS) {
            assertThat(registry.find("toolgate.invocations")
                            .tags("kind", kind, "status", "ok", "code", "none")
                            .timer())
                    .isNotNull();
            for (ErrorCode code : ErrorCode.values()) {
                assertThat(registry.find("toolgate.invocations")
                                .tags("kind", kind, "status", "error", "code", code.name())
                                .timer())
                        .as(kind + " " + code)
                        .isNotNull();
            }
        }
        assertThat(registry.find("toolgate.invocations.repeats").timer()).isNotNull();
    }

    @Test
    void anOutcomeCountsInTheTimerOfItsKindAndCode() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        InvocationMetrics metrics = new InvocationMetrics(registry);

        metrics.count(
                "invoke",
                InvocationOutcome.builder("id", null)
                        .error(ToolError.of(ErrorCode.HTTP_TOOL_TIMEOUT))
                        .durationMicros(2_000)
                        .build());

        assertThat(registry.find("toolgate.invocations")
                        .tags("kind", "invoke", "code", "HTTP_TOOL_TIMEOUT")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.find("toolgate.invocations")
                        .tags("kind", "test_fire", "code", "HTTP_TOOL_TIMEOUT")
                        .timer()
                        .count())
                .isZero();
    }
}
