package dev.toolgate.core.engine;

import dev.toolgate.core.voice.ActionJson;
import dev.toolgate.core.voice.ActionResult;
import dev.toolgate.core.voice.CallActions;
import java.util.Objects;

/**
 * Runs a call-control tool call ({@code transfer_call}, {@code monitored_transfer}, {@code end_call},
 * {@code play_tone}): {@link CallActions#plan} turns config and arguments into the provider-neutral action, which the
 * outcome carries as {@code action} ({@link ActionJson}) for the voice runtime; the model reads
 * {@link ActionJson#modelContent}. Nothing leaves Toolgate. Thread-safe.
 */
final class CallControlRunner implements ToolRunner {

    private final VoiceServices voice;

    CallControlRunner(VoiceServices voice) {
        this.voice = Objects.requireNonNull(voice, "voice");
    }

    @Override
    public TestFireResult run(Run run) {
        String region = voice.localities().apply(run.tool().tenantId()).region();
        InvocationOutcome outcome = switch (CallActions.plan(
                run.tool().definition().config(), run.arguments(), region)) {
            case ActionResult.Ready ready -> Outcomes.ok(run, ActionJson.modelContent(ready), ActionJson.toJson(ready));
            case ActionResult.Invalid invalid ->
                Outcomes.unsent(run.invocation(), run.startNanos(), invalid.error(), run.arguments(), null);
        };
        return new TestFireResult(null, null, outcome);
    }
}
