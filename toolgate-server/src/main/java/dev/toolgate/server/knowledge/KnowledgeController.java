package dev.toolgate.server.knowledge;

import dev.toolgate.server.api.ListResponse;
import dev.toolgate.server.api.ProblemResponses;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /v1/agents/{agentId}/knowledge/documents} (docs/knowledge-base.md): the documents an agent's
 * {@code knowledge_base} tools search. Reading needs {@code tools:read}, adding and deleting {@code tools:write}.
 */
@RestController
@RequestMapping("/v1/agents/{agentId}/knowledge/documents")
@ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
@ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHENTICATED)
@ApiResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@ApiResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
class KnowledgeController {

    /** The path every document operation is under. */
    static final String PATH = "/v1/agents/{agentId}/knowledge/documents";

    private final KnowledgeService service;

    KnowledgeController(KnowledgeService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresScope(Scope.TOOLS_WRITE)
    @Operation(
            operationId = "createDocument",
            summary = "Add a document",
            description = "As JSON, the text itself (`content`, `content_type` text/plain, text/markdown or"
                    + " text/html) or an https `url` fetched under the egress policy; or as multipart/form-data, a"
                    + " `file` (plain text, Markdown, HTML, PDF or DOCX) and an optional `title`. The answer comes at"
                    + " once with `status` `processing`; poll the document until it is `ready` or `failed`. A"
                    + " document is at most `toolgate.knowledge.max-document-bytes` (10 MiB), an agent holds at most"
                    + " `toolgate.knowledge.max-documents-per-agent` (500). Scope `tools:write`.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(implementation = DocumentIn.class)),
                                @Content(
                                        mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                                        schema =
                                                @Schema(
                                                        type = "object",
                                                        requiredProperties = {"file"}),
                                        schemaProperties = {
                                            @SchemaProperty(
                                                    name = "file",
                                                    schema =
                                                            @Schema(
                                                                    type = "string",
                                                                    format = "binary",
                                                                    description = "The document.")),
                                            @SchemaProperty(
                                                    name = "title",
                                                    schema =
                                                            @Schema(
                                                                    type = "string",
                                                                    maxLength = DocumentIn.MAX_TITLE,
                                                                    description = "Shown with every hit; the file"
                                                                            + " name when left out."))
                                        },
                                        encoding = @Encoding(name = "file", contentType = "application/octet-stream"))
                            }))
    @ApiResponse(
            responseCode = "202",
            description = "Accepted; `status` is `processing`.",
            content = @Content(schema = @Schema(implementation = DocumentOut.class)))
    @ApiResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "422", ref = ProblemResponses.VALIDATION_FAILED)
    ResponseEntity<DocumentOut> createDocument(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID agentId,
            @Valid @RequestBody DocumentIn body) {
        return accepted(agentId, service.create(principal.tenantId(), agentId, body));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresScope(Scope.TOOLS_WRITE)
    @Operation(hidden = true)
    ResponseEntity<DocumentOut> uploadDocument(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID agentId,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "title", required = false) String title) {
        return accepted(agentId, service.upload(principal.tenantId(), agentId, file, title));
    }

    private static ResponseEntity<DocumentOut> accepted(UUID agentId, KnowledgeDocument document) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/v1/agents/" + agentId + "/knowledge/documents/" + document.id()))
                .body(DocumentOut.of(document));
    }

    @GetMapping
    @RequiresScope(Scope.TOOLS_READ)
    @Operation(
            operationId = "listDocuments",
            summary = "List an agent's documents",
            description = "Oldest first, with their status. Scope `tools:read`.")
    @ApiResponse(responseCode = "200", description = "The documents.", useReturnTypeSchema = true)
    ListResponse<DocumentOut> list(@Parameter(hidden = true) Principal principal, @PathVariable UUID agentId) {
        return new ListResponse<>(service.list(principal.tenantId(), agentId).stream()
                .map(DocumentOut::of)
                .toList());
    }

    @GetMapping("/{documentId}")
    @RequiresScope(Scope.TOOLS_READ)
    @Operation(
            operationId = "getDocument",
            summary = "Get a document",
            description = "Its status: `processing`, `ready` or `failed` (with `failure_reason`). Scope `tools:read`.")
    @ApiResponse(responseCode = "200", description = "The document.", useReturnTypeSchema = true)
    DocumentOut get(
            @Parameter(hidden = true) Principal principal, @PathVariable UUID agentId, @PathVariable UUID documentId) {
        return DocumentOut.of(service.get(principal.tenantId(), agentId, documentId));
    }

    @GetMapping("/{documentId}/chunks")
    @RequiresScope(Scope.TOOLS_READ)
    @Operation(
            operationId = "listDocumentChunks",
            summary = "List a document's chunks",
            description = "The chunks as they are embedded and returned to a model, in order; empty until the"
                    + " document is `ready`. Scope `tools:read`.")
    @ApiResponse(responseCode = "200", description = "The chunks.", useReturnTypeSchema = true)
    ListResponse<ChunkOut> chunks(
            @Parameter(hidden = true) Principal principal, @PathVariable UUID agentId, @PathVariable UUID documentId) {
        return new ListResponse<>(service.chunks(principal.tenantId(), agentId, documentId).stream()
                .map(ChunkOut::of)
                .toList());
    }

    @DeleteMapping("/{documentId}")
    @RequiresScope(Scope.TOOLS_WRITE)
    @Operation(
            operationId = "deleteDocument",
            summary = "Delete a document",
            description = "With its chunks; searches stop finding it at once on this instance and within moments on"
                    + " the others. Scope `tools:write`.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    ResponseEntity<Void> delete(
            @Parameter(hidden = true) Principal principal, @PathVariable UUID agentId, @PathVariable UUID documentId) {
        service.delete(principal.tenantId(), agentId, documentId);
        return ResponseEntity.noContent().build();
    }
}
