package dev.toolgate.server.tool;

import dev.toolgate.core.describe.DescriptorExporter;
import dev.toolgate.core.describe.DescriptorFormat;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinition;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.api.ListResponse;
import dev.toolgate.server.api.ProblemResponses;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
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

/**
 * {@code /v1/agents/{agentId}/tools} (docs/request-response.md) and {@code /v1/agents/{agentId}/functions} (the enabled
 * tools as LLM function descriptors). Tool bodies stay JSON trees: {@link ToolDefinitionParser} reads them and
 * reports every field error by path; their documented schemas are {@link ToolApiDocs}'.
 */
@RestController
@RequestMapping("/v1/agents/{agentId}")
@ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
@ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHENTICATED)
@ApiResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
class ToolController {

    private final AgentStore agents;
    private final ToolStore tools;
    private final ToolService service;
    private final List<ToolExportFormat> exportFormats;

    ToolController(AgentStore agents, ToolStore tools, ToolService service, List<ToolExportFormat> exportFormats) {
        this.exportFormats = List.copyOf(exportFormats);
        this.agents = agents;
        this.tools = tools;
        this.service = service;
    }

    @GetMapping("/tools")
    @RequiresScope(Scope.TOOLS_READ)
    @Operation(operationId = "listTools", summary = "List an agent's tools", description = "Scope `tools:read`.")
    @ApiResponse(
            responseCode = "200",
            description = "The agent's tools; auth values show as \"***\".",
            content = @Content(schema = @Schema(ref = ToolApiDocs.TOOL_LIST)))
    ListResponse<ToolOut> list(@Parameter(hidden = true) Principal principal, @PathVariable UUID agentId) {
        return new ListResponse<>(service.list(principal.tenantId(), agentId).stream()
                .map(ToolOut::of)
                .toList());
    }

    @PostMapping("/tools")
    @RequiresScope(Scope.TOOLS_WRITE)
    @Operation(
            operationId = "createTool",
            summary = "Create a tool",
            description = "Every field error is reported at once, by path (`config.url`). The answer carries the"
                    + " tool's signing secret, shown this once. An AssemblyAI-style body (an `http` block with"
                    + " `timeout_seconds` instead of `tool_type` and `config`) makes an `http_request` tool too."
                    + " Scope `tools:write`.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(ref = ToolApiDocs.TOOL_IN))))
    @ApiResponse(
            responseCode = "201",
            description = "The new tool, with its signing secret (shown once).",
            content = @Content(schema = @Schema(ref = ToolApiDocs.TOOL_OUT)))
    @ApiResponse(responseCode = "409", ref = ProblemResponses.TOOL_NAME_TAKEN)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "422", ref = ProblemResponses.VALIDATION_FAILED)
    ResponseEntity<ToolOut> create(
            @Parameter(hidden = true) Principal principal, @PathVariable UUID agentId, @RequestBody JsonNode body) {
        ToolService.Saved saved = service.create(principal.tenantId(), agentId, body);
        return ResponseEntity.status(HttpStatus.CREATED).body(ToolOut.of(saved.tool(), saved.signingSecret()));
    }

    @GetMapping("/tools/{toolId}")
    @RequiresScope(Scope.TOOLS_READ)
    @Operation(operationId = "getTool", summary = "Get a tool", description = "Scope `tools:read`.")
    @ApiResponse(
            responseCode = "200",
            description = "The tool; auth values show as \"***\".",
            content = @Content(schema = @Schema(ref = ToolApiDocs.TOOL_OUT)))
    ToolOut get(@Parameter(hidden = true) Principal principal, @PathVariable UUID agentId, @PathVariable UUID toolId) {
        return ToolOut.of(service.require(principal.tenantId(), agentId, toolId));
    }

    @PatchMapping("/tools/{toolId}")
    @RequiresScope(Scope.TOOLS_WRITE)
    @Operation(
            operationId = "patchTool",
            summary = "Change a tool",
            description = "Fields present replace the stored ones (null resets to the default); `config` is merged"
                    + " key by key (JSON Merge Patch, RFC 7396) unless `tool_type` changes. `\"***\"` sent back for an"
                    + " auth token or value keeps the stored one. A change of `signature_scheme` issues a new signing"
                    + " secret, shown once. Scope `tools:write`.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(ref = ToolApiDocs.TOOL_PATCH))))
    @ApiResponse(
            responseCode = "200",
            description = "The changed tool.",
            content = @Content(schema = @Schema(ref = ToolApiDocs.TOOL_OUT)))
    @ApiResponse(responseCode = "409", ref = ProblemResponses.TOOL_NAME_TAKEN)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "422", ref = ProblemResponses.VALIDATION_FAILED)
    ToolOut patch(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID agentId,
            @PathVariable UUID toolId,
            @RequestBody JsonNode body) {
        ToolService.Saved saved = service.patch(principal.tenantId(), agentId, toolId, body);
        ToolOut patched = ToolOut.of(saved.tool());
        return saved.signingSecret() == null ? patched : patched.withSigningSecret(saved.signingSecret());
    }

    @DeleteMapping("/tools/{toolId}")
    @RequiresScope(Scope.TOOLS_WRITE)
    @Operation(operationId = "deleteTool", summary = "Delete a tool", description = "Scope `tools:write`.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    ResponseEntity<Void> delete(
            @Parameter(hidden = true) Principal principal, @PathVariable UUID agentId, @PathVariable UUID toolId) {
        service.delete(principal.tenantId(), agentId, toolId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/functions")
    @RequiresScope(Scope.TOOLS_READ)
    @Operation(
            operationId = "exportFunctions",
            summary = "Export the tools as function descriptors",
            description = "The agent's enabled tools, lowest priority first, as the tool list of one LLM API, each"
                    + " with the argument schema the model sees (fixed per type for the voice-runtime tools) and, unless"
                    + " `extensions=false`, an `x-toolgate` object: the tool type and what the voice runtime says"
                    + " while and after it runs (docs/voice-runtime.md); or as tools of a hosted voice platform (vapi,"
                    + " retell, elevenlabs) pointing at its Toolgate adapter (docs/platforms.md). Scope `tools:read`.")
    @ApiResponse(responseCode = "200", description = "The descriptors.", useReturnTypeSchema = true)
    FunctionsOut functions(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID agentId,
            @Parameter(description = "The LLM API or voice platform whose format to use; case is ignored.")
                    @RequestParam(defaultValue = "openai")
                    String format,
            @Parameter(
                            description = "Whether each descriptor carries the `x-toolgate` object; leave it out"
                                    + " (false) to hand the descriptors to the vendor verbatim.")
                    @RequestParam(defaultValue = "true")
                    boolean extensions) {
        agents.require(principal.tenantId(), agentId);
        var definitions = tools.list(principal.tenantId(), agentId).stream()
                .map(Tool::definition)
                .toList();
        String wanted = format.strip().toLowerCase(Locale.ROOT);
        for (ToolExportFormat exportFormat : exportFormats) {
            if (exportFormat.wireName().equals(wanted)) {
                return new FunctionsOut(
                        exportFormat.wireName(),
                        exportFormat.export(
                                agentId,
                                definitions.stream()
                                        .filter(ToolDefinition::enabled)
                                        .toList()));
            }
        }
        DescriptorFormat descriptorFormat;
        try {
            descriptorFormat = DescriptorFormat.fromWireName(format);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(
                    "format",
                    e.getMessage()
                            + exportFormats.stream()
                                    .map(ToolExportFormat::wireName)
                                    .map(name -> ", " + name)
                                    .collect(Collectors.joining()));
        }
        return new FunctionsOut(
                descriptorFormat.wireName(),
                DescriptorExporter.export(definitions, descriptorFormat, extensions)
                        .valueStream()
                        .toList());
    }
}
