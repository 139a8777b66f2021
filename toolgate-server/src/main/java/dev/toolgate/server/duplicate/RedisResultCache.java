package dev.toolgate.server.duplicate;

import dev.toolgate.server.api.LogSafe;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finished results in Redis ({@code toolgate:dup:<key>}, expiring with the window), so a repeat that reaches another
 * instance is served too. The value is the {@link DuplicateCalls.Fresh} record as JSON (Jackson). A Redis failure is logged and treated as a cache miss: the call then simply runs.
 */
public final class RedisResultCache<A> implements ResultCache<A> {

    private static final Logger log = LoggerFactory.getLogger(RedisResultCache.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PREFIX = "toolgate:dup:";

    private final RedisCommands<String, String> redis;
    private final JavaType freshType;

    /**
     * @param client the shared Redis
     * @param answerType the answer's class, which Jackson maps to and from JSON
     */
    public RedisResultCache(RedisClient client, Class<A> answerType) {
        this.freshType = JSON.getTypeFactory().constructParametricType(DuplicateCalls.Fresh.class, answerType);
        StatefulRedisConnection<String, String> connection = client.connect();
        this.redis = connection.sync();
    }

    @Override
    public Optional<DuplicateCalls.Fresh<A>> get(String key) {
        try {
            String value = redis.get(PREFIX + key);
            if (value == null) {
                return Optional.empty();
            }
            return Optional.of(JSON.readValue(value, freshType));
        } catch (RuntimeException e) {
            log.warn("Duplicate-call cache read failed; running the call: {}", LogSafe.text(e));
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, DuplicateCalls.Fresh<A> result, Duration window) {
        try {
            redis.set(PREFIX + key, JSON.writeValueAsString(result), SetArgs.Builder.px(window.toMillis()));
        } catch (RuntimeException e) {
            log.warn("Duplicate-call cache write failed: {}", LogSafe.text(e));
        }
    }
}
