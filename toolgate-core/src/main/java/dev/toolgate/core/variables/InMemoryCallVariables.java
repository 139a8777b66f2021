package dev.toolgate.core.variables;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link CallVariables} in this process's memory, for a single Toolgate node (a shared store for several
 * nodes keeps the same contract). A Caffeine cache holds one immutable entry per call; every write
 * replaces the entry and restarts its lifetime. Time comes from the given {@link Clock}, so tests move it
 * instead of sleeping. When more than {@code maxCalls} calls are held, Caffeine's size eviction (W-TinyLFU)
 * drops some, so memory stays bounded under a flood of call ids.
 */
public final class InMemoryCallVariables implements CallVariables {

    /** The most calls held at once, by default. */
    public static final int DEFAULT_MAX_CALLS = 100_000;

    private record CallState(Map<String, String> values, Map<String, String> pending) {
        static final CallState EMPTY = new CallState(Map.of(), Map.of());
    }

    private final Cache<String, CallState> calls;
    private final Duration lifetime;

    /** A store with the default lifetime (2 hours) and size (100,000 calls) on the system clock. */
    public InMemoryCallVariables() {
        this(Clock.systemUTC(), DEFAULT_LIFETIME, DEFAULT_MAX_CALLS);
    }

    /**
     * @param clock the time source of the lifetimes
     * @param lifetime how long a call's variables live after its last write; positive
     * @param maxCalls the most calls held; positive
     * @throws IllegalArgumentException if {@code lifetime} or {@code maxCalls} is not positive
     */
    public InMemoryCallVariables(Clock clock, Duration lifetime, int maxCalls) {
        Objects.requireNonNull(clock, "clock");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
        }
        if (maxCalls <= 0) {
            throw new IllegalArgumentException("maxCalls must be positive: " + maxCalls);
        }
        this.lifetime = lifetime;
        this.calls = Caffeine.newBuilder()
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfterWrite(lifetime)
                .maximumSize(maxCalls)
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Map<String, String> variables(String callId) {
        return state(callId).values();
    }

    @Override
    public boolean put(String callId, String name, String value) {
        checkValue(value);
        boolean[] stored = {false};
        calls.asMap().compute(callId, (id, old) -> {
            CallState state = old == null ? CallState.EMPTY : old;
            if (!state.values().containsKey(name) && state.values().size() >= MAX_VARIABLES_PER_CALL) {
                return old;
            }
            stored[0] = true;
            return new CallState(with(state.values(), name, value), without(state.pending(), name));
        });
        return stored[0];
    }

    @Override
    public Optional<String> pending(String callId, String name) {
        return Optional.ofNullable(state(callId).pending().get(name));
    }

    @Override
    public void putPending(String callId, String name, String value) {
        checkValue(value);
        calls.asMap().compute(callId, (id, old) -> {
            CallState state = old == null ? CallState.EMPTY : old;
            return new CallState(state.values(), with(state.pending(), name, value));
        });
    }

    @Override
    public void clearPending(String callId, String name) {
        calls.asMap()
                .computeIfPresent(callId, (id, state) -> new CallState(state.values(), without(state.pending(), name)));
    }

    @Override
    public Duration lifetime() {
        return lifetime;
    }

    /** The cache itself, for tests of its bounds. */
    Cache<String, ?> calls() {
        return calls;
    }

    private CallState state(String callId) {
        CallState state = calls.getIfPresent(Objects.requireNonNull(callId, "callId"));
        return state == null ? CallState.EMPTY : state;
    }

    private static void checkValue(String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("a call variable is at most " + MAX_VALUE_LENGTH + " characters");
        }
    }

    private static Map<String, String> with(Map<String, String> map, String name, String value) {
        Map<String, String> copy = new HashMap<>(map);
        copy.put(Objects.requireNonNull(name, "name"), value);
        return Map.copyOf(copy);
    }

    private static Map<String, String> without(Map<String, String> map, String name) {
        if (!map.containsKey(name)) {
            return map;
        }
        Map<String, String> copy = new HashMap<>(map);
        copy.remove(name);
        return Map.copyOf(copy);
    }
}
