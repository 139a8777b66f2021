package dev.toolgate.server.invocation;

import dev.toolgate.core.engine.InvocationOutcome;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The answer to one tool call, as the invoke, tool-calls, replay and test-fire APIs give it (docs/api.md). A tool
 * failure is an answer too ({@code status: error}, HTTP 200): {@code content} is then the JSON error text the model
 * should see.
 *
 * @param invocationId this invocation's id (a UUID)
 * @param toolCallId the model's tool-call id, or null
 * @param status {@code ok} or {@code error}
 * @param content the text the model gets
 * @param error the error ({@code code} from docs/errors.md), or null when {@code status} is {@code ok}
 * @param httpStatus the endpoint's HTTP status, or null when no response arrived
 * @param truncated whether the endpoint's body was cut at the tool's size cap
 * @param durationMs the time the invocation took, in milliseconds with three decimals
 * @param speak what the voice runtime should say while and after the tool runs
 * @param action the call-control action of a voice tool (transfer, end call, ...), or null
 * @param replayOf the invocation this one replays, or null
 * @param repeatOf the identical earlier invocation whose answer this one reuses, or null
 */
@Schema(name = "InvocationOut", description = "The answer to one tool call, as the model should see it.")
public record InvocationOut(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0193a1f2-7c1d-7b3e-9f10-2d4c5e6f7a8b")
        String invocationId,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"string", "null"},
                example = "call_abc123")
        String toolCallId,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"ok", "error"},
                example = "ok")
        String status,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The text the model gets: the endpoint's answer, or the JSON error text.",
                example = "Order A-1042 shipped on 2 June.")
        String content,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"object", "null"})
        ErrorOut error,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"integer", "null"},
                example = "200")
        Integer httpStatus,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean truncated,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "84.213")
        double durationMs,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) SpeakOut speak,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"object", "null"},
                description = "The call-control action of a voice tool, or null.")
        JsonNode action,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"string", "null"})
        String replayOf,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"string", "null"})
        String repeatOf) {

    /**
     * A tool error as the API shows it.
     *
     * @param code the error code, e.g. {@code HTTP_TOOL_TIMEOUT} (docs/errors.md)
     * @param message what went wrong, for people
     * @param hint what the model should do or say next
     */
    @Schema(name = "ToolErrorOut", description = "A tool error: its code (docs/errors.md), message and hint.")
    public record ErrorOut(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "HTTP_TOOL_TIMEOUT")
            String code,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String message,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    types = {"string", "null"})
            String hint) {}

    /**
     * The tool's speech settings.
     *
     * @param duringExecution whether the runtime should say a filler while the tool runs
     * @param duringMessage what to say then (a knowledge_base tool's {@code bridging_sentence}), or null for a filler
     *     of the runtime's choosing
     * @param afterExecution whether the runtime should speak from the result afterwards
     */
    @Schema(name = "SpeakOut", description = "Whether the runtime speaks while and after the tool runs.")
    public record SpeakOut(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            boolean duringExecution,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    types = {"string", "null"},
                    description = "What to say while the tool runs, or null for a filler of the runtime's choosing.",
                    example = "Let me check that for you.")
            String duringMessage,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            boolean afterExecution) {}

    /**
     * The answer for an engine outcome.
     *
     * @param outcome the engine's outcome
     * @param replayOf the replayed invocation, or null
     */
    static InvocationOut of(InvocationOutcome outcome, UUID replayOf) {
        return new InvocationOut(
                outcome.invocationId(),
                outcome.toolCallId(),
                outcome.ok() ? "ok" : "error",
                outcome.content(),
                outcome.ok()
                        ? null
                        : new ErrorOut(
                                outcome.error().code().name(),
                                outcome.error().message(),
                                outcome.error().hint()),
                outcome.httpStatus() > 0 ? outcome.httpStatus() : null,
                outcome.truncated(),
                millis(outcome.durationMicros()),
                new SpeakOut(
                        outcome.speakDuringExecution(), outcome.speakDuringMessage(), outcome.speakAfterExecution()),
                outcome.action(),
                replayOf == null ? null : replayOf.toString(),
                null);
    }

    /**
     * A repeat's answer: this answer with another invocation id, tool-call id and duration, and {@code repeat_of}
     * naming the invocation whose answer it reuses.
     *
     * @param invocationId the repeat's own id
     * @param toolCallId the repeat's tool-call id, or null
     * @param durationMs how long the repeat took, in milliseconds
     * @param original the invocation whose answer is reused
     */
    InvocationOut asRepeat(String invocationId, String toolCallId, double durationMs, String original) {
        return new InvocationOut(
                invocationId,
                toolCallId,
                status,
                content,
                error,
                httpStatus,
                truncated,
                durationMs,
                speak,
                action,
                replayOf,
                original);
    }

    /** Microseconds as milliseconds with three decimals. */
    static double millis(long micros) {
        return micros / 1000.0;
    }

    /** Whether the tool call succeeded. */
    boolean ok() {
        return "ok".equals(status);
    }
}
