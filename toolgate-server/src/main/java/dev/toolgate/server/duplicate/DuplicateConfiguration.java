package dev.toolgate.server.duplicate;

import dev.toolgate.server.config.RedisConfiguration.SharedRedis;
import dev.toolgate.server.config.ToolgateProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires duplicate-call handling: results and calls in flight shared through Redis when configured, else kept in this
 * process.
 */
@Configuration(proxyBeanMethods = false)
class DuplicateConfiguration {

    @Bean
    DuplicateCalls duplicateCalls(SharedRedis redis, Clock clock, ToolgateProperties properties) {
        if (redis.client() == null) {
            return new DuplicateCalls(
                    new DuplicateCalls.LocalResultCache(clock), DuplicateCalls.LOCAL_ONLY, properties.budget());
        }
        return new DuplicateCalls(
                new RedisResultCache(redis.client()), new RedisFlightLock(redis.client()), properties.budget());
    }
}
