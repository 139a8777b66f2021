package dev.toolgate.server.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Invocation ids are version 7 UUIDs: time-ordered, so the log's primary key grows at its end, and unique. */
class InvocationIdsTest {

    @Test
    void idsAreVersionSevenAndCarryTheCurrentMillisecond() {
        long before = Instant.now().toEpochMilli();
        UUID id = InvocationIds.next();
        long after = Instant.now().toEpochMilli();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        long millis = id.getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(before, after);
    }

    @Test
    void idsMadeInOneMillisecondStillIncreaseAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        String previous = InvocationIds.nextText();
        for (int i = 0; i < 50_000; i++) {
            String id = InvocationIds.nextText();
            assertThat(id).isGreaterThan(previous);
            assertThat(seen.add(id)).isTrue();
            previous = id;
        }
    }
}
