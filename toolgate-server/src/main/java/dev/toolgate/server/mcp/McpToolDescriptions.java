package dev.toolgate.server.mcp;

import dev.toolgate.core.tool.HttpMethod;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinition;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agent's tools as MCP {@code Tool} descriptions for {@code tools/list} (MCP 2025-11-25, "server/tools"): the
 * tool's name, its display name as {@code title}, its description, its {@code parameters} JSON Schema as
 * {@code inputSchema}, and behaviour hints derived from an HTTP tool's method:
 *
 * <table>
 *   <caption>Annotations by HTTP method</caption>
 *   <tr><th>method</th><th>readOnlyHint</th><th>destructiveHint</th><th>idempotentHint</th></tr>
 *   <tr><td>GET</td><td>true</td><td>(not set)</td><td>true</td></tr>
 *   <tr><td>PUT</td><td>false</td><td>(not set)</td><td>true</td></tr>
 *   <tr><td>DELETE</td><td>false</td><td>true</td><td>true</td></tr>
 *   <tr><td>POST, PATCH</td><td>false</td><td>(not set)</td><td>false</td></tr>
 * </table>
 *
 * <p>The idempotent methods are RFC 9110's (section 9.2.2), the read-only one its safe method GET (section 9.2.1).
 * A hint left out means the specification's default (a tool that is not read-only may be destructive). Tools of
 * other types (transfers, end call, ...) get no method hints. Stateless and thread-safe.
 */
final class McpToolDescriptions {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final JsonMapper json;

    McpToolDescriptions(JsonMapper json) {
        this.json = json;
    }

    /**
     * Returns the descriptions of the tools a client may see: the enabled ones of {@code subset}, in the order given
     * (the store's order: lowest priority first, then by name).
     *
     * @param tools the agent's tools, by priority then name
     * @param subset the client's subset
     */
    List<McpSchema.Tool> describe(List<Tool> tools, ToolSubset subset) {
        return tools.stream()
                .map(Tool::definition)
                .filter(ToolDefinition::enabled)
                .filter(definition -> subset.includes(definition.name()))
                .map(this::describe)
                .toList();
    }

    /** Returns one tool's MCP description. */
    McpSchema.Tool describe(ToolDefinition definition) {
        McpSchema.Tool.Builder tool = McpSchema.Tool.builder(definition.name())
                .description(definition.description())
                .inputSchema(json.convertValue(definition.parameters(), OBJECT));
        if (definition.displayName() != null) {
            tool.title(definition.displayName());
        }
        McpSchema.ToolAnnotations annotations = annotations(definition);
        if (annotations != null) {
            tool.annotations(annotations);
        }
        return tool.build();
    }

    /** The hints of the table above, with the display name as their title; null when there is nothing to say. */
    static McpSchema.ToolAnnotations annotations(ToolDefinition definition) {
        if (!(definition.config() instanceof HttpRequestConfig http)) {
            return definition.displayName() == null
                    ? null
                    : McpSchema.ToolAnnotations.builder()
                            .title(definition.displayName())
                            .build();
        }
        HttpMethod method = http.method();
        McpSchema.ToolAnnotations.Builder hints = McpSchema.ToolAnnotations.builder()
                .title(definition.displayName())
                .readOnlyHint(method == HttpMethod.GET)
                .idempotentHint(method == HttpMethod.GET || method == HttpMethod.PUT || method == HttpMethod.DELETE);
        if (method == HttpMethod.DELETE) {
            hints.destructiveHint(true);
        }
        return hints.build();
    }
}
