package dev.toolgate.core.engine;

import dev.toolgate.core.tool.Tool;
import java.time.Duration;
import tools.jackson.databind.node.ObjectNode;

/**
 * One tool call whose arguments parsed and passed the checks every type shares, handed to the {@link ToolRunner} of
 * its type.
 *
 * @param invocation the call, its {@code call.variables} already holding the call's stored variables
 * @param arguments the parsed arguments, an object
 * @param startNanos when the engine started on it ({@link System#nanoTime()}), for the duration
 * @param deadlineNanos when its budget runs out ({@link System#nanoTime()} scale)
 * @param budget the call's whole budget
 * @param mode live, test fire or dry run
 */
record Run(
        Invocation invocation,
        ObjectNode arguments,
        long startNanos,
        long deadlineNanos,
        Duration budget,
        RunMode mode) {

    /** Shortcut for {@code invocation().tool()}. */
    Tool tool() {
        return invocation.tool();
    }
}
