package dev.toolgate.core.engine;

import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.exec.PhaseTimings;
import dev.toolgate.core.render.RenderedRequest;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.voice.Speech;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The outcomes every runner builds the same way: successes with content, and failures as error values. */
final class Outcomes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Outcomes() {}

    /** Returns the text a model gets for {@code error}: {@code {"error": CODE, "message": ..., "hint": ...}}. */
    static String errorContent(ToolError error) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("error", error.code().name());
        node.put("message", error.message());
        node.put("hint", error.hint());
        return JSON.writeValueAsString(node);
    }

    /** A success of a non-HTTP type: {@code content} as compact JSON, the type's speech, and {@code action} (or null). */
    static InvocationOutcome ok(Run run, ObjectNode content, JsonNode action) {
        Invocation invocation = run.invocation();
        return InvocationOutcome.builder(invocation.invocationId(), invocation.toolCallId())
                .content(JSON.writeValueAsString(content))
                .durationMicros(micros(run.startNanos()))
                .speech(Speech.of(run.tool().definition().config()))
                .action(action)
                .arguments(run.arguments())
                .build();
    }

    /** A failure before anything was sent: no timings, no status, no body. */
    static InvocationOutcome unsent(
            Invocation invocation, long start, ToolError error, JsonNode arguments, RenderedRequest request) {
        return failure(invocation, start, error, arguments, request, null);
    }

    /**
     * A failure. An {@code http_request} tool's {@code error_hint} replaces the hint, and its speak settings hold;
     * for the other types the runtime speaks afterwards (nothing happened, so the model must say so).
     *
     * @param sent what the endpoint answered, or null when nothing was sent or no answer came
     */
    static InvocationOutcome failure(
            Invocation invocation,
            long start,
            ToolError error,
            JsonNode arguments,
            RenderedRequest request,
            Sent sent) {
        HttpRequestConfig http =
                invocation.tool().definition().config() instanceof HttpRequestConfig config ? config : null;
        ToolError shown = error.withHint(http == null ? null : http.errorHint());
        Speech speech = Speech.of(invocation.tool().definition().config());
        Sent answer = sent == null ? Sent.NONE : sent;
        return InvocationOutcome.builder(invocation.invocationId(), invocation.toolCallId())
                .error(shown)
                .content(errorContent(shown))
                .httpStatus(answer.httpStatus())
                .truncated(answer.truncated())
                .durationMicros(micros(start))
                .speech(new Speech(
                        speech.duringExecution(), speech.duringMessage(), http == null || speech.afterExecution()))
                .arguments(arguments)
                .request(request)
                .timings(answer.timings())
                .responseBody(answer.body())
                .build();
    }

    /**
     * What came back from a send that failed.
     *
     * @param timings the phases measured
     * @param httpStatus the status, or 0 without an answer
     * @param body the body text, or null
     * @param truncated whether the body was cut at the cap
     */
    record Sent(PhaseTimings timings, int httpStatus, String body, boolean truncated) {
        static final Sent NONE = new Sent(PhaseTimings.NONE, 0, null, false);
    }

    /** Microseconds since {@code startNanos} ({@link System#nanoTime()} scale). */
    static long micros(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toNanos() / 1000;
    }
}
