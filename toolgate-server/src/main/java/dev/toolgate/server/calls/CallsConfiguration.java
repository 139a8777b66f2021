package dev.toolgate.server.calls;

import dev.toolgate.core.engine.VoiceServices;
import dev.toolgate.core.knowledge.KnowledgeSearch;
import dev.toolgate.core.variables.CallVariables;
import dev.toolgate.core.variables.InMemoryCallVariables;
import dev.toolgate.server.config.FeatureSettings;
import dev.toolgate.server.config.RedisConfiguration.SharedRedis;
import dev.toolgate.server.config.ToolgateProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the engine's non-HTTP tool types use ({@link VoiceServices}): the call-variable store, in Redis when
 * {@code toolgate.redis-url} is set (so every instance sees what a call stored on another), otherwise in this
 * process, at most {@code toolgate.calls.max-calls} calls, either way living {@code toolgate.calls.variables-lifetime}
 * after their last write; each tenant's call settings ({@link TenantLocalities}); and the knowledge-base search.
 */
@Configuration(proxyBeanMethods = false)
class CallsConfiguration {

    @Bean
    CallVariables callVariables(SharedRedis redis, ToolgateProperties properties, Clock clock) {
        FeatureSettings.Calls calls = properties.calls();
        if (redis.client() != null) {
            return new RedisCallVariables(redis.client(), calls.variablesLifetime());
        }
        return new InMemoryCallVariables(clock, calls.variablesLifetime(), calls.maxCalls());
    }

    @Bean
    VoiceServices voiceServices(
            CallVariables callVariables, TenantLocalities localities, KnowledgeSearch knowledgeSearch, Clock clock) {
        return new VoiceServices(callVariables, localities, knowledgeSearch, clock);
    }
}
