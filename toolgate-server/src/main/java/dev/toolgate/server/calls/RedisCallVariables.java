package dev.toolgate.server.calls;

import dev.toolgate.core.variables.CallVariables;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link CallVariables} in Redis, shared by every instance. A call is two hashes, name → value:
 * {@code toolgate:vars:{<scope>}} (stored) and {@code toolgate:vars:{<scope>}:pending} (waiting for confirmation);
 * the braces put both in one cluster slot. Every write is one Lua script (atomic: the
 * {@value CallVariables#MAX_VARIABLES_PER_CALL}-variable cap cannot be raced past) and sets both hashes to expire
 * {@link #lifetime()} after it, so a call lives that long after its last write, as in memory.
 *
 * <p>A Redis failure (down, or slower than {@code toolgate.redis-timeout}) throws Lettuce's
 * {@code RedisException}: the engine turns it into a tool error for that call, never a stored half-state.
 * Thread-safe (Lettuce's connection is).
 */
public final class RedisCallVariables implements CallVariables {

    private static final String PREFIX = "toolgate:vars:";

    /** KEYS: values, pending. ARGV: name, value, lifetime ms, cap. Returns 1 when stored, 0 when the call is full. */
    private static final String PUT = """
            if redis.call('hexists', KEYS[1], ARGV[1]) == 0 and redis.call('hlen', KEYS[1]) >= tonumber(ARGV[4]) then
              return 0
            end
            redis.call('hset', KEYS[1], ARGV[1], ARGV[2])
            redis.call('hdel', KEYS[2], ARGV[1])
            redis.call('pexpire', KEYS[1], ARGV[3])
            redis.call('pexpire', KEYS[2], ARGV[3])
            return 1
            """;

    /** KEYS: values, pending. ARGV: name, value, lifetime ms. */
    private static final String PUT_PENDING = """
            redis.call('hset', KEYS[2], ARGV[1], ARGV[2])
            redis.call('pexpire', KEYS[2], ARGV[3])
            redis.call('pexpire', KEYS[1], ARGV[3])
            return 1
            """;

    private final RedisCommands<String, String> redis;
    private final Duration lifetime;

    /**
     * @param client the shared Redis
     * @param lifetime how long a call's variables live after their last write; positive
     * @throws IllegalArgumentException if {@code lifetime} is not positive
     */
    public RedisCallVariables(RedisClient client, Duration lifetime) {
        if (!lifetime.isPositive()) {
            throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
        }
        this.redis = client.connect().sync();
        this.lifetime = lifetime;
    }

    @Override
    public Map<String, String> variables(String callId) {
        return Map.copyOf(redis.hgetall(values(callId)));
    }

    @Override
    public boolean put(String callId, String name, String value) {
        checkValue(value);
        Long stored = redis.eval(
                PUT,
                ScriptOutputType.INTEGER,
                new String[] {values(callId), pending(callId)},
                Objects.requireNonNull(name, "name"),
                value,
                Long.toString(lifetime.toMillis()),
                Integer.toString(MAX_VARIABLES_PER_CALL));
        return stored != null && stored == 1;
    }

    @Override
    public Optional<String> pending(String callId, String name) {
        return Optional.ofNullable(redis.hget(pending(callId), name));
    }

    @Override
    public void putPending(String callId, String name, String value) {
        checkValue(value);
        redis.eval(
                PUT_PENDING,
                ScriptOutputType.INTEGER,
                new String[] {values(callId), pending(callId)},
                Objects.requireNonNull(name, "name"),
                value,
                Long.toString(lifetime.toMillis()));
    }

    @Override
    public void clearPending(String callId, String name) {
        redis.hdel(pending(callId), name);
    }

    @Override
    public Duration lifetime() {
        return lifetime;
    }

    private static String values(String callId) {
        return PREFIX + "{" + Objects.requireNonNull(callId, "callId") + "}";
    }

    private static String pending(String callId) {
        return values(callId) + ":pending";
    }

    private static void checkValue(String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("a call variable is at most " + MAX_VALUE_LENGTH + " characters");
        }
    }
}
