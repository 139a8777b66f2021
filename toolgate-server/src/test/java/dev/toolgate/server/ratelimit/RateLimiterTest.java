package dev.toolgate.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** A Bucket4j clock moved by hand. */
    static final class ManualTimeMeter implements TimeMeter {
        final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        void advance(Duration duration) {
            nanos.addAndGet(duration.toNanos());
        }

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    private final ManualTimeMeter time = new ManualTimeMeter();
    private final RateLimiter limiter = new RateLimiter(new LocalBucketStore(time));
    private final UUID tenant = UUID.randomUUID();

    @Test
    void exactlyTheAllowedCountGetsThroughUnder200ConcurrentCallers() throws Exception {
        RateLimiter.Limits limits = new RateLimiter.Limits(60, 0, 10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RateDecision>> decisions = new ArrayList<>();

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                UUID tool = UUID.randomUUID();
                decisions.add(threads.submit(() -> {
                    start.await();
                    return limiter.acquireInvocation(tenant, tool, limits);
                }));
            }
            start.countDown();
        }

        long allowed = 0;
        for (Future<RateDecision> decision : decisions) {
            allowed += decision.get().allowed() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(60);
    }

    @Test
    void toolLimitRefusesTheThirtyFirstCallAndSaysWhenToRetry() {
        RateLimiter.Limits limits = new RateLimiter.Limits(60, 30, 10);
        UUID tool = UUID.randomUUID();
        for (int i = 0; i < 30; i++) {
            assertThat(limiter.acquireInvocation(tenant, tool, limits).allowed())
                    .isTrue();
        }

        RateDecision refused = limiter.acquireInvocation(tenant, tool, limits);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo("tool");
        assertThat(refused.perMinute()).isEqualTo(30);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(limiter.acquireInvocation(tenant, UUID.randomUUID(), limits).allowed())
                .isTrue();
    }

    @Test
    void tokensRefillEvenlyOverTheMinute() {
        RateLimiter.Limits limits = new RateLimiter.Limits(60, 0, 10);
        for (int i = 0; i < 60; i++) {
            limiter.acquireInvocation(tenant, UUID.randomUUID(), limits);
        }
        assertThat(limiter.acquireInvocation(tenant, UUID.randomUUID(), limits).allowed())
                .isFalse();

        time.advance(Duration.ofSeconds(1));

        assertThat(limiter.acquireInvocation(tenant, UUID.randomUUID(), limits).allowed())
                .isTrue();
        assertThat(limiter.acquireInvocation(tenant, UUID.randomUUID(), limits).allowed())
                .isFalse();
    }

    @Test
    void tenantRefusalGivesTheToolItsTokenBack() {
        RateLimiter.Limits limits = new RateLimiter.Limits(1, 2, 10);
        UUID tool = UUID.randomUUID();
        assertThat(limiter.acquireInvocation(tenant, UUID.randomUUID(), limits).allowed())
                .isTrue();

        RateDecision refused = limiter.acquireInvocation(tenant, tool, limits);
        time.advance(Duration.ofSeconds(60));

        assertThat(refused.limit()).isEqualTo("tenant");
        assertThat(limiter.acquireInvocation(tenant, tool, limits).allowed()).isTrue();
        assertThat(limiter.acquireInvocation(tenant, tool, limits).allowed()).isFalse();
    }

    @Test
    void testFiresHaveTheirOwnBucket() {
        RateLimiter.Limits limits = new RateLimiter.Limits(1, 0, 2);
        assertThat(limiter.acquireInvocation(tenant, UUID.randomUUID(), limits).allowed())
                .isTrue();

        assertThat(limiter.acquireTestFire(tenant, limits).allowed()).isTrue();
        assertThat(limiter.acquireTestFire(tenant, limits).allowed()).isTrue();
        RateDecision third = limiter.acquireTestFire(tenant, limits);

        assertThat(third.allowed()).isFalse();
        assertThat(third.limit()).isEqualTo("test_fire");
    }

    @Test
    void zeroMeansUnlimited() {
        RateLimiter.Limits limits = new RateLimiter.Limits(0, 0, 0);

        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.acquireInvocation(tenant, UUID.randomUUID(), limits)
                            .allowed())
                    .isTrue();
        }
    }

    @Test
    void consoleBucketsAreOnePerSubjectAndRefillOverTheMinute() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquireConsole("console", "session-a", 3).allowed())
                    .isTrue();
        }
        RateDecision refused = limiter.acquireConsole("console", "session-a", 3);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo("console");
        assertThat(refused.retryAfterSeconds()).isPositive();
        assertThat(limiter.acquireConsole("console", "session-b", 3).allowed()).isTrue();
        assertThat(limiter.acquireConsole("console_sign_in", "session-a", 3).allowed())
                .isTrue();
        time.advance(Duration.ofSeconds(20));
        assertThat(limiter.acquireConsole("console", "session-a", 3).allowed()).isTrue();
        assertThat(limiter.acquireConsole("console", "session-a", 0).allowed()).isTrue();
    }
}
