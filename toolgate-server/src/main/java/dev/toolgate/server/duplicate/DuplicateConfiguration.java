package dev.toolgate.server.duplicate;

import dev.toolgate.server.config.RedisConfiguration.SharedRedis;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires duplicate-call handling: results shared through Redis when configured, else kept in this process. */
@Configuration(proxyBeanMethods = false)
class DuplicateConfiguration {

    @Bean
    DuplicateCalls duplicateCalls(SharedRedis redis, Clock clock) {
        return new DuplicateCalls(
                redis.client() == null
                        ? new DuplicateCalls.LocalResultCache(clock)
                        : new RedisResultCache(redis.client()));
    }
}
