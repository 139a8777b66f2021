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
}
