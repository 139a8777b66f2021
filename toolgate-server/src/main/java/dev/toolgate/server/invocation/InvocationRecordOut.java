package dev.toolgate.server.invocation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One invocation-log record as the API shows it (docs/invocation-log.md). Its JSON fields are read with
 * {@link RecordField#read}, so a value cut at {@code toolgate.limits.max-record-field-bytes} shows as
 * {@code {"cut": true, "start": ...}} rather than failing.
 *
 * @param id the invocation's id
 * @param agentId the agent
 * @param toolId the tool, or null when the name matched no tool
 * @param toolName the function name called
 * @param kind where it came from: {@code invoke} (also replays and repeats), {@code test_fire}, {@code mcp},
 *     {@code vapi}, {@code retell} or {@code elevenlabs} ({@link InvocationKind})
 * @param toolCallId the model's tool-call id, or null
 * @param callId the call's id, or null
 * @param status {@code ok} or {@code error}
 * @param error the error's code and message, or null
 * @param httpStatus the endpoint's HTTP status, or null
 * @param truncated whether the endpoint's body was cut at the tool's size cap
 * @param durationMs how long the invocation took, in milliseconds
 * @param timings the phases ({@code dns_ms, connect_ms, tls_ms, first_byte_ms, total_ms}), or null
 * @param arguments the model's arguments, or null
 * @param request the rendered request, secrets masked, or null when nothing was rendered
 * @param responsePreview the start of the endpoint's body, secrets and phone numbers masked, or null
 * @param call the call context ({@code id, caller_number, variables}), or null
 * @param action the call-control action the voice runtime got ({@code type}, {@code destination}, ...), or null
 * @param replayOf the invocation this one replayed, or null
 * @param repeatOf the invocation whose answer this one reused, or null
 * @param createdAt when the invocation started
 */
@Schema(name = "InvocationRecordOut", description = "One record of the invocation log, secrets masked.")
public record InvocationRecordOut(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID agentId,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"string", "null"},
                format = "uuid")
        UUID toolId,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "lookup_order")
        String toolName,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"invoke", "test_fire", "mcp", "vapi", "retell", "elevenlabs"},
                example = "invoke")
        String kind,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"string", "null"})
        String toolCallId,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"string", "null"})
        String callId,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"ok", "error"})
        String status,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"object", "null"})
        RecordErrorOut error,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"integer", "null"})
        Integer httpStatus,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean truncated,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) double durationMs,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"object", "null"})
        JsonNode timings,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The model's arguments, or null.")
        JsonNode arguments,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"object", "null"})
        JsonNode request,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"string", "null"})
        String responsePreview,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"object", "null"})
        JsonNode call,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"object", "null"},
                description = "The call-control action the voice runtime got (docs/voice-runtime.md), or null.")
        JsonNode action,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"string", "null"},
                format = "uuid")
        UUID replayOf,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"string", "null"},
                format = "uuid")
        UUID repeatOf,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt) {

    /**
     * A logged error.
     *
     * @param code the error code (docs/errors.md)
     * @param message the message, secrets masked
     */
    @Schema(name = "RecordErrorOut", description = "A logged tool error: its code and message.")
    public record RecordErrorOut(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "HTTP_TOOL_TIMEOUT")
            String code,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    types = {"string", "null"})
            String message) {}

    /**
     * The API form of a record.
     *
     * @param r the record
     * @param maxFieldBytes the bound its JSON fields were stored under ({@code toolgate.limits.max-record-field-bytes})
     */
    public static InvocationRecordOut of(InvocationRecord r, int maxFieldBytes) {
        return new InvocationRecordOut(
                r.id(),
                r.agentId(),
                r.toolId(),
                r.toolName(),
                r.kind(),
                r.toolCallId(),
                r.callId(),
                r.status(),
                r.errorCode() == null ? null : new RecordErrorOut(r.errorCode(), r.errorMessage()),
                r.httpStatus(),
                r.truncated(),
                r.durationMs(),
                RecordField.read(r.timingsJson(), maxFieldBytes),
                RecordField.read(r.argumentsJson(), maxFieldBytes),
                RecordField.read(r.requestJson(), maxFieldBytes),
                r.responsePreview(),
                RecordField.read(r.callJson(), maxFieldBytes),
                RecordField.read(r.actionJson(), maxFieldBytes),
                r.replayOf(),
                r.repeatOf(),
                r.createdAt());
    }
}
