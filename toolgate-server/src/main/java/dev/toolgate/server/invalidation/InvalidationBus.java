package dev.toolgate.server.invalidation;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Carries {@link InvalidationEvent}s to every instance's caches (docs/configuration.md, {@code toolgate.redis-url}):
 * through Redis pub/sub when Redis is configured, PostgreSQL LISTEN/NOTIFY otherwise on PostgreSQL, and only
 * within this process on the embedded database. Thread-safe; never throws from {@link #publish}.
 */
public interface InvalidationBus {

    /**
     * Announces a write. Subscribers of this instance hear it at once, before this returns (and, inside a
     * transaction, again once it ends, so nothing read before the commit stays cached); other instances hear it
     * after the commit (at once outside a transaction). A failure to reach the other instances is logged, never
     * thrown: the write stands, and their caches fall back to short lifetimes while the bus is down.
     *
     * @param event what changed
     */
    void publish(InvalidationEvent event);

    /**
     * Registers a subscriber for every event of this and the other instances, including {@link
     * InvalidationEvent.Everything} when the connection to the others is lost or regained. Subscribers run on the
     * publishing thread or the bus's receiving thread, must be quick and should not throw (a throw is logged).
     *
     * @param subscriber drops the cache entries an event makes stale
     */
    void subscribe(Consumer<InvalidationEvent> subscriber);

    /** Returns whether events from the other instances arrive now (always true for the process-local bus). */
    boolean connected();

    /**
     * Returns how long a cache entry written now may live: {@code normal} while {@link #connected()}, else at most
     * the fallback lifetime ({@code toolgate.invalidation.fallback-ttl}), since missed events go unnoticed.
     *
     * @param normal the cache's lifetime while events arrive
     */
    Duration cacheLifetime(Duration normal);

    /**
     * Returns a new cache whose entries live {@link #cacheLifetime}({@code lifetime}) each, for the caller to
     * invalidate from its subscriber.
     *
     * @param lifetime the entries' lifetime while the bus is connected
     * @param <K> key type
     * @param <V> value type
     */
    default <K, V> InvalidatingCache<K, V> cache(Duration lifetime) {
        return new InvalidatingCache<>(this, lifetime);
    }
}
