package dev.toolgate.server.invocation;

import tools.jackson.databind.JsonNode;

/**
 * One tool call of a model as any front door hands it to {@link InvocationService#invoke(InvocationKind,
 * java.util.UUID, ToolCall, dev.toolgate.core.render.CallContext, long)}.
 *
 * @param name the function name the model called; a name the agent has no tool for is answered
 *     {@code HTTP_TOOL_NOT_FOUND}
 * @param arguments the model's arguments: a JSON object, a JSON string holding one, or null
 * @param id the caller's id of this tool call (OpenAI's {@code tool_call_id}, Vapi's tool-call id, ...), or null
 */
public record ToolCall(String name, JsonNode arguments, String id) {}
