package dev.toolgate.server.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.core.variables.CallVariables;
import dev.toolgate.server.TestRedis;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Call variables in the machine's Redis (127.0.0.1:6379), as two instances share them: what one stores the other
 * reads, pending values stay apart until confirmed, the per-call cap holds, and both hashes expire after the
 * lifetime. Skipped without Redis, except under {@code CI=true}, where a missing Redis fails.
 */
class RedisCallVariablesTest {

    static RedisClient redis;

    @BeforeAll
    static void connect() {
        redis = TestRedis.client();
    }

    private static String call() {
        return CallVariables.scope(UUID.randomUUID(), "call-" + UUID.randomUUID());
    }

    @Test
    void whatOneInstanceStoresTheOtherReadsAndAConfirmedValueReplacesThePendingOne() {
        CallVariables first = new RedisCallVariables(redis, Duration.ofHours(2));
        CallVariables second = new RedisCallVariables(redis, Duration.ofHours(2));
        String call = call();

        first.putPending(call, "email", "jane@example.com");
        Map<String, String> whilePending = second.variables(call);
        boolean stored = second.put(call, "email", "jane@example.com");

        assertThat(whilePending).isEmpty();
        assertThat(stored).isTrue();
        assertThat(first.variables(call)).containsExactly(Map.entry("email", "jane@example.com"));
        assertThat(first.pending(call, "email")).isEmpty();
        assertThat(second.variables(call())).isEmpty();
    }

    @Test
    void aCallHoldsAtMostTheCapButAnExistingNameMayChange() {
        CallVariables store = new RedisCallVariables(redis, Duration.ofHours(2));
        String call = call();
        for (int i = 0; i < CallVariables.MAX_VARIABLES_PER_CALL; i++) {
            assertThat(store.put(call, "v" + i, "x")).isTrue();
        }

        assertThat(store.put(call, "one_more", "x")).isFalse();
        assertThat(store.put(call, "v7", "changed")).isTrue();
        assertThat(store.variables(call))
                .hasSize(CallVariables.MAX_VARIABLES_PER_CALL)
                .containsEntry("v7", "changed");
        assertThatThrownBy(() -> store.put(call, "long", "x".repeat(CallVariables.MAX_VALUE_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bothHashesExpireAfterTheLifetimeOfTheLastWrite() {
        CallVariables store = new RedisCallVariables(redis, Duration.ofMinutes(5));
        String call = call();

        store.put(call, "order_id", "A-17");
        store.putPending(call, "email", "jane@example.com");
        long valuesTtl;
        long pendingTtl;
        try (var connection = redis.connect()) {
            valuesTtl = connection.sync().pttl("toolgate:vars:{" + call + "}");
            pendingTtl = connection.sync().pttl("toolgate:vars:{" + call + "}:pending");
        }
        store.clearPending(call, "email");

        assertThat(valuesTtl)
                .isBetween(
                        Duration.ofMinutes(4).toMillis(), Duration.ofMinutes(5).toMillis());
        assertThat(pendingTtl)
                .isBetween(
                        Duration.ofMinutes(4).toMillis(), Duration.ofMinutes(5).toMillis());
        assertThat(store.pending(call, "email")).isEmpty();
        assertThat(store.variables(call)).containsEntry("order_id", "A-17");
    }
}
