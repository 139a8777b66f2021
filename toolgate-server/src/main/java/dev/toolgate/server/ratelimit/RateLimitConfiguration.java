package dev.toolgate.server.ratelimit;

import dev.toolgate.server.config.RedisConfiguration.SharedRedis;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the rate limiter: buckets in Redis when {@code toolgate.redis-url} is set (limits shared by every
 * instance; this process's own buckets while Redis fails, see {@link FailOpenBucketStore}), otherwise in this
 * process.
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
    RateLimiter rateLimiter(SharedRedis redis, TimeMeter clock, MeterRegistry meters) {
        BucketStore local = new LocalBucketStore(clock);
        BucketStore store = redis.client() == null
                ? local
                : new FailOpenBucketStore(new RedisBucketStore(redis.client(), clock), local, meters);
        return new RateLimiter(store);
    }
}
