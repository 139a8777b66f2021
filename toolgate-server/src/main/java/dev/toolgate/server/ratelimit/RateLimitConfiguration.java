package dev.toolgate.server.ratelimit;

import dev.toolgate.server.config.RedisConfiguration.SharedRedis;
import io.github.bucket4j.TimeMeter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the rate limiter: buckets in Redis when {@code toolgate.redis-url} is set (limits shared by every
 * instance), otherwise in this process.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** The clock of every bucket; tests replace it with a manual one. Wall-clock based, as Redis buckets need. */
    @Bean
    @ConditionalOnMissingBean
    TimeMeter rateLimitClock() {
        return TimeMeter.SYSTEM_MILLISECONDS;
    }

    @Bean
    RateLimiter rateLimiter(SharedRedis redis, TimeMeter clock) {
        BucketStore store =
                redis.client() == null ? new LocalBucketStore(clock) : new RedisBucketStore(redis.client(), clock);
        return new RateLimiter(store);
    }
}
