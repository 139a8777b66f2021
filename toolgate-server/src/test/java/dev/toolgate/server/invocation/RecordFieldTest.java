package dev.toolgate.server.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The bound on one stored field: cut text is a JSON string that fits the bound, keeps all it can, and says so. */
class RecordFieldTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aFieldThatFitsIsStoredAsItIs() {
        String json = "{\"day\":\"mon\"}";

        assertThat(RecordField.bound(json, 1024)).isSameAs(json);
        assertThat(RecordField.whole(json)).isTrue();
        assertThat(RecordField.bound(null, 1024)).isNull();
    }

    @Test
    void escapeHeavyTextIsCutToTheBoundAndStillParses() {
        // Each control character takes 6 bytes once escaped (\u0001); each emoji 4 bytes and two chars.
        String json = JSON.writeValueAsString(JSON.createObjectNode().put("v", "\u0001😀\"".repeat(2_000)));

        String stored = RecordField.bound(json, 1024);
        JsonNode read = JSON.readTree(stored);

        assertThat(stored.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        assertThat(stored.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1000);
        assertThat(read.isString()).isTrue();
        int total = json.getBytes(StandardCharsets.UTF_8).length;
        String kept = read.asString().substring(0, read.asString().indexOf("…[cut: "));
        assertThat(json).startsWith(kept);
        assertThat(read.asString())
                .endsWith("…[cut: " + (total - kept.getBytes(StandardCharsets.UTF_8).length) + " bytes]");
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
        assertThat(RecordField.whole(stored)).isFalse();
    }

    @Test
    void readingNeverFailsOnWhatIsStored() {
        assertThat(RecordField.read("{\"a\": ", 1024).asString()).isEqualTo("{\"a\": ");
        assertThat(RecordField.read("[".repeat(3_000), 16_384).isString()).isTrue();
        assertThat(RecordField.read("x".repeat(5_000), 1024).asString()).contains("…[cut: ");
        assertThat(RecordField.read(null, 1024).isNull()).isTrue();
        assertThat(RecordField.whole("not json")).isFalse();
    }
}
