package dev.toolgate.server.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Buckets in Redis through Bucket4j's Lettuce compare-and-swap proxy manager, so limits hold across every
 * Toolgate instance. Each bucket's key expires once the bucket would be full again, so idle tenants and tools
 * leave nothing behind. Every operation fails (throws) when Redis does not answer within the client's timeout.
 */
public final class RedisBucketStore implements BucketSource {

    /** The prefix of every rate-limit key in Redis. */
    public static final String KEY_PREFIX = "toolgate:rl:";

    private final ProxyManager<byte[]> proxies;

    /**
     * @param redis a client for the shared Redis
     * @param clock the time source (Bucket4j's client-side clock)
     */
    public RedisBucketStore(RedisClient redis, TimeMeter clock) {
        this.proxies = Bucket4jLettuce.casBasedBuilder(redis)
                .clientClock(clock)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    @Override
    public BucketProxy bucket(String key, BucketConfiguration configuration) {
        return proxies.builder().build((KEY_PREFIX + key).getBytes(StandardCharsets.UTF_8), () -> configuration);
    }
}
