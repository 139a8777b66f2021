package dev.toolgate.core.engine;

/**
 * Carries out a checked tool call of one tool type; {@link ToolEngine} picks the runner by the tool's type. Never
 * throws for a tool failure: every failure is an {@link InvocationOutcome} with a {@code ToolError}.
 */
sealed interface ToolRunner permits HttpRunner, CallControlRunner, VariableRunner, KnowledgeRunner {

    /**
     * Runs the call.
     *
     * @param run the call, with parsed arguments
     * @return the outcome; for {@code http_request} also the rendered request and (test fires) the egress verdict
     */
    TestFireResult run(Run run);
}
