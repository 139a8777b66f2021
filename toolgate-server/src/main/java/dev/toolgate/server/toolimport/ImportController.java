package dev.toolgate.server.toolimport;

import dev.toolgate.server.api.ProblemResponses;
import dev.toolgate.server.config.FeatureSettings;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/agents/{agentId}/tools/import} (docs/openapi-import.md): an OpenAPI document in, one
 * {@code http_request} tool per operation out. Its body may be up to {@code toolgate.openapi-import.max-document-bytes}
 * ({@link FeatureSettings.OpenApiImport#PATH}).
 */
@RestController
@ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
@ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHENTICATED)
@ApiResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(FeatureSettings.OpenApiImport.PATH)
    @RequiresScope(Scope.TOOLS_WRITE)
    @Operation(
            operationId = "importTools",
            summary = "Import tools from an OpenAPI document",
            description = "Turns the operations of an OpenAPI 3.0/3.1 or Swagger 2.0 document (inline, or fetched"
                    + " from an https URL under the egress policy) into http_request tools: path, query, header and"
                    + " JSON-body parameters become one parameters schema, apiKey and bearer security an auth that"
                    + " refers to a tenant secret. What does not map is a warning naming its operation. With"
                    + " `dry_run` nothing is created; otherwise every tool is created in one transaction, each with"
                    + " its signing secret shown this once. Scope `tools:write`.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = ImportIn.class))))
    @ApiResponse(
            responseCode = "200",
            description = "The dry run's tools, or nothing created (no operation made a tool).",
            content = @Content(schema = @Schema(implementation = ImportOut.class)))
    @ApiResponse(
            responseCode = "201",
            description = "The tools were created.",
            content = @Content(schema = @Schema(implementation = ImportOut.class)))
    @ApiResponse(responseCode = "409", ref = ProblemResponses.TOOL_NAME_TAKEN)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "422", ref = ProblemResponses.VALIDATION_FAILED)
    ResponseEntity<ImportOut> importTools(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID agentId,
            @Valid @RequestBody ImportIn body) {
        ImportOut out = imports.run(principal.tenantId(), agentId, body);
        return ResponseEntity.status(out.created() > 0 ? HttpStatus.CREATED : HttpStatus.OK)
                .body(out);
    }
}
