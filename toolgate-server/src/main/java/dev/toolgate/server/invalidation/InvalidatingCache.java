package dev.toolgate.server.invalidation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * A Caffeine cache (at most {@value #MAXIMUM_SIZE} entries) for lookups that {@link InvalidationEvent}s make stale.
 * Each entry lives {@link InvalidationBus#cacheLifetime} from when it was written. An invalidation also wins over a
 * lookup that was reading the database while it happened: the value read then is dropped instead of cached, so a
 * revoked key or disabled tool is never cached again from a read that started before the change. Thread-safe.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class InvalidatingCache<K, V> {

    /** The most entries one cache holds. */
    public static final long MAXIMUM_SIZE = 100_000;

    private final Cache<K, V> cache;
    /** Counts invalidations; a load that saw it change while reading does not keep what it read. */
    private final AtomicLong generation = new AtomicLong();

    InvalidatingCache(InvalidationBus bus, Duration lifetime) {
        this.cache = Caffeine.newBuilder()
                .expireAfter(Expiry.<K, V>writing((key, value) -> bus.cacheLifetime(lifetime)))
                .maximumSize(MAXIMUM_SIZE)
                .build();
    }

    /**
     * Returns the cached value of {@code key}, or loads it and caches what was found.
     *
     * @param loader reads the value, empty when there is none (nothing is cached then)
     */
    public Optional<V> get(K key, Function<K, Optional<V>> loader) {
        V cached = cache.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = generation.get();
        Optional<V> loaded = loader.apply(key);
        if (loaded.isPresent()) {
            cache.put(key, loaded.get());
            if (generation.get() != before) {
                // an invalidation ran while we read: what we read may predate it
                cache.invalidate(key);
            }
        }
        return loaded;
    }

    /** Drops the entry of {@code key}. */
    public void invalidate(K key) {
        generation.incrementAndGet();
        cache.invalidate(key);
    }

    /** Drops every entry that {@code stale} matches. */
    public void invalidateIf(BiPredicate<K, V> stale) {
        generation.incrementAndGet();
        cache.asMap().entrySet().removeIf(entry -> stale.test(entry.getKey(), entry.getValue()));
    }

    /** Drops every entry. */
    public void invalidateAll() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }
}
