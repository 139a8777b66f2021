package dev.toolgate.server.duplicate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * Duplicate tool calls: the model often asks the same tool again with the same arguments, e.g. when the caller's next
 * sentence distracts it (docs/best-practices.md, "Make side effects idempotent"). A call identical to one in flight
 * waits for that one's result (single flight); a call identical to one that finished within the tool's window gets the
 * finished result. Neither sends anything. Identity is the {@code Idempotency-Key}
 * ({@link dev.toolgate.core.render.IdempotencyKey}): everything that shapes the rendered request (the tool and its
 * version, the call id, caller number and variables, the canonical arguments), so a call after a tool change, or with
 * another caller number, runs on its own.
 *
 * <p>In-flight coalescing is per instance; finished results are shared through the {@link ResultCache} (Redis
 * when configured), so a repeat that lands on another instance is still served from the cache.
 */
public final class DuplicateCalls {

    /** What a fresh call produced: its invocation id, its invoke-API answer, and whether others may reuse it. */
    public record Fresh(String invocationId, ObjectNode response, boolean reusable) {}

    /** How a call was served. */
    public sealed interface Served permits Ran, Reused {}

    /** The call ran here. */
    public record Ran(Fresh fresh) implements Served {}

    /**
     * The call reused an identical call's answer.
     *
     * @param originalInvocationId the invocation whose answer is reused
     * @param response that invocation's invoke-API answer (not to be modified)
     */
    public record Reused(String originalInvocationId, ObjectNode response) implements Served {}

    /** Where finished results live for the window. */
    public interface ResultCache {
        /** Returns the result stored under {@code key}, if it has not expired. */
        Optional<Fresh> get(String key);

        /** Stores {@code result} under {@code key} for {@code window}. */
        void put(String key, Fresh result, Duration window);
    }

    private final ResultCache cache;
    private final Map<String, CompletableFuture<Fresh>> inFlight = new ConcurrentHashMap<>();

    /** @param cache where finished results are kept for their window */
    public DuplicateCalls(ResultCache cache) {
        this.cache = cache;
    }

    /**
     * Serves one call.
     *
     * @param key the call's idempotency key
     * @param window how long its result may be reused; {@link Duration#ZERO} still coalesces in-flight calls but
     *     keeps nothing afterwards
     * @param call runs the call when no identical one is in flight or cached
     */
    public Served serve(String key, Duration window, Supplier<Fresh> call) {
        Optional<Fresh> cached = window.isZero() ? Optional.empty() : cache.get(key);
        if (cached.isPresent()) {
            return new Reused(cached.get().invocationId(), cached.get().response());
        }
        CompletableFuture<Fresh> mine = new CompletableFuture<>();
        CompletableFuture<Fresh> leader = inFlight.putIfAbsent(key, mine);
        if (leader != null) {
            Fresh result = await(leader);
            return result == null ? new Ran(call.get()) : new Reused(result.invocationId(), result.response());
        }
        Fresh fresh = null;
        try {
            fresh = call.get();
            if (fresh.reusable() && !window.isZero()) {
                cache.put(key, fresh, window);
            }
            return new Ran(fresh);
        } finally {
            inFlight.remove(key, mine);
            mine.complete(fresh);
        }
    }

    private static Fresh await(CompletableFuture<Fresh> leader) {
        try {
            return leader.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    /** Finished results in this process's memory, expired by {@code clock}; swept as they are read and written. */
    public static final class LocalResultCache implements ResultCache {
        private static final int SWEEP_EVERY = 1024;

        private record Entry(Fresh result, Instant expiresAt) {}

        private final Clock clock;
        private final Map<String, Entry> entries = new ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicInteger writes =
                new java.util.concurrent.atomic.AtomicInteger();

        /** @param clock decides expiry (tests move it) */
        public LocalResultCache(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Optional<Fresh> get(String key) {
            Entry entry = entries.get(key);
            if (entry == null) {
                return Optional.empty();
            }
            if (!clock.instant().isBefore(entry.expiresAt())) {
                entries.remove(key, entry);
                return Optional.empty();
            }
            return Optional.of(entry.result());
        }

        @Override
        public void put(String key, Fresh result, Duration window) {
            entries.put(key, new Entry(result, clock.instant().plus(window)));
            if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
                Instant now = clock.instant();
                entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
            }
        }
    }
}
