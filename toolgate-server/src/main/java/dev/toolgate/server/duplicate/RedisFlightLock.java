package dev.toolgate.server.duplicate;

import dev.toolgate.server.api.LogSafe;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls in flight across instances, in Redis: {@code SET toolgate:dup-lock:<key> <token> NX PX <budget>} takes the
 * lock (so it expires with the call's budget even if its holder crashes), and a compare-and-delete script releases it
 * only for its holder (https://redis.io/docs/latest/develop/use/patterns/distributed-locks/, single instance). A
 * release is announced on the pub/sub channel {@value #RELEASED_CHANNEL} (the message is the key), which wakes the
 * calls of every instance waiting in {@link #awaitRelease}; a lost message or an expired lock only makes them wait
 * until their {@code max}. Failures of {@link #tryLock} and {@link #awaitRelease} are thrown to
 * {@link DuplicateCalls}, which then runs the call.
 */
public final class RedisFlightLock implements FlightLock {

    /** The channel on which releases are announced. */
    public static final String RELEASED_CHANNEL = "toolgate:dup-released";

    private static final Logger log = LoggerFactory.getLogger(RedisFlightLock.class);
    private static final String PREFIX = "toolgate:dup-lock:";
    private static final String RELEASE =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final RedisCommands<String, String> redis;
    /** The calls of this instance waiting for a release, by key. */
    private final Map<String, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

    /**
     * Connects and subscribes to {@value #RELEASED_CHANNEL}.
     *
     * @param client the shared Redis
     * @throws io.lettuce.core.RedisException if Redis cannot be reached now
     */
    public RedisFlightLock(RedisClient client) {
        this.redis = client.connect().sync();
        StatefulRedisPubSubConnection<String, String> releases = client.connectPubSub();
        releases.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String key) {
                if (RELEASED_CHANNEL.equals(channel)) {
                    Set<CompletableFuture<Void>> waiters = waiting.remove(key);
                    if (waiters != null) {
                        waiters.forEach(waiter -> waiter.complete(null));
                    }
                }
            }
        });
        releases.sync().subscribe(RELEASED_CHANNEL);
    }

    @Override
    public boolean tryLock(String key, String token, Duration ttl) {
        return "OK".equals(redis.set(PREFIX + key, token, SetArgs.Builder.nx().px(ttl.toMillis())));
    }

    @Override
    public boolean awaitRelease(String key, Duration max) throws InterruptedException {
        CompletableFuture<Void> released = new CompletableFuture<>();
        // registered before the lock is looked at, so a release in between still wakes this call
        waiting.compute(key, (k, waiters) -> {
            Set<CompletableFuture<Void>> all = waiters == null ? ConcurrentHashMap.newKeySet() : waiters;
            all.add(released);
            return all;
        });
        try {
            if (redis.exists(PREFIX + key) == 0) {
                return true;
            }
            released.get(max.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException stillHeld) {
            return false;
        } catch (ExecutionException never) {
            return true; // the future is only ever completed normally
        } finally {
            waiting.computeIfPresent(key, (k, waiters) -> {
                waiters.remove(released);
                return waiters.isEmpty() ? null : waiters;
            });
        }
    }

    @Override
    public void release(String key, String token) {
        try {
            Long deleted = redis.eval(RELEASE, ScriptOutputType.INTEGER, new String[] {PREFIX + key}, token);
            if (deleted != null && deleted > 0) {
                redis.publish(RELEASED_CHANNEL, key);
            }
        } catch (RuntimeException e) {
            // the lock then expires with its budget; waiters that see the result in the cache do not wait for it
            log.warn("Duplicate-call lock release failed: {}", LogSafe.text(e));
        }
    }
}
