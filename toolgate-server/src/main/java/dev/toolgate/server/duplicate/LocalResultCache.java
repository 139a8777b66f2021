package dev.toolgate.server.duplicate;

import dev.toolgate.server.duplicate.DuplicateCalls.Fresh;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finished results in this process's memory, expired by {@code clock}; swept as they are read and written.
 *
 * @param <A> the answer type
 */
public final class LocalResultCache<A> implements ResultCache<A> {
    private static final int SWEEP_EVERY = 1024;

    private record Entry<A>(Fresh<A> result, Instant expiresAt) {}

    private final Clock clock;
    private final Map<String, Entry<A>> entries = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();

    /** @param clock decides expiry (tests move it) */
    public LocalResultCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<Fresh<A>> get(String key) {
        Entry<A> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.result());
    }

    @Override
    public void put(String key, Fresh<A> result, Duration window) {
        entries.put(key, new Entry<>(result, clock.instant().plus(window)));
        if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
        }
    }
}
