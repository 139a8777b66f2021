package dev.toolgate.server.invocation;

import dev.toolgate.core.telephony.DtmfAudio;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiErrorCode;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the invocation log: {@code GET /v1/agents/{agentId}/invocations} (filters {@code tool}, {@code status},
 * {@code since}; keyset pagination with {@code limit} and {@code cursor}) and {@code GET /v1/invocations/{id}}.
 */
@RestController
class InvocationQueryController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AgentStore agents;
    private final InvocationQueries queries;
    private final int maxFieldBytes;

    InvocationQueryController(AgentStore agents, InvocationQueries queries, ToolgateProperties properties) {
        this.agents = agents;
        this.queries = queries;
        this.maxFieldBytes = properties.limits().maxRecordFieldBytes();
    }

    @Operation(operationId = "listInvocations", summary = "List an agent's invocations, newest first, a page at a time")
    @GetMapping("/v1/agents/{agentId}/invocations")
    @RequiresScope(Scope.INVOCATIONS_READ)
    InvocationPage list(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID agentId,
            @RequestParam(required = false) String tool,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        agents.require(principal.tenantId(), agentId);
        InvocationFilter.Outcome outcome = new InvocationFilter.Outcome(status, null, null, null);
        Instant sinceInstant = null;
        if (since != null) {
            try {
                sinceInstant = Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw ApiException.invalidParameter(
                        "since", "since must be an ISO-8601 instant such as 2026-11-21T08:00:00Z");
            }
        }
        InvocationQueries.Page page = queries.list(
                principal.tenantId(),
                agentId,
                new InvocationFilter(tool, outcome, InvocationFilter.Call.ANY, sinceInstant, null),
                cursor,
                limit);
        return new InvocationPage(
                page.records().stream()
                        .map(record -> InvocationRecordOut.of(record, maxFieldBytes))
                        .toList(),
                page.nextCursor());
    }

    @Operation(operationId = "getInvocation", summary = "Get one invocation record")
    @GetMapping("/v1/invocations/{id}")
    @RequiresScope(Scope.INVOCATIONS_READ)
    InvocationRecordOut get(@Parameter(hidden = true) Principal principal, @PathVariable UUID id) {
        return InvocationRecordOut.of(queries.require(principal.tenantId(), id), maxFieldBytes);
    }

    @Operation(
            operationId = "getInvocationCurl",
            summary = "Get the curl command that repeats an invocation's request, secrets masked")
    @GetMapping(value = "/v1/invocations/{id}/curl", produces = "text/plain")
    @RequiresScope(Scope.INVOCATIONS_READ)
    String curl(@Parameter(hidden = true) Principal principal, @PathVariable UUID id) {
        return queries.curl(principal.tenantId(), id);
    }

    @Operation(
            operationId = "getInvocationAudio",
            summary = "Get the DTMF audio of a play_tone invocation",
            description = "The tones of the invocation's send_dtmf action as WAV (RIFF/WAVE, 8 kHz, 16-bit signed PCM,"
                    + " mono), at its duration and volume (docs/voice-runtime.md). 404 `no_audio` for an invocation"
                    + " that played no tones. Scope `invocations:read`.")
    @ApiResponse(
            responseCode = "200",
            description = "The WAV file.",
            content = @Content(mediaType = DtmfAudio.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")))
    @GetMapping(value = "/v1/invocations/{id}/audio", produces = DtmfAudio.MEDIA_TYPE)
    @RequiresScope(Scope.INVOCATIONS_READ)
    ResponseEntity<byte[]> audio(@Parameter(hidden = true) Principal principal, @PathVariable UUID id) {
        InvocationRecord record = queries.require(principal.tenantId(), id);
        JsonNode action = record.actionJson() == null ? null : JSON.readTree(record.actionJson());
        if (action == null || !"send_dtmf".equals(action.path("type").asString(""))) {
            throw new ApiException(
                    ApiErrorCode.NO_AUDIO, "Invocation " + id + " played no tones (it has no send_dtmf action)");
        }
        byte[] wav = DtmfAudio.wav(
                action.path("digits").asString(),
                action.path("duration_ms").asInt(),
                action.path("volume").asDouble());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(DtmfAudio.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"dtmf-" + id + ".wav\"")
                .body(wav);
    }
}
