package dev.toolgate.core.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class IdempotencyKeyTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final UUID TOOL = UUID.fromString("3f2a9c4e-1b7d-4e8a-9f00-0123456789ab");

    @Test
    void matchesAnIndependentlyComputedDigest() {
        // printf
        // 'call_123\n3f2a9c4e-1b7d-4e8a-9f00-0123456789ab\n{"a":{"x":1,"y":[2,{"p":true,"q":null}]},"b":"Zürich"}' |
        // sha256sum
        JsonNode arguments = json("{\"b\": \"Zürich\", \"a\": {\"y\": [2, {\"q\": null, \"p\": true}], \"x\": 1}}");

        String key = IdempotencyKey.of("call_123", TOOL, arguments);

        assertThat(key).isEqualTo("06369111b0955f11cc510fd00dc775a68ce941f861d84463d1d72b735a77baf9");
    }

    @Test
    void ignoresPropertyOrderAtEveryDepth() {
        String first = IdempotencyKey.of("call_1", TOOL, json("{\"a\": 1, \"o\": {\"x\": 1, \"y\": 2}}"));
        String second = IdempotencyKey.of("call_1", TOOL, json("{\"o\": {\"y\": 2, \"x\": 1}, \"a\": 1}"));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void changesWithTheCallTheToolOrTheArguments() {
        String base = IdempotencyKey.of("call_1", TOOL, json("{\"a\": [1, 2]}"));

        assertThat(IdempotencyKey.of("call_2", TOOL, json("{\"a\": [1, 2]}"))).isNotEqualTo(base);
        assertThat(IdempotencyKey.of("call_1", UUID.randomUUID(), json("{\"a\": [1, 2]}")))
                .isNotEqualTo(base);
        assertThat(IdempotencyKey.of("call_1", TOOL, json("{\"a\": [2, 1]}"))).isNotEqualTo(base);
        assertThat(IdempotencyKey.of("call_1", TOOL, json("{\"a\": [1, 2], \"b\": null}")))
                .isNotEqualTo(base);
    }

    private static JsonNode json(String text) {
        return MAPPER.readTree(text);
    }
}
