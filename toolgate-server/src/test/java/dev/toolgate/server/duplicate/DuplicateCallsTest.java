package dev.toolgate.server.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.server.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class DuplicateCallsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final DuplicateCalls<ObjectNode> duplicates = new DuplicateCalls<>(new LocalResultCache<>(clock));
    private final AtomicInteger runs = new AtomicInteger();

    private DuplicateCalls.Fresh<ObjectNode> run(String content, boolean reusable) {
        runs.incrementAndGet();
        ObjectNode response = JsonNodeFactory.instance.objectNode().put("content", content);
        return new DuplicateCalls.Fresh<>("inv-" + runs.get(), response, reusable);
    }

    @Test
    void aRepeatInsideTheWindowReusesTheFirstResult() {
        duplicates.serve("k", Duration.ofSeconds(10), () -> run("first", true));

        DuplicateCalls.Served<ObjectNode> repeat =
                duplicates.serve("k", Duration.ofSeconds(10), () -> run("second", true));

        assertThat(repeat).isInstanceOf(DuplicateCalls.Reused.class);
        assertThat(((DuplicateCalls.Reused<ObjectNode>) repeat).originalInvocationId())
                .isEqualTo("inv-1");
        assertThat(((DuplicateCalls.Reused<ObjectNode>) repeat)
                        .response()
                        .get("content")
                        .asString())
                .isEqualTo("first");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aRepeatAfterTheWindowRunsAgain() {
        duplicates.serve("k", Duration.ofSeconds(10), () -> run("first", true));
        clock.advance(Duration.ofSeconds(10));

        DuplicateCalls.Served<ObjectNode> later =
                duplicates.serve("k", Duration.ofSeconds(10), () -> run("second", true));

        assertThat(later).isInstanceOf(DuplicateCalls.Ran.class);
        assertThat(runs).hasValue(2);
    }

    @Test
    void zeroWindowAndUnreusableResultsAreNotKept() {
        duplicates.serve("a", Duration.ZERO, () -> run("x", true));
        duplicates.serve("b", Duration.ofSeconds(10), () -> run("limited", false));

        assertThat(duplicates.serve("a", Duration.ZERO, () -> run("x", true))).isInstanceOf(DuplicateCalls.Ran.class);
        assertThat(duplicates.serve("b", Duration.ofSeconds(10), () -> run("y", true)))
                .isInstanceOf(DuplicateCalls.Ran.class);
        assertThat(runs).hasValue(4);
    }

    @Test
    void aCallIdenticalToOneInFlightWaitsForItsResult() throws Exception {
        CountDownLatch leaderStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<DuplicateCalls.Served<ObjectNode>> leader = new AtomicReference<>();
        AtomicReference<DuplicateCalls.Served<ObjectNode>> follower = new AtomicReference<>();

        Thread leaderThread = Thread.ofPlatform()
                .start(() -> leader.set(duplicates.serve("k", Duration.ZERO, () -> {
                    leaderStarted.countDown();
                    await(release);
                    return run("only once", true);
                })));
        leaderStarted.await();
        Thread followerThread = Thread.ofPlatform()
                .start(() -> follower.set(duplicates.serve("k", Duration.ZERO, () -> run("should not run", true))));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (followerThread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        release.countDown();
        leaderThread.join();
        followerThread.join();

        assertThat(leader.get()).isInstanceOf(DuplicateCalls.Ran.class);
        assertThat(follower.get()).isInstanceOf(DuplicateCalls.Reused.class);
        assertThat(((DuplicateCalls.Reused<ObjectNode>) follower.get())
                        .response()
                        .get("content")
                        .asString())
                .isEqualTo("only once");
        assertThat(runs).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
