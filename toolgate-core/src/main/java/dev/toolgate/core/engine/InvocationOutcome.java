package dev.toolgate.core.engine;

import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.exec.PhaseTimings;
import dev.toolgate.core.render.RenderedRequest;
import tools.jackson.databind.JsonNode;

/**
 * What one invocation produced: the text for the model plus everything the invocation log records.
 *
 * @param invocationId Toolgate's id of the invocation
 * @param toolCallId the model's tool-call id, or null
 * @param error null when the call succeeded, else the failure as a value
 * @param content the text the model gets: the endpoint's body verbatim (with a {@code [truncated]} footer when
 *     cut) on success, else {@code {"error": CODE, "message": ..., "hint": ...}}; either way with every secret value
 *     Toolgate put into the request masked ({@link dev.toolgate.core.render.SecretValues})
 * @param httpStatus the endpoint's status, or 0 when it never answered
 * @param truncated whether the response body was cut at the cap
 * @param durationMicros wall time of the whole invocation inside Toolgate, validation included, in microseconds
 * @param speakDuringExecution the tool's {@code speak_during_execution}
 * @param speakAfterExecution the tool's {@code speak_after_execution}
 * @param action for a non-HTTP tool type, the action the voice runtime should carry out
 *     ({@code {"type": "transfer_call", ...config, "arguments": {...}}}); null for {@code http_request}
 * @param arguments the parsed arguments (an object), or the raw value when they could not be parsed; may be null
 * @param request the request as rendered and signed (mask it before showing it), or null when none was rendered
 * @param timings per-phase timings of the outbound call
 * @param responseBody the endpoint's body text (capped, the request's secret values masked), or null when it never
 *     answered
 */
public record InvocationOutcome(
        String invocationId,
        String toolCallId,
        ToolError error,
        String content,
        int httpStatus,
        boolean truncated,
        long durationMicros,
        boolean speakDuringExecution,
        boolean speakAfterExecution,
        JsonNode action,
        JsonNode arguments,
        RenderedRequest request,
        PhaseTimings timings,
        String responseBody) {

    /** Returns whether the call succeeded. */
    public boolean ok() {
        return error == null;
    }
}
