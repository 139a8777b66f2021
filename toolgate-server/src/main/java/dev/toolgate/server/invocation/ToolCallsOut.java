package dev.toolgate.server.invocation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer of {@code POST /v1/agents/{agentId}/tool-calls}: the tool messages to append to the conversation, and
 * the full answer of each call, both in the order of the request's tool calls.
 *
 * @param messages one {@code {"role": "tool", "tool_call_id", "content"}} message per tool call
 * @param results one invoke answer per tool call
 */
@Schema(
        name = "ToolCallsOut",
        description = "Tool messages for the conversation and each call's full answer, in order.")
public record ToolCallsOut(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ToolMessageOut> messages,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<InvocationOut> results) {

    /**
     * An OpenAI tool message.
     *
     * @param role always {@code tool}
     * @param toolCallId the tool call it answers
     * @param content the text the model gets
     */
    @Schema(name = "ToolMessageOut", description = "An OpenAI tool message answering one tool call.")
    public record ToolMessageOut(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = "tool")
            String role,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    types = {"string", "null"})
            String toolCallId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String content) {}

    /** The answer for {@code results}, in their order. */
    public static ToolCallsOut of(List<InvocationOut> results) {
        return new ToolCallsOut(
                results.stream()
                        .map(r -> new ToolMessageOut("tool", r.toolCallId(), r.content()))
                        .toList(),
                List.copyOf(results));
    }
}
