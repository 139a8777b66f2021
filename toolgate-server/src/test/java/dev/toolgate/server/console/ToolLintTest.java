package dev.toolgate.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ToolLintTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aWellDescribedObjectSchemaGetsNoHint() {
        var hints = ToolLint.of(JSON.readTree("""
                {"description": "Looks up an order by its number.",
                 "parameters": {"type": "object", "properties": {"order_id": {"type": "string", "description": "The number"}}}}
                """));
        assertThat(hints).isEmpty();
    }

    @Test
    void namesEachWeakSpotByItsPath() {
        var hints = ToolLint.of(JSON.readTree("""
                {"description": "Orders", "parameters": {"properties": {"order_id": {"type": "string"}}}}
                """));
        assertThat(hints)
                .extracting(ToolLint.Hint::field)
                .containsExactly("description", "parameters", "parameters.properties.order_id");
    }
}
