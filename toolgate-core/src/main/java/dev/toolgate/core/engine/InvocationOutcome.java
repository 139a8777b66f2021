package dev.toolgate.core.engine;

import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.exec.PhaseTimings;
import dev.toolgate.core.render.RenderedRequest;
import dev.toolgate.core.voice.Speech;
import tools.jackson.databind.JsonNode;

/**
 * What one invocation produced: the text for the model plus everything the invocation log records. Built with
 * {@link #builder(String, String)}; the accessors below are its parts.
 *
 * <ul>
 * <li>{@code invocationId}: Toolgate's id of the invocation
 * <li>{@code toolCallId}: the model's tool-call id, or null
 * <li>{@code error}: null when the call succeeded, else the failure as a value
 * <li>{@code content}: the text the model gets: the endpoint's body verbatim (with a {@code [truncated]} footer when
 *     cut) on success, else {@code {"error": CODE, "message": ..., "hint": ...}}; either way with every secret value
 *     Toolgate put into the request masked ({@link dev.toolgate.core.render.SecretValues})
 * <li>{@code httpStatus}: the endpoint's status, or 0 when it never answered
 * <li>{@code truncated}: whether the response body was cut at the cap
 * <li>{@code durationMicros}: wall time of the whole invocation inside Toolgate, validation included, in microseconds
 * <li>{@code speakDuringExecution}: the tool's {@code speak_during_execution}
 * <li>{@code speakAfterExecution}: the tool's {@code speak_after_execution}
 * <li>{@code speakDuringMessage}: what the runtime says while the tool runs (a {@code knowledge_base} tool's
 *     {@code bridging_sentence}), or null ({@link dev.toolgate.core.voice.Speech})
 * <li>{@code action}: for a non-HTTP tool type, the action the voice runtime should carry out
 *     ({@link dev.toolgate.core.voice.ActionJson}: {@code {"type": "transfer", "mode": ..., "destination": ...}});
 *     null for the other types and for a failure
 * <li>{@code arguments}: the parsed arguments (an object), or the raw value when they could not be parsed; may be null
 * <li>{@code request}: the request as rendered and signed (mask it before showing it), or null when none was rendered
 * <li>{@code timings}: per-phase timings of the outbound call
 * <li>{@code responseBody}: the endpoint's body text (capped, the request's secret values masked), or null when it never
 *     answered
 * </ul>
 */
public final class InvocationOutcome {

    private final String invocationId;
    private final String toolCallId;
    private final ToolError error;
    private final String content;
    private final int httpStatus;
    private final boolean truncated;
    private final long durationMicros;
    private final boolean speakDuringExecution;
    private final boolean speakAfterExecution;
    private final String speakDuringMessage;
    private final JsonNode action;
    private final JsonNode arguments;
    private final RenderedRequest request;
    private final PhaseTimings timings;
    private final String responseBody;

    private InvocationOutcome(Builder b) {
        this.invocationId = b.invocationId;
        this.toolCallId = b.toolCallId;
        this.error = b.error;
        this.content = b.content;
        this.httpStatus = b.httpStatus;
        this.truncated = b.truncated;
        this.durationMicros = b.durationMicros;
        this.speakDuringExecution = b.speakDuringExecution;
        this.speakAfterExecution = b.speakAfterExecution;
        this.speakDuringMessage = b.speakDuringMessage;
        this.action = b.action;
        this.arguments = b.arguments;
        this.request = b.request;
        this.timings = b.timings;
        this.responseBody = b.responseBody;
    }

    /**
     * Starts an outcome of the invocation {@code invocationId}; unset parts are null, 0 or false, timings
     * {@link PhaseTimings#NONE}, and the model is spoken to after the call.
     *
     * @param invocationId Toolgate's id of the invocation
     * @param toolCallId the model's tool-call id, or null
     */
    public static Builder builder(String invocationId, String toolCallId) {
        return new Builder(invocationId, toolCallId);
    }

    /** Returns whether the call succeeded. */
    public boolean ok() {
        return error == null;
    }

    /** Returns the {@code invocationId} part (see the class comment). */
    public String invocationId() {
        return invocationId;
    }

    /** Returns the {@code toolCallId} part (see the class comment). */
    public String toolCallId() {
        return toolCallId;
    }

    /** Returns the {@code error} part (see the class comment). */
    public ToolError error() {
        return error;
    }

    /** Returns the {@code content} part (see the class comment). */
    public String content() {
        return content;
    }

    /** Returns the {@code httpStatus} part (see the class comment). */
    public int httpStatus() {
        return httpStatus;
    }

    /** Returns the {@code truncated} part (see the class comment). */
    public boolean truncated() {
        return truncated;
    }

    /** Returns the {@code durationMicros} part (see the class comment). */
    public long durationMicros() {
        return durationMicros;
    }

    /** Returns the {@code speakDuringExecution} part (see the class comment). */
    public boolean speakDuringExecution() {
        return speakDuringExecution;
    }

    /** Returns the {@code speakAfterExecution} part (see the class comment). */
    public boolean speakAfterExecution() {
        return speakAfterExecution;
    }

    /** Returns the {@code speakDuringMessage} part (see the class comment). */
    public String speakDuringMessage() {
        return speakDuringMessage;
    }

    /** Returns the {@code action} part (see the class comment). */
    public JsonNode action() {
        return action;
    }

    /** Returns the {@code arguments} part (see the class comment). */
    public JsonNode arguments() {
        return arguments;
    }

    /** Returns the {@code request} part (see the class comment). */
    public RenderedRequest request() {
        return request;
    }

    /** Returns the {@code timings} part (see the class comment). */
    public PhaseTimings timings() {
        return timings;
    }

    /** Returns the {@code responseBody} part (see the class comment). */
    public String responseBody() {
        return responseBody;
    }

    /** Collects the parts of an {@link InvocationOutcome}; each setter returns this builder. */
    public static final class Builder {
        private final String invocationId;
        private final String toolCallId;
        private ToolError error;
        private String content;
        private int httpStatus;
        private boolean truncated;
        private long durationMicros;
        private boolean speakDuringExecution;
        private boolean speakAfterExecution = true;
        private String speakDuringMessage;
        private JsonNode action;
        private JsonNode arguments;
        private RenderedRequest request;
        private PhaseTimings timings = PhaseTimings.NONE;
        private String responseBody;

        private Builder(String invocationId, String toolCallId) {
            this.invocationId = invocationId;
            this.toolCallId = toolCallId;
        }

        /** Sets the {@code error} part. */
        public Builder error(ToolError error) {
            this.error = error;
            return this;
        }

        /** Sets the {@code content} part. */
        public Builder content(String content) {
            this.content = content;
            return this;
        }

        /** Sets the {@code httpStatus} part. */
        public Builder httpStatus(int httpStatus) {
            this.httpStatus = httpStatus;
            return this;
        }

        /** Sets the {@code truncated} part. */
        public Builder truncated(boolean truncated) {
            this.truncated = truncated;
            return this;
        }

        /** Sets the {@code durationMicros} part. */
        public Builder durationMicros(long durationMicros) {
            this.durationMicros = durationMicros;
            return this;
        }

        /** Sets the {@code speakDuringExecution} part. */
        public Builder speakDuringExecution(boolean speakDuringExecution) {
            this.speakDuringExecution = speakDuringExecution;
            return this;
        }

        /** Sets the {@code speakAfterExecution} part. */
        public Builder speakAfterExecution(boolean speakAfterExecution) {
            this.speakAfterExecution = speakAfterExecution;
            return this;
        }

        /** Sets the {@code action} part. */
        public Builder action(JsonNode action) {
            this.action = action;
            return this;
        }

        /** Sets the {@code arguments} part. */
        public Builder arguments(JsonNode arguments) {
            this.arguments = arguments;
            return this;
        }

        /** Sets the {@code request} part. */
        public Builder request(RenderedRequest request) {
            this.request = request;
            return this;
        }

        /** Sets the {@code timings} part. */
        public Builder timings(PhaseTimings timings) {
            this.timings = timings;
            return this;
        }

        /** Sets the {@code responseBody} part. */
        public Builder responseBody(String responseBody) {
            this.responseBody = responseBody;
            return this;
        }

        /** Sets whether the voice runtime speaks during and after the call (the tool's {@code speak_*}). */
        public Builder speak(boolean during, boolean after) {
            this.speakDuringExecution = during;
            this.speakAfterExecution = after;
            return this;
        }

        /** Sets the speech around the call: during, its message, and after ({@link Speech#of}). */
        public Builder speech(Speech speech) {
            this.speakDuringExecution = speech.duringExecution();
            this.speakDuringMessage = speech.duringMessage();
            this.speakAfterExecution = speech.afterExecution();
            return this;
        }

        /** Returns the outcome. */
        public InvocationOutcome build() {
            return new InvocationOutcome(this);
        }
    }
}
