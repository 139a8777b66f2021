package dev.toolgate.server.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Where token buckets live: in this process (one instance), or in Redis so that every instance shares them. Each
 * bucket is created with its configuration the first time its key is used. Implementations are thread-safe.
 */
public interface BucketStore {

    /**
     * Takes one token from the bucket of {@code key}.
     *
     * @param key a stable key, e.g. {@code tenant:<uuid>:60}; the limit is part of the key, so changing a limit
     *     starts a fresh bucket
     * @param configuration the bucket's limit, used when it does not exist yet
     * @return Bucket4j's probe: whether the token was taken, and the wait for the next one if not
     * @throws RuntimeException when the store cannot be reached (Redis)
     */
    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration);

    /**
     * Gives one token back to the bucket of {@code key} (a refused call costs nothing).
     *
     * @throws RuntimeException when the store cannot be reached (Redis)
     */
    void giveBack(String key, BucketConfiguration configuration);
}
