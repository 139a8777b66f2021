package dev.toolgate.core.exec;

import dev.toolgate.core.error.ToolError;

/**
 * The outcome of sending one {@link dev.toolgate.core.render.RenderedRequest}: either the endpoint's 2xx text
 * answer, or a failure carrying a {@link ToolError}.
 */
public sealed interface ExecutionResult permits ExecutionResult.Success, ExecutionResult.Failure {

    /** Returns the per-phase timings. */
    PhaseTimings timings();

    /**
     * The endpoint answered 2xx with a text content type.
     *
     * @param httpStatus the status, 200–299
     * @param contentType the response's {@code Content-Type}, or null if absent
     * @param body the decoded body text (UTF-8 unless the content type names another charset), at most the cap
     * @param truncated whether more body bytes existed than the cap allowed (the rest was discarded)
     * @param timings per-phase timings
     */
    record Success(int httpStatus, String contentType, String body, boolean truncated, PhaseTimings timings)
            implements ExecutionResult {}

    /**
     * The call failed: blocked, unreachable, timed out, redirected, non-2xx, or binary.
     *
     * @param error the failure as a value (code, safe message, hint)
     * @param httpStatus the endpoint's status if it answered, else 0
     * @param body the endpoint's (capped) body text for a 4xx/5xx answer, or null
     * @param truncated whether {@code body} was cut at the cap
     * @param timings per-phase timings (as far as the call got)
     */
    record Failure(ToolError error, int httpStatus, String body, boolean truncated, PhaseTimings timings)
            implements ExecutionResult {}
}
