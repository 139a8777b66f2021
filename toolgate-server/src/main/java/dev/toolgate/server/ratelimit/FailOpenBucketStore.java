package dev.toolgate.server.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shared buckets (Redis) that fail open to this instance's own buckets: when the shared store throws (Redis down or
 * slower than {@code toolgate.redis-timeout}), the same limit is applied by a process-local bucket of the same key,
 * so each instance still holds every limit on its own and no call fails or waits because of Redis. Each answer
 * given locally counts in {@code toolgate.rate_limit.fallback} (Prometheus {@code toolgate_rate_limit_fallback_total});
 * the switch to local buckets and back is logged once each way. Every operation tries Redis first, so the shared
 * buckets are used again as soon as Redis answers. Thread-safe.
 */
public final class FailOpenBucketStore implements BucketStore {

    private static final Logger log = LoggerFactory.getLogger(FailOpenBucketStore.class);

    private final BucketStore shared;
    private final BucketStore local;
    private final Counter fallbacks;
    private final AtomicBoolean degraded = new AtomicBoolean();

    /**
     * @param shared the Redis buckets
     * @param local this instance's buckets, used while {@code shared} fails
     * @param meters where the fallback counter is registered
     */
    public FailOpenBucketStore(BucketStore shared, BucketStore local, MeterRegistry meters) {
        this.shared = shared;
        this.local = local;
        this.fallbacks = Counter.builder("toolgate.rate_limit.fallback")
                .description("Rate-limit bucket operations answered by this instance's own bucket because Redis failed")
                .register(meters);
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        try {
            ConsumptionProbe probe = shared.tryConsume(key, configuration);
            recovered();
            return probe;
        } catch (RuntimeException e) {
            failed(e);
            return local.tryConsume(key, configuration);
        }
    }

    @Override
    public void giveBack(String key, BucketConfiguration configuration) {
        try {
            shared.giveBack(key, configuration);
            recovered();
        } catch (RuntimeException e) {
            failed(e);
            local.giveBack(key, configuration);
        }
    }

    private void failed(RuntimeException e) {
        fallbacks.increment();
        if (degraded.compareAndSet(false, true)) {
            log.warn(
                    "Redis failed for rate limiting ({}); each instance applies the same limits with its own buckets"
                            + " until Redis answers again",
                    e.toString());
        }
    }

    private void recovered() {
        if (degraded.compareAndSet(true, false)) {
            log.info("Redis answers again; rate limits use the shared buckets");
        }
    }
}
