package dev.toolgate.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.core.tool.ParseResult;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinition;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.core.tool.ToolLimits;
import dev.toolgate.server.api.ApiException;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What {@code tools/list} says of each tool, and which tools a client's {@code tools} subset lets through. */
class McpToolDescriptionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ToolDefinitionParser PARSER = new ToolDefinitionParser(ToolLimits.ofDefaults());
    private final McpToolDescriptions descriptions = new McpToolDescriptions(JSON);

    @Test
    void eachHttpMethodGetsItsHints() {
        McpSchema.ToolAnnotations get = McpToolDescriptions.annotations(http("a", "GET", true));
        assertThat(get.readOnlyHint()).isTrue();
        assertThat(get.idempotentHint()).isTrue();
        assertThat(get.destructiveHint()).isNull();

        McpSchema.ToolAnnotations delete = McpToolDescriptions.annotations(http("a", "DELETE", true));
        assertThat(delete.readOnlyHint()).isFalse();
        assertThat(delete.destructiveHint()).isTrue();
        assertThat(delete.idempotentHint()).isTrue();

        McpSchema.ToolAnnotations put = McpToolDescriptions.annotations(http("a", "PUT", true));
        assertThat(put.readOnlyHint()).isFalse();
        assertThat(put.idempotentHint()).isTrue();
        assertThat(put.destructiveHint()).isNull();

        for (String method : List.of("POST", "PATCH")) {
            McpSchema.ToolAnnotations hints = McpToolDescriptions.annotations(http("a", method, true));
            assertThat(hints.readOnlyHint()).as(method).isFalse();
            assertThat(hints.idempotentHint()).as(method).isFalse();
            assertThat(hints.destructiveHint()).as(method).isNull();
        }
    }

    @Test
    void aToolIsDescribedByItsNameTitleDescriptionAndParametersSchema() {
        McpSchema.Tool tool = descriptions.describe(http("lookup_order", "GET", true));
        assertThat(tool.name()).isEqualTo("lookup_order");
        assertThat(tool.title()).isEqualTo("Lookup order");
        assertThat(tool.annotations().title()).isEqualTo("Lookup order");
        assertThat(tool.description()).isEqualTo("Finds an order");
        assertThat(tool.inputSchema()).containsEntry("type", "object");
        assertThat(tool.inputSchema().get("required")).isEqualTo(List.of("order_id"));
    }

    @Test
    void onlyEnabledToolsOfTheSubsetAreListedInTheGivenOrder() {
        List<Tool> tools = List.of(
                stored(http("first", "GET", true)),
                stored(http("off", "GET", false)),
                stored(http("second", "POST", true)));
        assertThat(descriptions.describe(tools, ToolSubset.ALL))
                .extracting(McpSchema.Tool::name)
                .containsExactly("first", "second");
        assertThat(descriptions.describe(tools, ToolSubset.parse(" second , off,missing")))
                .extracting(McpSchema.Tool::name)
                .containsExactly("second");
    }

    @Test
    void theSubsetParameterIsAListOfToolNames() {
        assertThat(ToolSubset.parse(null)).isEqualTo(ToolSubset.ALL);
        assertThat(ToolSubset.parse(" , ")).isEqualTo(ToolSubset.ALL);
        assertThat(ToolSubset.parse("a,b,a").names()).containsExactlyInAnyOrder("a", "b");
        assertThat(ToolSubset.parse("a").includes("b")).isFalse();
        assertThatThrownBy(() -> ToolSubset.parse("a,b c"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("comma-separated list of tool names");
        String tooMany = String.join(
                ",",
                java.util.stream.IntStream.rangeClosed(0, ToolSubset.MAX_NAMES)
                        .mapToObj(i -> "t" + i)
                        .toList());
        assertThatThrownBy(() -> ToolSubset.parse(tooMany))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("at most " + ToolSubset.MAX_NAMES);
    }

    private static ToolDefinition http(String name, String method, boolean enabled) {
        ParseResult result = PARSER.parse(JSON.readTree("""
                {"name": "%s", "display_name": "Lookup order", "description": "Finds an order",
                 "tool_type": "http_request", "is_enabled": %s,
                 "parameters": {"type": "object", "properties": {"order_id": {"type": "string"}},
                                "required": ["order_id"]},
                 "config": {"url": "https://api.example.com/orders", "method": "%s"}}
                """.formatted(name, enabled, method)));
        assertThat(result).isInstanceOf(ParseResult.Valid.class);
        return ((ParseResult.Valid) result).definition();
    }

    private static Tool stored(ToolDefinition definition) {
        return new Tool(
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), definition, Instant.now(), Instant.now());
    }
}
