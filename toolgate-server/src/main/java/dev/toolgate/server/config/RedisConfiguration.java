package dev.toolgate.server.config;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Redis that instances share when {@code toolgate.redis-url} ({@code TOOLGATE_REDIS_URL}) is set: rate-limit
 * buckets, duplicate-call results and cache invalidations go through it, so limits, reuse and changes hold across
 * every instance.
 *
 * <p>The client is set up so that a Redis outage never holds a call up: every command fails after
 * {@code toolgate.redis-timeout} (500 ms by default), commands are refused at once while the connection is down
 * (instead of queued), and Lettuce reconnects in the background, waiting {@link #RECONNECT_MIN} doubling to
 * {@link #RECONNECT_MAX} between tries. What each user of Redis does on a failure is its own rule (docs/configuration.md).
 */
@Configuration(proxyBeanMethods = false)
public class RedisConfiguration {

    /** The first wait before reconnecting to Redis. */
    public static final Duration RECONNECT_MIN = Duration.ofMillis(50);

    /** The longest wait before reconnecting to Redis. */
    public static final Duration RECONNECT_MAX = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    @Bean(destroyMethod = "close")
    SharedRedis sharedRedis(ToolgateProperties properties) {
        String url = properties.redisUrl();
        if (url == null || url.isBlank()) {
            return new SharedRedis(null, null);
        }
        Duration timeout = properties.redisTimeout();
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        ClientResources resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(RECONNECT_MIN, RECONNECT_MAX, 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(timeout)
                        .keepAlive(true)
                        .build())
                .build());
        log.info("Rate-limit buckets, duplicate-call results and cache invalidations are shared through Redis");
        return new SharedRedis(client, resources);
    }

    /**
     * The shared Redis client, or none (everything stays in this process).
     *
     * @param client the client, or null when no Redis is configured
     * @param resources the client's threads and reconnect policy, or null
     */
    public record SharedRedis(RedisClient client, ClientResources resources) implements AutoCloseable {
        @Override
        public void close() {
            if (client != null) {
                client.shutdown();
            }
            if (resources != null) {
                resources.shutdown();
            }
        }
    }
}
