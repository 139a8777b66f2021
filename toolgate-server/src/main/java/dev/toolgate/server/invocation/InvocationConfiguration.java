package dev.toolgate.server.invocation;

import dev.toolgate.server.config.RedisConfiguration.SharedRedis;
import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.duplicate.DuplicateCalls;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the invocation feature's duplicate-call handling, whose answers are {@link InvocationOut}s. */
@Configuration(proxyBeanMethods = false)
class InvocationConfiguration {

    @Bean
    DuplicateCalls<InvocationOut> duplicateCalls(SharedRedis redis, Clock clock, ToolgateProperties properties) {
        return DuplicateCalls.forDeployment(redis, clock, properties.budget(), InvocationOut.class);
    }
}
