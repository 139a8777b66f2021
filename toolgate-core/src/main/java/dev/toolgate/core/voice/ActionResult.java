package dev.toolgate.core.voice;

import dev.toolgate.core.error.ToolError;
import java.util.Objects;

/** The outcome of {@link CallActions#plan}: an action for the runtime, or invalid arguments. */
public sealed interface ActionResult permits ActionResult.Ready, ActionResult.Invalid {

    /**
     * The runtime should carry out {@code action}.
     *
     * @param action the action
     * @param note what the model should know about how its arguments were taken (e.g. that the destination it
     *     named is not allowed and the configured one is used), or null
     */
    record Ready(CallAction action, String note) implements ActionResult {
        public Ready {
            Objects.requireNonNull(action, "action");
        }
    }

    /**
     * The model's arguments cannot be carried out; nothing happens.
     *
     * @param error an {@code HTTP_TOOL_INVALID_ARGS} error with a hint for the model
     */
    record Invalid(ToolError error) implements ActionResult {
        public Invalid {
            Objects.requireNonNull(error, "error");
        }
    }
}
