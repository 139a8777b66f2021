package dev.toolgate.server.invocation;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the invocation log: an invocation or a test fire, with secrets already masked. Built with
 * {@link #builder(UUID, UUID)}; the accessors are its columns:
 *
 * <ul>
 * <li>{@code id}: the invocation id
 * <li>{@code tenantId}: the tenant
 * <li>{@code agentId}: the agent
 * <li>{@code toolId}: the tool, or null when the model named a tool that does not exist
 * <li>{@code toolName}: the tool name the model used
 * <li>{@code kind}: an {@link InvocationKind}'s wire name ({@code invoke}, {@code test_fire}, {@code mcp}, ...)
 * <li>{@code toolCallId}: the model's tool-call id, or null
 * <li>{@code callId}: the voice call's id, or null
 * <li>{@code status}: {@code ok} or {@code error}
 * <li>{@code errorCode}: the error code (docs/errors.md), or null
 * <li>{@code errorMessage}: the error message, or null
 * <li>{@code httpStatus}: the endpoint's HTTP status, or null when it never answered
 * <li>{@code truncated}: whether the response was cut at the cap
 * <li>{@code durationMs}: the invocation's duration inside Toolgate, in milliseconds
 * <li>{@code timingsJson}: per-phase timings as JSON ({@code dns_ms}, {@code connect_ms}, {@code tls_ms},
 *     {@code first_byte_ms}, {@code total_ms}), or null
 * <li>{@code argumentsJson}: the arguments as JSON text, or null
 * <li>{@code requestJson}: the rendered request {@code {"method","url","headers","body"}} with secrets masked, or null
 * <li>{@code responsePreview}: the first bytes of the response body (see {@code toolgate.invocation-log.preview-bytes})
 * <li>{@code createdAt}: when the invocation started
 * <li>{@code replayOf}: the invocation this one replays, or null
 * <li>{@code repeatOf}: the invocation whose result this one reused (a duplicate call), or null
 * <li>{@code callJson}: the call context {@code {"id","caller_number","variables"}} as JSON, or null
 * <li>{@code actionJson}: the call-control action the voice runtime got (docs/voice-runtime.md: its {@code type},
 *     {@code destination}, digits, ...) as JSON, or null for a call without one
 * </ul>
 */
public final class InvocationRecord {

    private final UUID id;
    private final UUID tenantId;
    private final UUID agentId;
    private final UUID toolId;
    private final String toolName;
    private final String kind;
    private final String toolCallId;
    private final String callId;
    private final String status;
    private final String errorCode;
    private final String errorMessage;
    private final Integer httpStatus;
    private final boolean truncated;
    private final double durationMs;
    private final String timingsJson;
    private final String argumentsJson;
    private final String requestJson;
    private final String responsePreview;
    private final Instant createdAt;
    private final UUID replayOf;
    private final UUID repeatOf;
    private final String callJson;
    private final String actionJson;

    /** Copies the columns collected by {@code b}; see {@link #builder}. */
    InvocationRecord(InvocationRecordBuilder b) {
        this.id = b.id;
        this.tenantId = b.tenantId;
        this.agentId = b.agentId;
        this.toolId = b.toolId;
        this.toolName = b.toolName;
        this.kind = b.kind;
        this.toolCallId = b.toolCallId;
        this.callId = b.callId;
        this.status = b.status;
        this.errorCode = b.errorCode;
        this.errorMessage = b.errorMessage;
        this.httpStatus = b.httpStatus;
        this.truncated = b.truncated;
        this.durationMs = b.durationMs;
        this.timingsJson = b.timingsJson;
        this.argumentsJson = b.argumentsJson;
        this.requestJson = b.requestJson;
        this.responsePreview = b.responsePreview;
        this.createdAt = b.createdAt;
        this.replayOf = b.replayOf;
        this.repeatOf = b.repeatOf;
        this.callJson = b.callJson;
        this.actionJson = b.actionJson;
    }

    /**
     * Starts the record of invocation {@code id} of {@code tenantId}; unset columns are null, 0 or false.
     *
     * @param id the invocation id
     * @param tenantId the tenant
     */
    public static InvocationRecordBuilder builder(UUID id, UUID tenantId) {
        return new InvocationRecordBuilder(id, tenantId);
    }

    /** Returns the {@code id} column (see the class comment). */
    public UUID id() {
        return id;
    }

    /** Returns the {@code tenantId} column (see the class comment). */
    public UUID tenantId() {
        return tenantId;
    }

    /** Returns the {@code agentId} column (see the class comment). */
    public UUID agentId() {
        return agentId;
    }

    /** Returns the {@code toolId} column (see the class comment). */
    public UUID toolId() {
        return toolId;
    }

    /** Returns the {@code toolName} column (see the class comment). */
    public String toolName() {
        return toolName;
    }

    /** Returns the {@code kind} column (see the class comment). */
    public String kind() {
        return kind;
    }

    /** Returns the {@code toolCallId} column (see the class comment). */
    public String toolCallId() {
        return toolCallId;
    }

    /** Returns the {@code callId} column (see the class comment). */
    public String callId() {
        return callId;
    }

    /** Returns the {@code status} column (see the class comment). */
    public String status() {
        return status;
    }

    /** Returns the {@code errorCode} column (see the class comment). */
    public String errorCode() {
        return errorCode;
    }

    /** Returns the {@code errorMessage} column (see the class comment). */
    public String errorMessage() {
        return errorMessage;
    }

    /** Returns the {@code httpStatus} column (see the class comment). */
    public Integer httpStatus() {
        return httpStatus;
    }

    /** Returns the {@code truncated} column (see the class comment). */
    public boolean truncated() {
        return truncated;
    }

    /** Returns the {@code durationMs} column (see the class comment). */
    public double durationMs() {
        return durationMs;
    }

    /** Returns the {@code timingsJson} column (see the class comment). */
    public String timingsJson() {
        return timingsJson;
    }

    /** Returns the {@code argumentsJson} column (see the class comment). */
    public String argumentsJson() {
        return argumentsJson;
    }

    /** Returns the {@code requestJson} column (see the class comment). */
    public String requestJson() {
        return requestJson;
    }

    /** Returns the {@code responsePreview} column (see the class comment). */
    public String responsePreview() {
        return responsePreview;
    }

    /** Returns the {@code createdAt} column (see the class comment). */
    public Instant createdAt() {
        return createdAt;
    }

    /** Returns the {@code replayOf} column (see the class comment). */
    public UUID replayOf() {
        return replayOf;
    }

    /** Returns the {@code repeatOf} column (see the class comment). */
    public UUID repeatOf() {
        return repeatOf;
    }

    /** Returns the {@code callJson} column (see the class comment). */
    public String callJson() {
        return callJson;
    }

    /** Returns the {@code actionJson} column (see the class comment). */
    public String actionJson() {
        return actionJson;
    }
}
