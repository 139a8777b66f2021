package dev.toolgate.server.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Buckets in this process's memory: right for the embedded single-instance default, and the fallback of each
 * instance while Redis is down ({@link FailOpenBucketStore}).
 */
public final class LocalBucketStore implements BucketSource {

    private final TimeMeter clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param clock the time source of every bucket (tests inject a manual one) */
    public LocalBucketStore(TimeMeter clock) {
        this.clock = clock;
    }

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .withCustomTimePrecision(clock)
                        .addLimit(configuration.getBandwidths()[0])
                        .build());
    }
}
