package dev.toolgate.server.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** A {@link BucketStore} that hands out Bucket4j buckets by key; both operations act on that bucket. */
interface BucketSource extends BucketStore {

    /** Returns the bucket of {@code key}, created with {@code configuration} if it does not exist yet. */
    Bucket bucket(String key, BucketConfiguration configuration);

    @Override
    default ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        return bucket(key, configuration).tryConsumeAndReturnRemaining(1);
    }

    @Override
    default void giveBack(String key, BucketConfiguration configuration) {
        bucket(key, configuration).addTokens(1);
    }
}
