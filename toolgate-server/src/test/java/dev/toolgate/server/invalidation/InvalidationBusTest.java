package dev.toolgate.server.invalidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class InvalidationBusTest {

    /** A bus whose "other instances" are a list of sent messages. */
    static final class RecordingBus extends AbstractInvalidationBus {
        final List<String> sent = new ArrayList<>();

        RecordingBus() {
            super(Duration.ofSeconds(1), true);
        }

        @Override
        protected void send(String json) {
            sent.add(json);
        }

        @Override
        protected String transport() {
            return "test";
        }
    }

    private final RecordingBus bus = new RecordingBus();
    private final List<InvalidationEvent> heard = new ArrayList<>();

    {
        bus.subscribe(heard::add);
    }

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void everyEventCrossesTheWireUnchanged() {
        UUID tenant = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        List<InvalidationEvent> events = List.of(
                new InvalidationEvent.ApiKeyChanged(tenant, id),
                new InvalidationEvent.ToolChanged(tenant, UUID.randomUUID(), id),
                new InvalidationEvent.AgentChanged(tenant, id),
                new InvalidationEvent.SecretChanged(tenant, "crm_token"),
                new InvalidationEvent.SigningSecretChanged(id),
                new InvalidationEvent.RateLimitsChanged(tenant),
                new InvalidationEvent.KnowledgeChanged(tenant, id),
                new InvalidationEvent.Everything());
        RecordingBus other = new RecordingBus();
        List<InvalidationEvent> received = new ArrayList<>();
        other.subscribe(received::add);

        events.forEach(bus::publish);
        bus.sent.forEach(other::receive);

        assertThat(received).isEqualTo(events);
        assertThat(bus.sent.get(1)).startsWith("{\"type\":\"tool\",");
    }

    @Test
    void aMalformedMessageIsIgnored() {
        bus.receive("{\"type\":\"nonsense\"}");
        bus.receive("not json");

        assertThat(heard).isEmpty();
    }

    @Test
    void outsideATransactionAnEventIsHeardHereAndSentAtOnce() {
        bus.publish(new InvalidationEvent.RateLimitsChanged(UUID.randomUUID()));

        assertThat(heard).hasSize(1);
        assertThat(bus.sent).hasSize(1);
    }

    @Test
    void insideATransactionItIsHeardAgainAtTheEndAndSentOnlyAfterACommit() {
        TransactionSynchronizationManager.initSynchronization();
        bus.publish(new InvalidationEvent.AgentChanged(UUID.randomUUID(), UUID.randomUUID()));
        bus.publish(new InvalidationEvent.AgentChanged(UUID.randomUUID(), UUID.randomUUID()));
        List<TransactionSynchronization> committed = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();

        assertThat(heard).hasSize(2);
        assertThat(bus.sent).isEmpty();
        committed.get(0).afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
        committed.get(1).afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(heard).hasSize(4);
        assertThat(bus.sent).hasSize(1);
    }

    @Test
    void losingTheConnectionDropsEverythingAndShortensLifetimesUntilItIsBack() {
        Duration connected = bus.cacheLifetime(Duration.ofSeconds(10));
        bus.markDisconnected("test");
        Duration disconnected = bus.cacheLifetime(Duration.ofSeconds(10));
        Duration shortAnyway = bus.cacheLifetime(Duration.ofMillis(200));
        bus.markDisconnected("again");
        bus.markConnected();

        assertThat(connected).isEqualTo(Duration.ofSeconds(10));
        assertThat(disconnected).isEqualTo(Duration.ofSeconds(1));
        assertThat(shortAnyway).isEqualTo(Duration.ofMillis(200));
        assertThat(heard).containsExactly(new InvalidationEvent.Everything(), new InvalidationEvent.Everything());
        assertThat(bus.cacheLifetime(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aValueReadWhileAnInvalidationRanIsNotCached() {
        InvalidatingCache<String, String> cache = bus.cache(Duration.ofMinutes(1));
        int[] loads = {0};

        Optional<String> first = cache.get("key", k -> {
            loads[0]++;
            cache.invalidate(k); // the change lands while this read is under way
            return Optional.of("old");
        });
        Optional<String> second = cache.get("key", k -> {
            loads[0]++;
            return Optional.of("new");
        });
        Optional<String> third = cache.get("key", k -> {
            loads[0]++;
            return Optional.of("newer");
        });

        assertThat(first).contains("old");
        assertThat(second).contains("new");
        assertThat(third).contains("new");
        assertThat(loads[0]).isEqualTo(2);
    }

    @Test
    void invalidateIfDropsOnlyMatchingEntries() {
        InvalidatingCache<String, String> cache = bus.cache(Duration.ofMinutes(1));
        cache.get("a", k -> Optional.of("drop"));
        cache.get("b", k -> Optional.of("keep"));

        cache.invalidateIf((key, value) -> value.equals("drop"));

        assertThat(cache.get("a", k -> Optional.of("reloaded"))).contains("reloaded");
        assertThat(cache.get("b", k -> Optional.of("reloaded"))).contains("keep");
    }
}
