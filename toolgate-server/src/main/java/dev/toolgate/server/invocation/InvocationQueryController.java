package dev.toolgate.server.invocation;

import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the invocation log: {@code GET /v1/agents/{agentId}/invocations} (filters {@code tool}, {@code status},
 * {@code since}; keyset pagination with {@code limit} and {@code cursor}) and {@code GET /v1/invocations/{id}}.
 */
@RestController
class InvocationQueryController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AgentStore agents;
    private final InvocationLog invocationLog;
    private final int maxFieldBytes;

    InvocationQueryController(AgentStore agents, InvocationLog invocationLog, ToolgateProperties properties) {
        this.agents = agents;
        this.invocationLog = invocationLog;
        this.maxFieldBytes = properties.limits().maxRecordFieldBytes();
    }

    @Operation(operationId = "listInvocations", summary = "List an agent's invocations, newest first, a page at a time")
    @GetMapping("/v1/agents/{agentId}/invocations")
    @RequiresScope(Scope.INVOCATIONS_READ)
    ObjectNode list(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID agentId,
            @RequestParam(required = false) String tool,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        agents.require(principal.tenantId(), agentId);
        if (status != null && !status.equals("ok") && !status.equals("error")) {
            throw ApiException.badRequest("status must be 'ok' or 'error'");
        }
        if (limit < 1 || limit > 200) {
            throw ApiException.badRequest("limit must be between 1 and 200");
        }
        Instant sinceInstant = null;
        if (since != null) {
            try {
                sinceInstant = Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("since must be an ISO-8601 instant such as 2026-11-21T08:00:00Z");
            }
        }
        List<InvocationRecord> records = invocationLog.list(
                principal.tenantId(), agentId, tool, status, sinceInstant, decodeCursor(cursor), limit);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode data = json.putArray("data");
        records.forEach(record -> data.add(toJson(record, maxFieldBytes)));
        if (records.size() == limit) {
            InvocationRecord last = records.get(records.size() - 1);
            json.put("next_cursor", encodeCursor(new InvocationLog.Cursor(last.createdAt(), last.id())));
        } else {
            json.putNull("next_cursor");
        }
        return json;
    }

    @Operation(operationId = "getInvocation", summary = "Get one invocation record")
    @GetMapping("/v1/invocations/{id}")
    @RequiresScope(Scope.INVOCATIONS_READ)
    ObjectNode get(@Parameter(hidden = true) Principal principal, @PathVariable UUID id) {
        return toJson(
                invocationLog.find(principal.tenantId(), id).orElseThrow(() -> ApiException.notFound("invocation")),
                maxFieldBytes);
    }

    @Operation(
            operationId = "getInvocationCurl",
            summary = "Get the curl command that repeats an invocation's request, secrets masked")
    @GetMapping(value = "/v1/invocations/{id}/curl", produces = "text/plain")
    @RequiresScope(Scope.INVOCATIONS_READ)
    String curl(@Parameter(hidden = true) Principal principal, @PathVariable UUID id) {
        InvocationRecord record =
                invocationLog.find(principal.tenantId(), id).orElseThrow(() -> ApiException.notFound("invocation"));
        if (record.requestJson() == null) {
            throw ApiException.conflict("no_request", "This invocation sent no request (it failed before rendering)");
        }
        if (!RecordField.whole(record.requestJson())) {
            throw ApiException.conflict(
                    "request_cut",
                    "The logged request was cut at toolgate.limits.max-record-field-bytes; no curl command for it");
        }
        return CurlCommand.of(JSON.readTree(record.requestJson()));
    }

    /** The API form of a record; each JSON field is read with {@link RecordField#read}, so no stored value fails. */
    static ObjectNode toJson(InvocationRecord r, int maxFieldBytes) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", r.id().toString());
        json.put("agent_id", r.agentId().toString());
        json.put("tool_id", r.toolId() == null ? null : r.toolId().toString());
        json.put("tool_name", r.toolName());
        json.put("kind", r.kind());
        json.put("tool_call_id", r.toolCallId());
        json.put("call_id", r.callId());
        json.put("status", r.status());
        if (r.errorCode() == null) {
            json.putNull("error");
        } else {
            ObjectNode error = json.putObject("error");
            error.put("code", r.errorCode());
            error.put("message", r.errorMessage());
        }
        json.put("http_status", r.httpStatus());
        json.put("truncated", r.truncated());
        json.put("duration_ms", r.durationMs());
        json.set("timings", RecordField.read(r.timingsJson(), maxFieldBytes));
        json.set("arguments", RecordField.read(r.argumentsJson(), maxFieldBytes));
        json.set("request", RecordField.read(r.requestJson(), maxFieldBytes));
        json.put("response_preview", r.responsePreview());
        json.set("call", RecordField.read(r.callJson(), maxFieldBytes));
        json.put("replay_of", r.replayOf() == null ? null : r.replayOf().toString());
        json.put("repeat_of", r.repeatOf() == null ? null : r.repeatOf().toString());
        json.put("created_at", r.createdAt().toString());
        return json;
    }

    private static String encodeCursor(InvocationLog.Cursor cursor) {
        String raw = cursor.createdAt().toString() + "|" + cursor.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static InvocationLog.Cursor decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new InvocationLog.Cursor(
                    Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw ApiException.badRequest("cursor is not a value returned as next_cursor");
        }
    }
}
