package dev.toolgate.server.invalidation;

import dev.toolgate.server.config.RedisConfiguration.SharedRedis;
import dev.toolgate.server.config.ToolgateProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the {@link InvalidationBus}: Redis pub/sub when {@code toolgate.redis-url} is set, else PostgreSQL
 * LISTEN/NOTIFY when {@code toolgate.db.url} is a PostgreSQL URL, else the process-local bus (the embedded database
 * serves one process). Publishes the gauge {@code toolgate.invalidation.connected} (1 while events from the other
 * instances arrive, else 0).
 */
@Configuration(proxyBeanMethods = false)
class InvalidationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InvalidationConfiguration.class);

    /** The bus; Spring closes a Redis or PostgreSQL one (its inferred {@code close}) before the client and pool. */
    @Bean
    InvalidationBus invalidationBus(
            ToolgateProperties properties, SharedRedis redis, DataSource dataSource, MeterRegistry meters) {
        InvalidationBus bus = create(properties, redis, dataSource);
        Gauge.builder("toolgate.invalidation.connected", bus, b -> b.connected() ? 1 : 0)
                .description("1 while cache invalidations from the other instances arrive, else 0")
                .register(meters);
        return bus;
    }

    private static InvalidationBus create(ToolgateProperties properties, SharedRedis redis, DataSource dataSource) {
        var fallback = properties.invalidation().fallbackTtl();
        if (redis.client() != null) {
            log.info("Cache invalidations are shared through Redis pub/sub ({})", RedisInvalidationBus.CHANNEL);
            return new RedisInvalidationBus(redis.client(), fallback);
        }
        String url = properties.db().url();
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            log.info(
                    "Cache invalidations are shared through PostgreSQL LISTEN/NOTIFY ({})",
                    PostgresInvalidationBus.CHANNEL);
            return new PostgresInvalidationBus(
                    dataSource, url, properties.db().user(), properties.db().password(), fallback);
        }
        if (url != null && !url.isBlank()) {
            log.warn("toolgate.db.url is not a PostgreSQL URL: cache invalidations stay within this instance");
        }
        return new LocalInvalidationBus();
    }
}
