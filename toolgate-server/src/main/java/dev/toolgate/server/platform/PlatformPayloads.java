package dev.toolgate.server.platform;

import dev.toolgate.core.tool.FieldError;
import dev.toolgate.server.api.ApiErrorCode;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.invocation.CallIn;
import dev.toolgate.server.invocation.ToolCall;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platforms' request bodies, read after the platform is authenticated (the body is verified as raw bytes first).
 * Only the fields Toolgate uses are read; the platforms send many more, and add fields over time.
 */
final class PlatformPayloads {

    /** The most tool calls one Vapi message may carry: the tool-calls API's limit on an assistant message. */
    static final int MAX_VAPI_TOOL_CALLS = dev.toolgate.server.invocation.ToolCallsIn.MAX_TOOL_CALLS;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private PlatformPayloads() {}

    /**
     * A Vapi {@code tool-calls} server message: {@code {"message": {"type": "tool-calls", "toolCallList": [{"id",
     * "name", "arguments"} or {"id", "function": {"name", "arguments"}}], "call": {"id"}, "customer": {"number"}}}}
     * (Vapi server SDK: {@code ServerMessageToolCalls}, {@code ToolCall}).
     *
     * @param toolCalls the calls, in the message's order; empty for a message of another type
     * @param call the call context: Vapi's call id and the customer's number
     */
    record VapiToolCalls(List<ToolCall> toolCalls, CallIn call) {}

    /**
     * A Retell custom-function request: {@code {"name", "call": {"call_id", "from_number", "to_number",
     * "direction"}, "args"}} (Retell, "Custom Function").
     *
     * @param toolCall the function name and its arguments
     * @param call Retell's call id and the other party's number: {@code from_number} of an inbound call,
     *     {@code to_number} of an outbound one
     */
    record RetellCall(ToolCall toolCall, CallIn call) {}

    /**
     * Parses a JSON body.
     *
     * @throws ApiException 400 {@code malformed_body} when it is not one JSON object, {@code duplicate_json_key}
     *     when an object has a key twice
     */
    static JsonNode object(byte[] body) {
        JsonNode node;
        try {
            node = body.length == 0 ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            if (ApiException.isDuplicateKey(e)) {
                throw new ApiException(ApiErrorCode.DUPLICATE_JSON_KEY, "An object in the body has a key twice");
            }
            throw new ApiException(ApiErrorCode.MALFORMED_BODY, "The body is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new ApiException(ApiErrorCode.MALFORMED_BODY, "The body must be one JSON object");
        }
        return node;
    }

    /**
     * Reads a Vapi server message.
     *
     * @throws ApiException 422 {@code validation_failed} naming each tool call without an id or a name, or more
     *     than {@value #MAX_VAPI_TOOL_CALLS} calls
     */
    static VapiToolCalls vapi(JsonNode body) {
        JsonNode message = body.path("message");
        if (!"tool-calls".equals(message.path("type").asString(""))) {
            return new VapiToolCalls(List.of(), null);
        }
        JsonNode list = message.path("toolCallList");
        if (!list.isArray()) {
            throw ApiException.invalid("message.toolCallList", "must be an array of tool calls");
        }
        if (list.size() > MAX_VAPI_TOOL_CALLS) {
            throw ApiException.invalid(
                    "message.toolCallList", "must hold at most " + MAX_VAPI_TOOL_CALLS + " tool calls");
        }
        List<ToolCall> calls = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String field = "message.toolCallList[" + i + "]";
            String id = text(entry.get("id"));
            JsonNode function = entry.path("function");
            String name = text(entry.has("name") ? entry.get("name") : function.get("name"));
            JsonNode arguments = entry.has("arguments") ? entry.get("arguments") : function.get("arguments");
            if (id == null) {
                errors.add(new FieldError(field + ".id", "must be the tool call's id"));
            }
            if (name == null) {
                errors.add(new FieldError(field + ".function.name", "must be the tool's name"));
            }
            calls.add(new ToolCall(name, arguments, id));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        JsonNode customer = message.has("customer")
                ? message.get("customer")
                : message.path("call").path("customer");
        return new VapiToolCalls(
                calls, new CallIn(text(message.path("call").get("id")), text(customer.get("number")), null));
    }

    /**
     * Reads a Retell custom-function request.
     *
     * @throws ApiException 422 {@code validation_failed} when {@code name} is missing
     */
    static RetellCall retell(JsonNode body) {
        String name = text(body.get("name"));
        if (name == null) {
            throw ApiException.invalid("name", "must be the function's name");
        }
        JsonNode call = body.path("call");
        String number = "outbound".equals(call.path("direction").asString(""))
                ? text(call.get("to_number"))
                : text(call.get("from_number"));
        JsonNode args = body.get("args");
        return new RetellCall(new ToolCall(name, args, null), new CallIn(text(call.get("call_id")), number, null));
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() && !node.asString().isEmpty() ? node.asString() : null;
    }
}
