package dev.toolgate.server.invocation;

import dev.toolgate.core.tool.Tool;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiErrorCode;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.tool.ToolStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads of the invocation log and replays, shared by the REST API ({@link InvocationQueryController},
 * {@link ReplayController}) and the console: every lookup confined to the tenant, keyset pages with an opaque cursor,
 * the curl command of a logged request, and the preconditions of a replay.
 */
@Service
public class InvocationQueries {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The most records one page may hold ({@code limit}). */
    public static final int MAX_PAGE = 200;

    private final AgentStore agents;
    private final InvocationLog invocationLog;
    private final ToolStore tools;
    private final InvocationService service;

    InvocationQueries(AgentStore agents, InvocationLog invocationLog, ToolStore tools, InvocationService service) {
        this.agents = agents;
        this.invocationLog = invocationLog;
        this.tools = tools;
        this.service = service;
    }

    /**
     * One page of an agent's invocations, newest first.
     *
     * @param records the page's records
     * @param nextCursor the cursor of the next page, or null on the last page
     */
    public record Page(List<InvocationRecord> records, String nextCursor) {}

    /**
     * Lists a page of the agent's invocations, newest first.
     *
     * @param cursor a {@link Page#nextCursor()} of an earlier page, or null/blank for the first
     * @param limit the page size, 1..{@link #MAX_PAGE}
     * @throws ApiException 404 for an agent of another tenant; 400 {@code invalid_parameter} for a bad {@code limit}
     *     or {@code cursor}
     */
    public Page list(UUID tenantId, UUID agentId, InvocationFilter filter, String cursor, int limit) {
        agents.require(tenantId, agentId);
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiException.invalidParameter("limit", "limit must be between 1 and " + MAX_PAGE);
        }
        List<InvocationRecord> records = invocationLog.list(tenantId, agentId, filter, decodeCursor(cursor), limit);
        String next = null;
        if (records.size() == limit) {
            InvocationRecord last = records.getLast();
            next = encodeCursor(new InvocationLog.Cursor(last.createdAt(), last.id()));
        }
        return new Page(records, next);
    }

    /**
     * Returns the tenant's invocation with this id.
     *
     * @throws ApiException 404 when there is none (also one of another tenant)
     */
    public InvocationRecord require(UUID tenantId, UUID id) {
        return invocationLog.find(tenantId, id).orElseThrow(() -> ApiException.notFound("invocation"));
    }

    /**
     * Returns the curl command that repeats an invocation's logged request, secrets masked.
     *
     * @throws ApiException 404; 409 {@code no_request} when the invocation sent none; 409 {@code request_cut} when the
     *     logged request was cut at {@code toolgate.limits.max-record-field-bytes}
     */
    public String curl(UUID tenantId, UUID id) {
        return curl(require(tenantId, id));
    }

    /**
     * Returns the curl command of a record's logged request, secrets masked.
     *
     * @throws ApiException as {@link #curl(UUID, UUID)}
     */
    public String curl(InvocationRecord record) {
        if (record.requestJson() == null) {
            throw new ApiException(
                    ApiErrorCode.NO_REQUEST, "This invocation sent no request (it failed before rendering)");
        }
        if (!RecordField.whole(record.requestJson())) {
            throw new ApiException(
                    ApiErrorCode.REQUEST_CUT,
                    "The logged request was cut at toolgate.limits.max-record-field-bytes; no curl command for it");
        }
        return CurlCommand.of(JSON.readTree(record.requestJson()));
    }

    /**
     * Returns the curl command of a test fire's rendered request (as masked in its answer).
     *
     * @param request the rendered request of a {@link TestFireOut}
     */
    public String curl(TestFireOut.RequestOut request) {
        return CurlCommand.of(JSON.valueToTree(request));
    }

    /**
     * Runs a logged invocation again as a new one linked to it ({@link InvocationService#replay}).
     *
     * @param arrivedAtNanos when the request arrived ({@link System#nanoTime()}); the budget counts from it
     * @throws ApiException 404; 409 {@code arguments_cut} when the logged arguments were cut; 409 {@code tool_missing}
     *     when the invocation named no existing tool or its tool has been deleted
     */
    public InvocationOut replay(UUID tenantId, UUID id, long arrivedAtNanos) {
        InvocationRecord original = require(tenantId, id);
        if (!RecordField.whole(original.argumentsJson())) {
            throw new ApiException(
                    ApiErrorCode.ARGUMENTS_CUT,
                    "The logged arguments were cut at toolgate.limits.max-record-field-bytes; nothing to replay");
        }
        if (original.toolId() == null) {
            throw new ApiException(
                    ApiErrorCode.TOOL_MISSING, "The original invocation named no existing tool; nothing to replay");
        }
        Tool tool = tools.find(tenantId, original.agentId(), original.toolId())
                .orElseThrow(() ->
                        new ApiException(ApiErrorCode.TOOL_MISSING, "The tool of this invocation has been deleted"));
        return service.replay(original, tool, arrivedAtNanos);
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
            throw ApiException.invalidParameter("cursor", "cursor is not a value returned as next_cursor");
        }
    }
}
