package dev.toolgate.server.invocation;

import dev.toolgate.core.render.CallContext;
import dev.toolgate.core.tool.Tool;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The call context as the invocation log keeps it ({@code {"id", "caller_number", "variables"}}), and back: a replay
 * runs in the call context of the invocation it replays.
 */
final class CallJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CallJson() {}

    /** The call context as JSON text: {@code {"id", "caller_number", "variables": {name: value}}}. */
    static String of(CallContext call) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", call.callId());
        json.put("caller_number", call.callerNumber());
        ObjectNode variables = json.putObject("variables");
        call.variables().forEach(variables::put);
        return JSON.writeValueAsString(json);
    }

    /**
     * The call context of a logged invocation, in {@code tool}'s tenant and agent; a record without a kept context
     * (older rows) gives its call id and no variables.
     */
    static CallContext of(InvocationRecord original, Tool tool) {
        if (original.callJson() == null) {
            return new CallContext(
                    original.callId() == null ? "" : original.callId(),
                    null,
                    tool.tenantId(),
                    tool.agentId(),
                    Map.of());
        }
        JsonNode call = JSON.readTree(original.callJson());
        Map<String, String> variables = new LinkedHashMap<>();
        call.path("variables")
                .properties()
                .forEach(e -> variables.put(e.getKey(), e.getValue().asString()));
        return new CallContext(
                call.path("id").asString(""),
                call.path("caller_number").isString()
                        ? call.get("caller_number").asString()
                        : null,
                tool.tenantId(),
                tool.agentId(),
                variables);
    }
}
