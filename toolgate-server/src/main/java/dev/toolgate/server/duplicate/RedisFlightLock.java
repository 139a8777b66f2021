package dev.toolgate.server.duplicate;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls in flight across instances, in Redis: {@code SET toolgate:dup-lock:<key> <token> NX PX <budget>} takes the
 * lock (so it expires with the call's budget even if its holder crashes), and a compare-and-delete script releases it
 * only for its holder (https://redis.io/docs/latest/develop/use/patterns/distributed-locks/, single instance).
 * Failures of {@link #tryLock} and {@link #held} are thrown to {@link DuplicateCalls}, which then runs the call.
 */
public final class RedisFlightLock implements DuplicateCalls.FlightLock {

    private static final Logger log = LoggerFactory.getLogger(RedisFlightLock.class);
    private static final String PREFIX = "toolgate:dup-lock:";
    private static final String RELEASE =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final RedisCommands<String, String> redis;

    /** @param client the shared Redis */
    public RedisFlightLock(RedisClient client) {
        this.redis = client.connect().sync();
    }

    @Override
    public boolean tryLock(String key, String token, Duration ttl) {
        return "OK".equals(redis.set(PREFIX + key, token, SetArgs.Builder.nx().px(ttl.toMillis())));
    }

    @Override
    public boolean held(String key) {
        return redis.exists(PREFIX + key) > 0;
    }

    @Override
    public void release(String key, String token) {
        try {
            redis.eval(RELEASE, ScriptOutputType.INTEGER, new String[] {PREFIX + key}, token);
        } catch (RuntimeException e) {
            // the lock then expires with its budget; waiters that see the result in the cache do not wait for it
            log.warn("Duplicate-call lock release failed: {}", dev.toolgate.server.api.LogSafe.text(e));
        }
    }
}
