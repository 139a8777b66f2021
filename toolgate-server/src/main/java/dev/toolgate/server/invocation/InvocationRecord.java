package dev.toolgate.server.invocation;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the invocation log: an invocation or a test fire, with secrets already masked.
 *
 * @param id the invocation id
 * @param tenantId the tenant
 * @param agentId the agent
 * @param toolId the tool, or null when the model named a tool that does not exist
 * @param toolName the tool name the model used
 * @param kind {@code invoke} or {@code test_fire}
 * @param toolCallId the model's tool-call id, or null
 * @param callId the voice call's id, or null
 * @param status {@code ok} or {@code error}
 * @param errorCode the error code (docs/errors.md), or null
 * @param errorMessage the error message, or null
 * @param httpStatus the endpoint's HTTP status, or null when it never answered
 * @param truncated whether the response was cut at the cap
 * @param durationMs the invocation's duration inside Toolgate, in milliseconds
 * @param timingsJson per-phase timings as JSON ({@code dns_ms}, {@code connect_ms}, {@code tls_ms},
 *     {@code first_byte_ms}, {@code total_ms}), or null
 * @param argumentsJson the arguments as JSON text, or null
 * @param requestJson the rendered request {@code {"method","url","headers","body"}} with secrets masked, or null
 * @param responsePreview the first bytes of the response body (see {@code toolgate.invocation-log.preview-bytes})
 * @param createdAt when the invocation started
 * @param replayOf the invocation this one replays, or null
 * @param repeatOf the invocation whose result this one reused (a duplicate call), or null
 * @param callJson the call context {@code {"id","caller_number","variables"}} as JSON, or null
 */
public record InvocationRecord(
        UUID id,
        UUID tenantId,
        UUID agentId,
        UUID toolId,
        String toolName,
        String kind,
        String toolCallId,
        String callId,
        String status,
        String errorCode,
        String errorMessage,
        Integer httpStatus,
        boolean truncated,
        double durationMs,
        String timingsJson,
        String argumentsJson,
        String requestJson,
        String responsePreview,
        Instant createdAt,
        UUID replayOf,
        UUID repeatOf,
        String callJson) {}
