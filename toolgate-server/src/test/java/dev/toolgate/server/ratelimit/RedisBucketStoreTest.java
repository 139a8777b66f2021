package dev.toolgate.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.server.TestRedis;
import io.github.bucket4j.TimeMeter;
import io.lettuce.core.RedisClient;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Limits shared through Redis (127.0.0.1:6379): two limiters, as two instances would be, draw from one bucket.
 * Skipped without Redis, except under {@code CI=true}, where a missing Redis fails.
 */
class RedisBucketStoreTest {

    static RedisClient redis;

    @BeforeAll
    static void connect() {
        redis = TestRedis.client();
    }

    @Test
    void twoInstancesShareOneBucket() {
        RateLimiter first = new RateLimiter(new RedisBucketStore(redis, TimeMeter.SYSTEM_MILLISECONDS));
        RateLimiter second = new RateLimiter(new RedisBucketStore(redis, TimeMeter.SYSTEM_MILLISECONDS));
        RateLimiter.Limits limits = new RateLimiter.Limits(0, 4, 0);
        UUID tenant = UUID.randomUUID();
        UUID tool = UUID.randomUUID();

        int allowed = 0;
        for (int i = 0; i < 5; i++) {
            allowed += (i % 2 == 0 ? first : second)
                            .acquireInvocation(tenant, tool, limits)
                            .allowed()
                    ? 1
                    : 0;
        }
        RateDecision refused = second.acquireInvocation(tenant, tool, limits);

        assertThat(allowed).isEqualTo(4);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo("tool");
    }
}
