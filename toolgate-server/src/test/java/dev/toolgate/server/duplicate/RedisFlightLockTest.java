package dev.toolgate.server.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.server.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls in flight shared across instances through Redis (127.0.0.1:6379): two instances (two {@link DuplicateCalls}
 * with their own connections) receiving one identical call at once run it once, the other serving its result; a
 * lock left by a crashed holder expires with the budget; an unreachable lock falls back to running the call. Skipped
 * without Redis, except under {@code CI=true}, where a missing Redis fails.
 */
class RedisFlightLockTest {

    static RedisClient redis;

    @BeforeAll
    static void connect() {
        redis = TestRedis.client();
    }

    static DuplicateCalls<ObjectNode> instance(Duration budget) {
        return new DuplicateCalls<>(
                new RedisResultCache<>(redis, ObjectNode.class), new RedisFlightLock(redis), budget);
    }

    @Test
    void oneIdenticalCallAtTwoInstancesRunsOnce() throws Exception {
        DuplicateCalls<ObjectNode> a = instance(Duration.ofSeconds(5));
        DuplicateCalls<ObjectNode> b = instance(Duration.ofSeconds(5));
        String key = "test-" + UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        java.util.Set<Thread> workers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try {
            List<Future<DuplicateCalls.Served<ObjectNode>>> served = new ArrayList<>();
            for (DuplicateCalls<ObjectNode> instance : List.of(a, b, a, b)) {
                served.add(pool.submit(() -> {
                    start.await();
                    workers.add(Thread.currentThread());
                    return instance.serve(key, Duration.ofSeconds(10), () -> heldFresh(runs, workers));
                }));
            }
            start.countDown();
            int ran = 0;
            for (Future<DuplicateCalls.Served<ObjectNode>> each : served) {
                DuplicateCalls.Served<ObjectNode> result = each.get(10, TimeUnit.SECONDS);
                ran += result instanceof DuplicateCalls.Ran<ObjectNode> ? 1 : 0;
                String content = result instanceof DuplicateCalls.Ran<ObjectNode> r
                        ? r.fresh().response().get("content").asString()
                        : ((DuplicateCalls.Reused<ObjectNode>) result)
                                .response()
                                .get("content")
                                .asString();
                assertThat(content).isEqualTo("answer 1");
            }
            assertThat(runs).hasValue(1);
            assertThat(ran).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLockLeftByACrashedHolderExpiresWithTheBudget() {
        String key = "test-" + UUID.randomUUID();
        // a holder that took the lock for a 300 ms budget and died
        redis.connect()
                .sync()
                .set("toolgate:dup-lock:" + key, "ghost", SetArgs.Builder.nx().px(300));
        AtomicInteger runs = new AtomicInteger();
        DuplicateCalls.Served<ObjectNode> served = instance(Duration.ofSeconds(5))
                .serve(key, Duration.ofSeconds(10), () -> {
                    runs.incrementAndGet();
                    return fresh(1);
                });
        assertThat(served).isInstanceOf(DuplicateCalls.Ran.class);
        assertThat(runs).hasValue(1);
    }

    @Test
    void anUnreachableLockRunsTheCall() {
        FlightLock down = new FlightLock() {
            @Override
            public boolean tryLock(String key, String token, Duration ttl) {
                throw new IllegalStateException("connection refused");
            }

            @Override
            public boolean awaitRelease(String key, Duration max) {
                throw new IllegalStateException("connection refused");
            }

            @Override
            public void release(String key, String token) {}
        };
        DuplicateCalls<ObjectNode> duplicates =
                new DuplicateCalls<>(new RedisResultCache<>(redis, ObjectNode.class), down, Duration.ofSeconds(5));
        DuplicateCalls.Served<ObjectNode> served =
                duplicates.serve("test-" + UUID.randomUUID(), Duration.ofSeconds(10), () -> fresh(1));
        assertThat(served).isInstanceOf(DuplicateCalls.Ran.class);
    }

    /** The endpoint answers only once the three identical calls are waiting for it (polling or parked). */
    private static DuplicateCalls.Fresh<ObjectNode> heldFresh(AtomicInteger runs, java.util.Set<Thread> workers) {
        int run = runs.incrementAndGet();
        Thread self = Thread.currentThread();
        org.awaitility.Awaitility.await("the identical calls waiting")
                .atMost(Duration.ofSeconds(10))
                .until(() -> workers.size() == 4
                        && workers.stream()
                                .filter(t -> t != self)
                                .allMatch(t -> t.getState() == Thread.State.TIMED_WAITING
                                        || t.getState() == Thread.State.WAITING));
        return fresh(run);
    }

    private static DuplicateCalls.Fresh<ObjectNode> fresh(int run) {
        return new DuplicateCalls.Fresh<>(
                "inv-" + run, JsonNodeFactory.instance.objectNode().put("content", "answer " + run), true);
    }
}
