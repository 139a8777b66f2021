package dev.toolgate.server.tool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ToolServiceMergePatchTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void removedMembersBecomeNullAndNestedObjectsAreDiffed() {
        var from =
                JSON.readTree("{\"url\":\"https://a\",\"timeout\":3,\"auth\":{\"type\":\"bearer\",\"token\":\"***\"}}");
        var to = JSON.readTree("{\"url\":\"https://b\",\"auth\":{\"type\":\"bearer\",\"token\":\"***\"}}");
        assertThat(ToolService.mergePatch(from, to).toString()).isEqualTo("{\"timeout\":null,\"url\":\"https://b\"}");
    }

    @Test
    void aValueOfAnotherShapeReplacesTheOldOne() {
        var from = JSON.readTree("{\"headers\":{\"a\":1}}");
        var to = JSON.readTree("{\"headers\":[{\"key\":\"a\",\"value\":\"1\"}]}");
        assertThat(ToolService.mergePatch(from, to).toString())
                .isEqualTo("{\"headers\":[{\"key\":\"a\",\"value\":\"1\"}]}");
    }
}
