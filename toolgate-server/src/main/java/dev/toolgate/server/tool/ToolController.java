package dev.toolgate.server.tool;

import dev.toolgate.core.describe.DescriptorExporter;
import dev.toolgate.core.describe.DescriptorFormat;
import dev.toolgate.core.signing.SigningSecret;
import dev.toolgate.core.tool.ParseResult;
import dev.toolgate.core.tool.SignatureScheme;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinition;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.core.tool.ToolDefinitionWriter;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.secrets.SigningSecretStore;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/agents/{agentId}/tools} (docs/request-response.md) and
 * {@code /v1/agents/{agentId}/functions} (the enabled tools as LLM function descriptors).
 */
@RestController
@RequestMapping("/v1/agents/{agentId}")
class ToolController {

    private static final ToolDefinitionWriter WRITER = new ToolDefinitionWriter();

    private final AgentStore agents;
    private final ToolStore tools;
    private final ToolDefinitionParser parser;
    private final SigningSecretStore signingSecrets;

    ToolController(AgentStore agents, ToolStore tools, ToolDefinitionParser parser, SigningSecretStore signingSecrets) {
        this.agents = agents;
        this.tools = tools;
        this.parser = parser;
        this.signingSecrets = signingSecrets;
    }

    @GetMapping("/tools")
    @RequiresScope(Scope.TOOLS_READ)
    Map<String, ArrayNode> list(Principal principal, @PathVariable UUID agentId) {
        agents.require(principal.tenantId(), agentId);
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        tools.list(principal.tenantId(), agentId).forEach(tool -> data.add(toJson(tool)));
        return Map.of("data", data);
    }

    @PostMapping("/tools")
    @RequiresScope(Scope.TOOLS_WRITE)
    ResponseEntity<ObjectNode> create(Principal principal, @PathVariable UUID agentId, @RequestBody JsonNode body) {
        agents.require(principal.tenantId(), agentId);
        ToolDefinition definition = valid(parser.parse(body));
        SigningSecret secret = SigningSecret.generate(SigningSecretStore.schemeOf(definition));
        Tool tool = tools.create(principal.tenantId(), agentId, definition, secret);
        ObjectNode json = toJson(tool);
        json.put("signing_secret", secret.reveal());
        return ResponseEntity.status(HttpStatus.CREATED).body(json);
    }

    @GetMapping("/tools/{toolId}")
    @RequiresScope(Scope.TOOLS_READ)
    ObjectNode get(Principal principal, @PathVariable UUID agentId, @PathVariable UUID toolId) {
        return toJson(requireTool(principal, agentId, toolId));
    }

    @PatchMapping("/tools/{toolId}")
    @RequiresScope(Scope.TOOLS_WRITE)
    ObjectNode patch(
            Principal principal, @PathVariable UUID agentId, @PathVariable UUID toolId, @RequestBody JsonNode body) {
        Tool existing = requireTool(principal, agentId, toolId);
        ToolDefinition definition = valid(parser.patch(existing.definition(), body));
        ObjectNode json = toJson(tools.update(existing, definition));
        SignatureScheme scheme = SigningSecretStore.schemeOf(definition);
        if (scheme != SigningSecretStore.schemeOf(existing.definition())) {
            // a secret of the other scheme's form cannot sign: issue a new one, shown once like at creation
            json.put(
                    "signing_secret",
                    signingSecrets.replace(existing.id(), scheme).reveal());
        }
        return json;
    }

    @DeleteMapping("/tools/{toolId}")
    @RequiresScope(Scope.TOOLS_WRITE)
    ResponseEntity<Void> delete(Principal principal, @PathVariable UUID agentId, @PathVariable UUID toolId) {
        agents.require(principal.tenantId(), agentId);
        if (!tools.delete(principal.tenantId(), agentId, toolId)) {
            throw ApiException.notFound("tool");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/functions")
    @RequiresScope(Scope.TOOLS_READ)
    Map<String, Object> functions(
            Principal principal, @PathVariable UUID agentId, @RequestParam(defaultValue = "openai") String format) {
        agents.require(principal.tenantId(), agentId);
        DescriptorFormat descriptorFormat;
        try {
            descriptorFormat = DescriptorFormat.fromWireName(format);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        var definitions = tools.list(principal.tenantId(), agentId).stream()
                .map(Tool::definition)
                .toList();
        return Map.of(
                "format",
                descriptorFormat.wireName(),
                "tools",
                DescriptorExporter.export(definitions, descriptorFormat));
    }

    static ObjectNode toJson(Tool tool) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", tool.id().toString());
        json.put("agent_id", tool.agentId().toString());
        json.setAll(WRITER.toJson(tool.definition(), true));
        json.put("created_at", tool.createdAt().toString());
        json.put("updated_at", tool.updatedAt().toString());
        return json;
    }

    private static ToolDefinition valid(ParseResult result) {
        return switch (result) {
            case ParseResult.Valid valid -> valid.definition();
            case ParseResult.Invalid invalid -> throw ApiException.invalid(invalid.errors());
        };
    }

    private Tool requireTool(Principal principal, UUID agentId, UUID toolId) {
        agents.require(principal.tenantId(), agentId);
        return tools.require(principal.tenantId(), agentId, toolId);
    }
}
