package dev.toolgate.server.invocation;

import dev.toolgate.core.render.CallContext;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v1/agents/{agentId}/tool-calls}: the {@code tool_calls} of an OpenAI assistant message,
 * either wrapped in {@code message} (the message as the Chat Completions API returns it) or at the top level. One of
 * the two is required; at most {@value #MAX_TOOL_CALLS} calls.
 *
 * @param message the assistant message, or null when {@code tool_calls} is at the top level
 * @param toolCalls the tool calls, or null when they are in {@code message}
 * @param call the live call all the tool calls belong to, or null
 */
@Schema(
        name = "ToolCallsIn",
        description = "An OpenAI assistant message's tool calls, in `message.tool_calls` or at the top level.")
public record ToolCallsIn(
        @Valid MessageIn message,

        @Schema(description = "The tool calls, when no `message` is sent.")
        @Size(max = MAX_TOOL_CALLS, message = "must hold at most {max} tool calls")
        List<@NotNull(message = "is required") @Valid ToolCallIn> toolCalls,

        @Valid CallIn call) {

    /** At most this many tool calls in one request. */
    public static final int MAX_TOOL_CALLS = 32;

    /**
     * An OpenAI assistant message; only its {@code tool_calls} are read.
     *
     * @param toolCalls the message's tool calls, at most {@value #MAX_TOOL_CALLS}
     */
    @Schema(name = "AssistantMessageIn", description = "An OpenAI assistant message; only `tool_calls` is read.")
    public record MessageIn(
            @Size(max = MAX_TOOL_CALLS, message = "must hold at most {max} tool calls")
            List<@NotNull(message = "is required") @Valid ToolCallIn> toolCalls) {}

    /**
     * One OpenAI tool call.
     *
     * @param id the tool-call id, echoed as {@code tool_call_id}; at most {@value CallContext#MAX_ID_CHARS} characters
     * @param type {@code function}; not checked
     * @param function the function called; required
     */
    @Schema(
            name = "ToolCallIn",
            description = "One OpenAI tool call: `{id, type: function, function: {name, arguments}}`.")
    public record ToolCallIn(
            @Schema(example = "call_abc123")
            @Size(max = CallContext.MAX_ID_CHARS, message = "must be at most {max} characters")
            String id,

            @Schema(example = "function") String type,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(message = "is required") @Valid
            FunctionCallIn function) {}

    /**
     * The function of a tool call.
     *
     * @param name the tool's name; required
     * @param arguments the arguments: their JSON text (as OpenAI sends them) or an object
     */
    @Schema(name = "FunctionCallIn", description = "The function a tool call names, with its arguments.")
    public record FunctionCallIn(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "lookup_order")
            @NotBlank(message = "is required")
            String name,

            @Schema(
                    description = "The arguments: their JSON text, as OpenAI sends them, or an object.",
                    example = "{\"order_id\": \"A-1042\"}")
            JsonNode arguments) {}

    /** The tool calls wherever they were sent; null when neither place has them. */
    /**
     * The tool calls as the service runs them ({@link InvocationService#invokeAll}), in order; null when the body
     * holds no array of them (the API answers that with a field error naming {@link #callsField()}).
     */
    public List<ToolCall> asToolCalls() {
        List<ToolCallIn> calls = calls();
        return calls == null
                ? null
                : calls.stream()
                        .map(c -> new ToolCall(c.function().name(), c.function().arguments(), c.id()))
                        .toList();
    }

    List<ToolCallIn> calls() {
        return message != null ? message.toolCalls() : toolCalls;
    }

    /** The wire path of the tool calls, for errors: {@code message.tool_calls} or {@code tool_calls}. */
    String callsField() {
        return message != null ? "message.tool_calls" : "tool_calls";
    }
}
