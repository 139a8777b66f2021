package dev.toolgate.server.config;

import io.lettuce.core.RedisClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Redis that instances share when {@code toolgate.redis-url} ({@code TOOLGATE_REDIS_URL}) is set: rate-limit
 * buckets and duplicate-call results live there, so limits and reuse hold across every instance.
 */
@Configuration(proxyBeanMethods = false)
public class RedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    @Bean(destroyMethod = "close")
    SharedRedis sharedRedis(ToolgateProperties properties) {
        String url = properties.redisUrl();
        if (url == null || url.isBlank()) {
            return new SharedRedis(null);
        }
        log.info("Rate-limit buckets and duplicate-call results are shared through Redis");
        return new SharedRedis(RedisClient.create(url));
    }

    /**
     * The shared Redis client, or none (everything stays in this process).
     *
     * @param client the client, or null when no Redis is configured
     */
    public record SharedRedis(RedisClient client) implements AutoCloseable {
        @Override
        public void close() {
            if (client != null) {
                client.shutdown();
            }
        }
    }
}
