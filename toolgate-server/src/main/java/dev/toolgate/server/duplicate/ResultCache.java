package dev.toolgate.server.duplicate;

import dev.toolgate.server.duplicate.DuplicateCalls.Fresh;
import java.time.Duration;
import java.util.Optional;

/**
 * Where finished results live for the window: {@link LocalResultCache} in this process, {@link RedisResultCache}
 * shared by every instance.
 *
 * @param <A> the answer type
 */
public interface ResultCache<A> {
    /** Returns the result stored under {@code key}, if it has not expired. */
    Optional<Fresh<A>> get(String key);

    /** Stores {@code result} under {@code key} for {@code window}. */
    void put(String key, Fresh<A> result, Duration window);
}
