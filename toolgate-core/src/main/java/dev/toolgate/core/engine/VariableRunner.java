package dev.toolgate.core.engine;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.telephony.Locality;
import dev.toolgate.core.tool.ExtractVariableConfig;
import dev.toolgate.core.variables.CallVariables;
import dev.toolgate.core.variables.ExtractionResult;
import dev.toolgate.core.variables.InMemoryCallVariables;
import dev.toolgate.core.variables.InvalidValue;
import dev.toolgate.core.variables.VariableExtraction;
import dev.toolgate.core.variables.VariableNormalizer;
import java.time.Duration;
import java.util.Objects;

/**
 * Runs an {@code extract_variable} tool call through {@link VariableExtraction}: checks and normalizes the value by
 * the tool's {@code variable_type} (the tenant's region and time zone), and stores it as a call variable, with the
 * read-back step when the tool has {@code confirmation_enabled}.
 *
 * <p>Only a live call with a call id touches the call's variables. A test fire, or a call without {@code call.id},
 * works on a store of its own that is dropped afterwards: the value is checked as in a live call, the answer then
 * says {@code "kept": false}, and no later tool sees it. Thread-safe.
 */
final class VariableRunner implements ToolRunner {

    /** How long the throwaway store of a test fire lives; it is dropped with the call anyway. */
    private static final Duration THROWAWAY_LIFETIME = Duration.ofMinutes(1);

    private final VoiceServices voice;
    private final VariableNormalizer normalizer;

    VariableRunner(VoiceServices voice) {
        this.voice = Objects.requireNonNull(voice, "voice");
        this.normalizer = new VariableNormalizer(voice.clock());
    }

    @Override
    public TestFireResult run(Run run) {
        Invocation invocation = run.invocation();
        ExtractVariableConfig config =
                (ExtractVariableConfig) run.tool().definition().config();
        String callId = invocation.call().callId();
        boolean kept = run.mode() == RunMode.INVOKE && !callId.isEmpty();
        CallVariables store =
                kept ? voice.variables() : new InMemoryCallVariables(voice.clock(), THROWAWAY_LIFETIME, 1);
        String scope = CallVariables.scope(run.tool().tenantId(), callId.isEmpty() ? "-" : callId);
        Locality locality = voice.localities().apply(run.tool().tenantId());
        ExtractionResult result;
        try {
            result = new VariableExtraction(store, normalizer).extract(scope, config, run.arguments(), locality);
        } catch (RuntimeException e) {
            // the shared store (Redis) failed: the value is not kept, and the call goes on
            ToolError unavailable = ToolError.of(
                    ErrorCode.HTTP_TOOL_INTERNAL,
                    "The call's variables could not be stored right now; nothing was kept.");
            return new TestFireResult(
                    null, null, Outcomes.unsent(invocation, run.startNanos(), unavailable, run.arguments(), null));
        }
        InvocationOutcome outcome = switch (result) {
            case ExtractionResult.Stored stored ->
                Outcomes.ok(run, stored.content().put("kept", kept), null);
            case ExtractionResult.AwaitingConfirmation awaiting ->
                Outcomes.ok(run, awaiting.content().put("kept", kept), null);
            case InvalidValue invalid ->
                Outcomes.unsent(
                        invocation,
                        run.startNanos(),
                        new ToolError(ErrorCode.HTTP_TOOL_INVALID_ARGS, invalid.message(), invalid.hint()),
                        run.arguments(),
                        null);
        };
        return new TestFireResult(null, null, outcome);
    }
}
