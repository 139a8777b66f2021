package dev.toolgate.server.invocation;

import dev.toolgate.core.engine.InvocationOutcome;
import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.exec.PhaseTimings;
import dev.toolgate.core.render.CallContext;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.server.config.ToolgateProperties;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records each invocation: counts it in the {@link InvocationMetrics}, and turns it into an {@link InvocationRecord}
 * for the {@link InvocationLog}: the masked request,
 * the timings, and a response preview of the first {@code toolgate.invocation-log.preview-bytes} with PII masked
 * ({@link PiiMasker}). The record is built on the log's writer thread, off the call's path.
 */
@Component
public class InvocationRecorder {

    /** The longest error message kept in a record, in characters. */
    static final int MAX_ERROR_MESSAGE_CHARS = 2000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InvocationLog invocationLog;
    private final InvocationMetrics metrics;
    private final PiiMasker piiMasker;
    private final int previewBytes;

    InvocationRecorder(InvocationLog invocationLog, InvocationMetrics metrics, ToolgateProperties properties) {
        this.invocationLog = invocationLog;
        this.metrics = metrics;
        this.piiMasker = new PiiMasker(properties.invocationLog().piiRegion());
        this.previewBytes = properties.invocationLog().previewBytes();
    }

    /**
     * Records an outcome of the engine, and counts it in the invocation metrics.
     *
     * @param call the call it ran in
     * @param agentId the agent whose tool was called
     * @param tool the tool, or null when the agent has no tool named {@code toolName}
     * @param toolName the name the model called
     * @param kind an {@link InvocationKind}'s wire name
     * @param startedAt when the invocation started
     * @param replayOf the invocation it replays, or null
     */
    void record(
            CallContext call,
            UUID agentId,
            Tool tool,
            String toolName,
            String kind,
            InvocationOutcome outcome,
            Instant startedAt,
            UUID replayOf) {
        metrics.count(kind, outcome);
        UUID id = UUID.fromString(outcome.invocationId());
        invocationLog.record(id, call.tenantId(), () -> {
            ToolError error = outcome.error();
            return InvocationRecord.builder(id, call.tenantId())
                    .agentId(agentId)
                    .toolId(tool == null ? null : tool.id())
                    .toolName(toolName)
                    .kind(kind)
                    .toolCallId(outcome.toolCallId())
                    .callId(call.callId())
                    .status(outcome.ok() ? "ok" : "error")
                    .errorCode(error == null ? null : error.code().name())
                    .errorMessage(error == null ? null : truncate(error.message(), MAX_ERROR_MESSAGE_CHARS))
                    .httpStatus(outcome.httpStatus() > 0 ? outcome.httpStatus() : null)
                    .truncated(outcome.truncated())
                    .durationMs(InvocationOut.millis(outcome.durationMicros()))
                    .timingsJson(timingsJson(outcome.timings()))
                    .argumentsJson(outcome.arguments() == null ? null : JSON.writeValueAsString(outcome.arguments()))
                    .requestJson(
                            outcome.request() == null
                                    ? null
                                    : JSON.writeValueAsString(TestFireOut.RequestOut.of(outcome.request())))
                    .responsePreview(preview(outcome.responseBody()))
                    .createdAt(startedAt)
                    .replayOf(replayOf)
                    .callJson(CallJson.of(call))
                    .actionJson(outcome.action() == null ? null : JSON.writeValueAsString(outcome.action()))
                    .build();
        });
    }

    /**
     * Records a repeat served from an identical call: its answer as given (an invoke answer with {@code repeat_of}),
     * without the request and timings, which belong to the original; and counts it as a repeat.
     *
     * @param kind where the repeat came from
     * @param answer the repeat's invoke answer
     * @param arguments the parsed arguments, or null
     * @param startedAt when the repeat arrived
     * @param nanos how long serving the repeat took, in nanoseconds
     */
    void recordRepeat(
            InvocationKind kind,
            Tool tool,
            CallContext call,
            InvocationOut answer,
            JsonNode arguments,
            Instant startedAt,
            long nanos) {
        metrics.repeat(nanos);
        UUID id = UUID.fromString(answer.invocationId());
        invocationLog.record(
                id,
                call.tenantId(),
                () -> InvocationRecord.builder(id, call.tenantId())
                        .agentId(tool.agentId())
                        .toolId(tool.id())
                        .toolName(tool.name())
                        .kind(kind.wireName())
                        .toolCallId(answer.toolCallId())
                        .callId(call.callId())
                        .status(answer.status())
                        .errorCode(
                                answer.error() == null ? null : answer.error().code())
                        .errorMessage(
                                answer.error() == null ? null : answer.error().message())
                        .httpStatus(answer.httpStatus())
                        .truncated(answer.truncated())
                        .durationMs(answer.durationMs())
                        .argumentsJson(arguments == null ? null : JSON.writeValueAsString(arguments))
                        .responsePreview(answer.ok() ? preview(answer.content()) : null)
                        .createdAt(startedAt)
                        .repeatOf(UUID.fromString(answer.repeatOf()))
                        .callJson(CallJson.of(call))
                        .actionJson(answer.action() == null ? null : JSON.writeValueAsString(answer.action()))
                        .build());
    }

    private static String timingsJson(PhaseTimings timings) {
        if (timings == null || timings.totalMicros() <= 0) {
            return null;
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        putMs(json, "dns_ms", timings.dnsMicros());
        putMs(json, "connect_ms", timings.connectMicros());
        putMs(json, "tls_ms", timings.tlsMicros());
        putMs(json, "first_byte_ms", timings.firstByteMicros());
        putMs(json, "total_ms", timings.totalMicros());
        if (timings.waitMicros() > 0) {
            putMs(json, "connection_wait_ms", timings.waitMicros());
        }
        return JSON.writeValueAsString(json);
    }

    private static void putMs(ObjectNode json, String name, long micros) {
        if (micros < 0) {
            json.putNull(name);
        } else {
            json.put(name, InvocationOut.millis(micros));
        }
    }

    /**
     * The first {@code preview-bytes} of a body (whose secret values the executor already masked), PII masked; the
     * PII masking is for the preview only, the model gets the body without it.
     */
    private String preview(String body) {
        if (body == null) {
            return null;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= previewBytes) {
            return piiMasker.mask(body);
        }
        int end = previewBytes;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--; // do not cut a UTF-8 sequence in half
        }
        return piiMasker.mask(new String(bytes, 0, end, StandardCharsets.UTF_8));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
