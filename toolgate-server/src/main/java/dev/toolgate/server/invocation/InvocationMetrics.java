package dev.toolgate.server.invocation;

import dev.toolgate.core.engine.InvocationOutcome;
import dev.toolgate.core.error.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The invocation meters, registered once at start: {@code toolgate.invocations}, a timer of the time spent inside
 * Toolgate tagged by {@code kind} (an {@link InvocationKind}'s wire name: {@code invoke}, {@code test_fire},
 * {@code mcp}, ...), {@code status} ({@code ok}, {@code error}) and
 * {@code code} (the error code, or {@code none}); and {@code toolgate.invocations.repeats}, the duplicate calls
 * served from an identical call.
 */
@Component
public class InvocationMetrics {

    /** The kinds of invocation the timers are tagged with. */
    static final List<String> KINDS = InvocationKind.wireNames();

    private final Map<String, Timer> timers = new HashMap<>();
    private final Timer repeats;

    InvocationMetrics(MeterRegistry meters) {
        for (String kind : KINDS) {
            timers.put(key(kind, null), timer(meters, kind, "ok", "none"));
            for (ErrorCode code : ErrorCode.values()) {
                timers.put(key(kind, code), timer(meters, kind, "error", code.name()));
            }
        }
        this.repeats = Timer.builder("toolgate.invocations.repeats")
                .description("Duplicate tool calls served from an identical call")
                .register(meters);
    }

    /** Counts one invocation of {@code kind} (one of {@link #KINDS}) with its outcome and its time inside Toolgate. */
    void count(String kind, InvocationOutcome outcome) {
        Timer timer = timers.get(key(kind, outcome.ok() ? null : outcome.error().code()));
        timer.record(outcome.durationMicros(), TimeUnit.MICROSECONDS);
    }

    /** Counts one repeat served from an identical call, with the time it took in nanoseconds. */
    void repeat(long nanos) {
        repeats.record(nanos, TimeUnit.NANOSECONDS);
    }

    private static String key(String kind, ErrorCode code) {
        return kind + "|" + (code == null ? "none" : code.name());
    }

    private static Timer timer(MeterRegistry meters, String kind, String status, String code) {
        return Timer.builder("toolgate.invocations")
                .description("Tool invocations handled, by outcome; time spent inside Toolgate")
                .tag("kind", kind)
                .tag("status", status)
                .tag("code", code)
                .register(meters);
    }
}
