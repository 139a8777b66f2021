package dev.toolgate.server.platform;

import dev.toolgate.core.tool.ToolDefinition;
import dev.toolgate.server.tool.ToolExportFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The agent's enabled tools in each voice platform's own tool format, pointing at its adapter
 * ({@code GET /v1/agents/{agentId}/functions?format=vapi|retell|elevenlabs}, docs/platforms.md), ready to paste
 * into the platform or to send to its create-tool API. No secret is ever part of an export: the platform's
 * credential is set at the platform.
 *
 * <ul>
 *   <li>{@code vapi}: a {@code function} tool (Vapi API {@code POST /tool}, server SDK
 *       {@code CreateToolsRequest.Function}): {@code {type, async, function: {name, description, parameters},
 *       server: {url}}}.
 *   <li>{@code retell}: a custom tool of a Retell LLM's {@code general_tools} (retell-sdk
 *       {@code LlmCreateParams.CustomTool}): {@code {type: "custom", name, description, url, method, parameters}}.
 *   <li>{@code elevenlabs}: a webhook tool (ElevenLabs API {@code POST /v1/convai/tools}, SDK
 *       {@code ToolRequestModel}, in the API's snake_case): {@code {tool_config: {type: "webhook", name,
 *       description, api_schema: {url, method, request_headers, request_body_schema}}}}; the call headers are
 *       ElevenLabs' dynamic variables {@code system__conversation_id} and {@code system__caller_id}.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class PlatformExports {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Bean
    ToolExportFormat vapiExport(AdapterUrls urls) {
        return format(Platform.VAPI, (agentId, tool) -> {
            ObjectNode out = NODES.objectNode().put("type", "function").put("async", false);
            out.putObject("function")
                    .put("name", tool.name())
                    .put("description", tool.description())
                    .set("parameters", PlatformSchemas.convert(tool.parameters(), PlatformSchemas.Subset.VAPI));
            out.putObject("server").put("url", urls.adapter(Platform.VAPI, agentId));
            return out;
        });
    }

    @Bean
    ToolExportFormat retellExport(AdapterUrls urls) {
        return format(Platform.RETELL, (agentId, tool) -> {
            ObjectNode out = NODES.objectNode()
                    .put("type", "custom")
                    .put("name", tool.name())
                    .put("description", tool.description())
                    .put("url", urls.adapter(Platform.RETELL, agentId))
                    .put("method", "POST");
            ObjectNode parameters = out.putObject("parameters").put("type", "object");
            JsonNode properties = tool.parameters().get("properties");
            parameters.set(
                    "properties",
                    properties != null && properties.isObject() ? properties.deepCopy() : NODES.objectNode());
            JsonNode required = tool.parameters().get("required");
            if (required != null && required.isArray() && !required.isEmpty()) {
                parameters.set("required", required.deepCopy());
            }
            return out;
        });
    }

    @Bean
    ToolExportFormat elevenLabsExport(AdapterUrls urls) {
        return format(Platform.ELEVENLABS, (agentId, tool) -> {
            ObjectNode config = NODES.objectNode()
                    .put("type", "webhook")
                    .put("name", tool.name())
                    .put("description", tool.description());
            ObjectNode api = config.putObject("api_schema")
                    .put("url", urls.adapter(Platform.ELEVENLABS, agentId) + "/" + tool.name())
                    .put("method", "POST");
            ObjectNode headers = api.putObject("request_headers");
            headers.putObject("X-Toolgate-Call-Id").put("variable_name", "system__conversation_id");
            headers.putObject("X-Toolgate-Caller-Number").put("variable_name", "system__caller_id");
            ObjectNode body = PlatformSchemas.convert(tool.parameters(), PlatformSchemas.Subset.ELEVENLABS);
            body.put("description", "The arguments of " + tool.name());
            api.set("request_body_schema", body);
            ObjectNode out = NODES.objectNode();
            out.set("tool_config", config);
            return out;
        });
    }

    /** One tool's descriptor in a platform's format. */
    private interface Descriptor {
        ObjectNode describe(UUID agentId, ToolDefinition tool);
    }

    private static ToolExportFormat format(Platform platform, Descriptor descriptor) {
        return new ToolExportFormat() {
            @Override
            public String wireName() {
                return platform.wireName();
            }

            @Override
            public List<JsonNode> export(UUID agentId, List<ToolDefinition> tools) {
                return tools.stream()
                        .map(tool -> (JsonNode) descriptor.describe(agentId, tool))
                        .toList();
            }
        };
    }
}
