package dev.toolgate.server.duplicate;

import dev.toolgate.server.api.LogSafe;
import dev.toolgate.server.config.RedisConfiguration.SharedRedis;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Duplicate tool calls: the model often asks the same tool again with the same arguments, e.g. when the caller's next
 * sentence distracts it (docs/best-practices.md, "Make side effects idempotent"). A call identical to one in flight
 * waits for that one's result (single flight); a call identical to one that finished within the tool's window gets the
 * finished result. Neither sends anything. Identity is the {@code Idempotency-Key}
 * ({@link dev.toolgate.core.render.IdempotencyKey}): everything that shapes the rendered request (the tool and its
 * version, the call id, caller number and variables, the canonical arguments), so a call after a tool change, or with
 * another caller number, runs on its own.
 *
 * <p>Finished results are shared through the {@link ResultCache} (Redis when configured), so a repeat that lands on
 * another instance is served from the cache. In-flight coalescing spans instances through a {@link FlightLock}
 * (Redis {@code SET NX PX} when configured): the instance that takes the lock runs the call; the others wait for the
 * lock's release (a Redis message wakes them) and then read the result cache. They stop when the result arrives, the
 * lock goes away without one (an unreusable result, or the holder crashed and the lock expired), or the wait reaches
 * the call's budget; in the last two cases the call runs here
 * (and, past its budget, the engine answers with its timeout). The lock expires with the budget, so a crashed
 * holder blocks nobody for longer. When the lock cannot be reached (Redis down) coalescing is per instance only
 * (docs/production.md). A {@link Duration#ZERO} window keeps no result, so such calls coalesce per instance only.
 *
 * @param <A> the answer type: immutable, and a JSON-mappable record where results are shared through Redis
 */
public final class DuplicateCalls<A> {

    /**
     * What a fresh call produced: its invocation id, its answer, and whether others may reuse it.
     *
     * @param <A> the answer type (immutable: repeats share it)
     */
    public record Fresh<A>(String invocationId, A response, boolean reusable) {}

    /** How a call was served. */
    public sealed interface Served<A> permits Ran, Reused {}

    /** The call ran here. */
    public record Ran<A>(Fresh<A> fresh) implements Served<A> {}

    /**
     * The call reused an identical call's answer.
     *
     * @param originalInvocationId the invocation whose answer is reused
     * @param response that invocation's answer
     */
    public record Reused<A>(String originalInvocationId, A response) implements Served<A> {}

    private static final Logger log = LoggerFactory.getLogger(DuplicateCalls.class);
    /**
     * The longest a call waits for the lock's release before it looks at the result cache and the lock again: the
     * release wakes it at once; this bounds the wait when that news is lost or the lock expires with a crashed holder.
     */
    static final Duration RECHECK_INTERVAL = Duration.ofMillis(100);

    private final ResultCache<A> cache;
    private final FlightLock lock;
    private final Duration budget;
    private final Map<String, CompletableFuture<Fresh<A>>> inFlight = new ConcurrentHashMap<>();

    /**
     * Coalescing per instance only ({@link FlightLock#LOCAL_ONLY}, which never waits, so no budget is needed).
     *
     * @param cache where finished results are kept for their window
     */
    public DuplicateCalls(ResultCache<A> cache) {
        this(cache, FlightLock.LOCAL_ONLY, Duration.ZERO);
    }

    /**
     * @param cache where finished results are kept for their window
     * @param lock marks calls in flight across instances
     * @param budget the longest a call may take ({@code toolgate.budget}): how long the lock lives and how long an
     *     identical call waits for another instance's result
     */
    public DuplicateCalls(ResultCache<A> cache, FlightLock lock, Duration budget) {
        this.cache = cache;
        this.lock = lock;
        this.budget = budget;
    }

    /**
     * The duplicate-call handling of a deployment: results and calls in flight shared through Redis when
     * {@code redis} is configured, else kept in this process.
     *
     * @param redis the shared Redis, whose client is null when none is configured
     * @param clock decides the expiry of results kept in this process
     * @param budget the longest a call may take ({@code toolgate.budget})
     * @param answerType the answer's class, mapped to JSON for Redis
     * @param <A> the answer type
     */
    public static <A> DuplicateCalls<A> forDeployment(
            SharedRedis redis, Clock clock, Duration budget, Class<A> answerType) {
        if (redis.client() == null) {
            return new DuplicateCalls<>(new LocalResultCache<>(clock), FlightLock.LOCAL_ONLY, budget);
        }
        return new DuplicateCalls<>(
                new RedisResultCache<>(redis.client(), answerType), new RedisFlightLock(redis.client()), budget);
    }

    /**
     * Serves one call.
     *
     * @param key the call's idempotency key
     * @param window how long its result may be reused; {@link Duration#ZERO} still coalesces in-flight calls but
     *     keeps nothing afterwards
     * @param call runs the call when no identical one is in flight or cached
     */
    public Served<A> serve(String key, Duration window, Supplier<Fresh<A>> call) {
        Optional<Fresh<A>> cached = window.isZero() ? Optional.empty() : cache.get(key);
        if (cached.isPresent()) {
            return new Reused<>(cached.get().invocationId(), cached.get().response());
        }
        CompletableFuture<Fresh<A>> mine = new CompletableFuture<>();
        CompletableFuture<Fresh<A>> leader = inFlight.putIfAbsent(key, mine);
        if (leader != null) {
            Fresh<A> result = await(leader);
            return result == null ? new Ran<>(call.get()) : new Reused<>(result.invocationId(), result.response());
        }
        Fresh<A> fresh = null;
        try {
            Served<A> served = window.isZero() ? new Ran<>(call.get()) : acrossInstances(key, window, call);
            if (served instanceof Ran<A> ran) {
                fresh = ran.fresh();
            } else if (served instanceof Reused<A> reused) {
                fresh = new Fresh<>(reused.originalInvocationId(), reused.response(), true);
            }
            return served;
        } finally {
            inFlight.remove(key, mine);
            mine.complete(fresh);
        }
    }

    /** Runs the call once across instances: under the shared lock, or after waiting for its holder's result. */
    private Served<A> acrossInstances(String key, Duration window, Supplier<Fresh<A>> call) {
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + budget.toNanos();
        while (true) {
            boolean mine;
            try {
                mine = lock.tryLock(key, token, budget);
            } catch (RuntimeException e) {
                log.warn("Duplicate-call lock unreachable; coalescing in this instance only: {}", LogSafe.text(e));
                return new Ran<>(runAndKeep(key, window, call));
            }
            if (mine) {
                try {
                    // the holder before us may have finished between our first look and the lock
                    Optional<Fresh<A>> done = cache.get(key);
                    if (done.isPresent()) {
                        return new Reused<>(
                                done.get().invocationId(), done.get().response());
                    }
                    return new Ran<>(runAndKeep(key, window, call));
                } finally {
                    lock.release(key, token);
                }
            }
            Optional<Fresh<A>> result = awaitElsewhere(key, deadline);
            if (result.isPresent()) {
                return new Reused<>(result.get().invocationId(), result.get().response());
            }
            if (System.nanoTime() - deadline >= 0) {
                // the budget is spent: the engine answers with its timeout, sending nothing
                return new Ran<>(call.get());
            }
        }
    }

    /**
     * Waits for the result of the call another instance runs: until its lock is released (then the result is in the
     * cache, or the call gave none to share) or the deadline; empty without a result.
     */
    private Optional<Fresh<A>> awaitElsewhere(String key, long deadline) {
        try {
            while (System.nanoTime() - deadline < 0) {
                Optional<Fresh<A>> result = cache.get(key);
                if (result.isPresent()) {
                    return result;
                }
                long left = deadline - System.nanoTime();
                if (lock.awaitRelease(key, Duration.ofNanos(Math.min(left, RECHECK_INTERVAL.toNanos())))) {
                    return cache.get(key);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Duplicate-call lock unreachable while waiting; running the call: {}", LogSafe.text(e));
        }
        return Optional.empty();
    }

    private Fresh<A> runAndKeep(String key, Duration window, Supplier<Fresh<A>> call) {
        Fresh<A> fresh = call.get();
        if (fresh.reusable()) {
            cache.put(key, fresh, window);
        }
        return fresh;
    }

    private static <A> Fresh<A> await(CompletableFuture<Fresh<A>> leader) {
        try {
            return leader.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }
}
