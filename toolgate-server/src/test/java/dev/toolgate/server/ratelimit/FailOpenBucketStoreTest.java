package dev.toolgate.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FailOpenBucketStoreTest {

    /** A shared store that works, or throws as Lettuce does while Redis is down. */
    static final class FlakyStore implements BucketStore {
        final AtomicBoolean down = new AtomicBoolean();
        final LocalBucketStore buckets = new LocalBucketStore(new RateLimiterTest.ManualTimeMeter());

        @Override
        public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
            check();
            return buckets.tryConsume(key, configuration);
        }

        @Override
        public void giveBack(String key, BucketConfiguration configuration) {
            check();
            buckets.giveBack(key, configuration);
        }

        private void check() {
            if (down.get()) {
                throw new io.lettuce.core.RedisException("Currently not connected. Commands are rejected.");
            }
        }
    }

    private final FlakyStore redis = new FlakyStore();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RateLimiter limiter = new RateLimiter(
            new FailOpenBucketStore(redis, new LocalBucketStore(new RateLimiterTest.ManualTimeMeter()), meters));
    private final RateLimiter.Limits limits = new RateLimiter.Limits(0, 2, 0);
    private final UUID tenant = UUID.randomUUID();
    private final UUID tool = UUID.randomUUID();

    @Test
    void whileTheSharedStoreFailsTheSameLimitHoldsLocallyAndCounts() {
        redis.down.set(true);

        boolean first = limiter.acquireInvocation(tenant, tool, limits).allowed();
        boolean second = limiter.acquireInvocation(tenant, tool, limits).allowed();
        RateDecision third = limiter.acquireInvocation(tenant, tool, limits);

        assertThat(first).isTrue();
        assertThat(second).isTrue();
        assertThat(third.allowed()).isFalse();
        assertThat(third.limit()).isEqualTo("tool");
        assertThat(meters.counter("toolgate.rate_limit.fallback").count()).isEqualTo(3);
    }

    @Test
    void onceTheSharedStoreAnswersAgainItsBucketsDecide() {
        redis.down.set(true);
        limiter.acquireInvocation(tenant, tool, limits);
        limiter.acquireInvocation(tenant, tool, limits);
        redis.down.set(false);

        boolean shared = limiter.acquireInvocation(tenant, tool, limits).allowed();

        assertThat(shared).isTrue(); // the local bucket is empty; the shared one still has both tokens
        assertThat(meters.counter("toolgate.rate_limit.fallback").count()).isEqualTo(2);
    }
}
