package dev.toolgate.server.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Where token buckets live: in this process (one instance), or in Redis so that every instance shares them.
 * Implementations are thread-safe.
 */
public interface BucketStore {

    /**
     * Returns the bucket for {@code key}, created with {@code configuration} if it does not exist yet.
     *
     * @param key a stable key, e.g. {@code tenant:<uuid>:60}; the limit is part of the key, so changing a limit
     *     starts a fresh bucket
     */
    Bucket bucket(String key, BucketConfiguration configuration);
}
