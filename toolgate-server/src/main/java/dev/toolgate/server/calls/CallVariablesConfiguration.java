package dev.toolgate.server.calls;

import dev.toolgate.core.variables.CallVariables;
import dev.toolgate.core.variables.InMemoryCallVariables;
import dev.toolgate.server.config.RedisConfiguration.SharedRedis;
import dev.toolgate.server.config.ToolgateProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The call-variable store: in Redis when {@code toolgate.redis-url} is set, so every instance sees what a call
 * stored on another; otherwise in this process, at most {@code toolgate.calls.max-calls} calls. Either way a call's
 * variables live {@code toolgate.calls.variables-lifetime} after their last write.
 */
@Configuration(proxyBeanMethods = false)
class CallVariablesConfiguration {

    @Bean
    CallVariables callVariables(SharedRedis redis, ToolgateProperties properties, Clock clock) {
        properties.validate();
        ToolgateProperties.Calls calls = properties.calls();
        if (redis.client() != null) {
            return new RedisCallVariables(redis.client(), calls.variablesLifetime());
        }
        return new InMemoryCallVariables(clock, calls.variablesLifetime(), calls.maxCalls());
    }
}
