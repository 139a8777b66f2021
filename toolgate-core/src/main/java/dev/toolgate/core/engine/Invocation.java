package dev.toolgate.core.engine;

import dev.toolgate.core.render.CallContext;
import dev.toolgate.core.signing.SigningSecret;
import dev.toolgate.core.tool.Tool;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One tool call to run: the tool, its active signing secrets, the model's raw arguments and the call it
 * belongs to.
 *
 * @param invocationId Toolgate's id for this invocation (sent as {@code X-Toolgate-Invocation-Id})
 * @param tool the tool to call
 * @param signingSecrets the secrets that sign the request, newest first (two during a rotation); for an
 *     {@code http_request} tool at least one
 * @param rawArguments the arguments as the model sent them: an object, a JSON string holding an object, or null
 * @param toolCallId the model's tool-call id (OpenAI {@code tool_calls[].id}), echoed back, or null
 * @param call the live call
 * @param arrivedAtNanos when the request asking for this call arrived, on the {@link System#nanoTime()} scale: the
 *     call's budget (the tool's {@code timeout}) counts from here, so time spent before the engine runs (reading
 *     the request, looking the tool up, rate limits) and validating the arguments is part of it
 */
public record Invocation(
        String invocationId,
        Tool tool,
        List<SigningSecret> signingSecrets,
        JsonNode rawArguments,
        String toolCallId,
        CallContext call,
        long arrivedAtNanos) {
    /** Checks that the ids, the tool and the call are present; copies the secrets. */
    public Invocation {
        Objects.requireNonNull(invocationId, "invocationId");
        Objects.requireNonNull(tool, "tool");
        signingSecrets = List.copyOf(signingSecrets == null ? List.of() : signingSecrets);
        Objects.requireNonNull(call, "call");
    }

    /** An invocation whose budget counts from now (its creation), for callers that have no earlier arrival. */
    public Invocation(
            String invocationId,
            Tool tool,
            List<SigningSecret> signingSecrets,
            JsonNode rawArguments,
            String toolCallId,
            CallContext call) {
        this(invocationId, tool, signingSecrets, rawArguments, toolCallId, call, System.nanoTime());
    }

    /** Returns a copy of this invocation for {@code other} call (e.g. with the call's stored variables). */
    public Invocation withCall(CallContext other) {
        return new Invocation(invocationId, tool, signingSecrets, rawArguments, toolCallId, other, arrivedAtNanos);
    }

    /**
     * Returns a builder of an {@code Invocation} with {@code invocationId}, {@code tool}, {@code call}; every other
     * component starts at the default its setter names.
     */
    public static Builder builder(String invocationId, Tool tool, CallContext call) {
        return new Builder(invocationId, tool, call);
    }

    /** Builds an {@link Invocation} one component at a time. Not thread-safe. */
    public static final class Builder {
        private final String invocationId;
        private final Tool tool;
        private final CallContext call;
        private List<SigningSecret> signingSecrets = List.of();
        private JsonNode rawArguments;
        private String toolCallId;
        private long arrivedAtNanos;
        private boolean arrived;

        private Builder(String invocationId, Tool tool, CallContext call) {
            this.invocationId = invocationId;
            this.tool = tool;
            this.call = call;
        }

        /** Sets {@link Invocation#signingSecrets()} (default none); returns this builder. */
        public Builder signingSecrets(List<SigningSecret> signingSecrets) {
            this.signingSecrets = signingSecrets;
            return this;
        }

        /** Sets {@link Invocation#rawArguments()} (default null); returns this builder. */
        public Builder rawArguments(JsonNode rawArguments) {
            this.rawArguments = rawArguments;
            return this;
        }

        /** Sets {@link Invocation#toolCallId()} (default null); returns this builder. */
        public Builder toolCallId(String toolCallId) {
            this.toolCallId = toolCallId;
            return this;
        }

        /** Sets {@link Invocation#arrivedAtNanos()} (default: when {@link #build()} runs); returns this builder. */
        public Builder arrivedAtNanos(long arrivedAtNanos) {
            this.arrivedAtNanos = arrivedAtNanos;
            this.arrived = true;
            return this;
        }

        /**
         * Returns the {@code Invocation}.
         *
         * @throws NullPointerException when {@code invocationId}, {@code tool} or {@code call} is null
         */
        public Invocation build() {
            return new Invocation(
                    invocationId,
                    tool,
                    signingSecrets,
                    rawArguments,
                    toolCallId,
                    call,
                    arrived ? arrivedAtNanos : System.nanoTime());
        }
    }
}
