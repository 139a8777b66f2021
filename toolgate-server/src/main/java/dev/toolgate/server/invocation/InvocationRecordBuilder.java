package dev.toolgate.server.invocation;

import java.time.Instant;
import java.util.UUID;

/** Collects the columns of an {@link InvocationRecord}; each setter returns this builder. */
public final class InvocationRecordBuilder {
    final UUID id;
    final UUID tenantId;
    UUID agentId;
    UUID toolId;
    String toolName;
    String kind;
    String toolCallId;
    String callId;
    String status;
    String errorCode;
    String errorMessage;
    Integer httpStatus;
    boolean truncated;
    double durationMs;
    String timingsJson;
    String argumentsJson;
    String requestJson;
    String responsePreview;
    Instant createdAt;
    UUID replayOf;
    UUID repeatOf;
    String callJson;
    String actionJson;

    InvocationRecordBuilder(UUID id, UUID tenantId) {
        this.id = id;
        this.tenantId = tenantId;
    }

    /** Sets the {@code agentId} column. */
    public InvocationRecordBuilder agentId(UUID agentId) {
        this.agentId = agentId;
        return this;
    }

    /** Sets the {@code toolId} column. */
    public InvocationRecordBuilder toolId(UUID toolId) {
        this.toolId = toolId;
        return this;
    }

    /** Sets the {@code toolName} column. */
    public InvocationRecordBuilder toolName(String toolName) {
        this.toolName = toolName;
        return this;
    }

    /** Sets the {@code kind} column. */
    public InvocationRecordBuilder kind(String kind) {
        this.kind = kind;
        return this;
    }

    /** Sets the {@code toolCallId} column. */
    public InvocationRecordBuilder toolCallId(String toolCallId) {
        this.toolCallId = toolCallId;
        return this;
    }

    /** Sets the {@code callId} column. */
    public InvocationRecordBuilder callId(String callId) {
        this.callId = callId;
        return this;
    }

    /** Sets the {@code status} column. */
    public InvocationRecordBuilder status(String status) {
        this.status = status;
        return this;
    }

    /** Sets the {@code errorCode} column. */
    public InvocationRecordBuilder errorCode(String errorCode) {
        this.errorCode = errorCode;
        return this;
    }

    /** Sets the {@code errorMessage} column. */
    public InvocationRecordBuilder errorMessage(String errorMessage) {
        this.errorMessage = errorMessage;
        return this;
    }

    /** Sets the {@code httpStatus} column. */
    public InvocationRecordBuilder httpStatus(Integer httpStatus) {
        this.httpStatus = httpStatus;
        return this;
    }

    /** Sets the {@code truncated} column. */
    public InvocationRecordBuilder truncated(boolean truncated) {
        this.truncated = truncated;
        return this;
    }

    /** Sets the {@code durationMs} column. */
    public InvocationRecordBuilder durationMs(double durationMs) {
        this.durationMs = durationMs;
        return this;
    }

    /** Sets the {@code timingsJson} column. */
    public InvocationRecordBuilder timingsJson(String timingsJson) {
        this.timingsJson = timingsJson;
        return this;
    }

    /** Sets the {@code argumentsJson} column. */
    public InvocationRecordBuilder argumentsJson(String argumentsJson) {
        this.argumentsJson = argumentsJson;
        return this;
    }

    /** Sets the {@code requestJson} column. */
    public InvocationRecordBuilder requestJson(String requestJson) {
        this.requestJson = requestJson;
        return this;
    }

    /** Sets the {@code responsePreview} column. */
    public InvocationRecordBuilder responsePreview(String responsePreview) {
        this.responsePreview = responsePreview;
        return this;
    }

    /** Sets the {@code createdAt} column. */
    public InvocationRecordBuilder createdAt(Instant createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    /** Sets the {@code replayOf} column. */
    public InvocationRecordBuilder replayOf(UUID replayOf) {
        this.replayOf = replayOf;
        return this;
    }

    /** Sets the {@code repeatOf} column. */
    public InvocationRecordBuilder repeatOf(UUID repeatOf) {
        this.repeatOf = repeatOf;
        return this;
    }

    /** Sets the {@code callJson} column. */
    public InvocationRecordBuilder callJson(String callJson) {
        this.callJson = callJson;
        return this;
    }

    /** Sets the {@code actionJson} column. */
    public InvocationRecordBuilder actionJson(String actionJson) {
        this.actionJson = actionJson;
        return this;
    }

    /** Returns the record. */
    public InvocationRecord build() {
        return new InvocationRecord(this);
    }
}
