package dev.toolgate.server.invocation;

import dev.toolgate.core.render.CallContext;
import dev.toolgate.core.tool.FieldError;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import dev.toolgate.server.tool.ToolStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The voice runtime's side of the API: {@code POST /v1/agents/{agentId}/invocations} (one tool call),
 * {@code POST /v1/agents/{agentId}/tool-calls} (an OpenAI assistant message's {@code tool_calls}, run
 * concurrently, answered in order) and {@code POST /v1/agents/{agentId}/tools/{toolId}/test} (test fire).
 * A tool failure is a 200 with {@code status: error}; only a malformed API request is a 4xx. Every call's budget
 * counts from the request's arrival ({@link ArrivalFilter}); the calls of one {@code tool-calls} request share it.
 */
@RestController
@RequestMapping("/v1/agents/{agentId}")
class InvocationController {

    /** At most this many tool calls in one {@code tool-calls} request. */
    static final int MAX_BATCH = 32;

    private static final String LINE_BREAK_OR_NUL = "must not contain CR, LF or NUL";

    private final AgentStore agents;
    private final ToolStore tools;
    private final InvocationService service;

    InvocationController(AgentStore agents, ToolStore tools, InvocationService service) {
        this.agents = agents;
        this.tools = tools;
        this.service = service;
    }

    @Operation(
            operationId = "invokeTool",
            summary = "Invoke a tool: one tool call of the model, answered as the model should see it")
    @PostMapping("/invocations")
    @RequiresScope(Scope.TOOLS_INVOKE)
    ObjectNode invoke(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID agentId,
            @RequestBody JsonNode body,
            @RequestAttribute(name = ArrivalFilter.ATTRIBUTE, required = false) Long arrival) {
        agents.require(principal.tenantId(), agentId);
        List<FieldError> errors = new ArrayList<>();
        String tool = text(body, "tool", errors, true);
        String toolCallId = id(text(body, "tool_call_id", errors, false), "tool_call_id", errors);
        CallContext call = callContext(principal, agentId, body.get("call"), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return service.invoke(agentId, tool, body.get("arguments"), toolCallId, call, ArrivalFilter.arrivedAt(arrival));
    }

    @Operation(
            operationId = "runToolCalls",
            summary = "Run an OpenAI assistant message's tool calls concurrently, answered in their order")
    @PostMapping("/tool-calls")
    @RequiresScope(Scope.TOOLS_INVOKE)
    ObjectNode toolCalls(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID agentId,
            @RequestBody JsonNode body,
            @RequestAttribute(name = ArrivalFilter.ATTRIBUTE, required = false) Long arrival) {
        agents.require(principal.tenantId(), agentId);
        List<FieldError> errors = new ArrayList<>();
        JsonNode message = body.has("message") ? body.get("message") : body;
        JsonNode toolCalls = message == null ? null : message.get("tool_calls");
        String prefix = body.has("message") ? "message.tool_calls" : "tool_calls";
        if (toolCalls == null || !toolCalls.isArray()) {
            errors.add(new FieldError(prefix, "must be an array of OpenAI tool calls"));
        } else if (toolCalls.size() > MAX_BATCH) {
            errors.add(new FieldError(prefix, "must hold at most " + MAX_BATCH + " tool calls"));
        }
        CallContext call = callContext(principal, agentId, body.get("call"), errors);
        List<Map.Entry<String, JsonNode>> calls = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        if (toolCalls != null && toolCalls.isArray()) {
            for (int i = 0; i < toolCalls.size(); i++) {
                JsonNode toolCall = toolCalls.get(i);
                JsonNode function = toolCall.get("function");
                String path = prefix + "[" + i + "]";
                if (function == null
                        || !function.isObject()
                        || !function.path("name").isString()) {
                    errors.add(new FieldError(path + ".function.name", "is required"));
                    continue;
                }
                ids.add(id(
                        toolCall.path("id").isString() ? toolCall.get("id").asString() : null, path + ".id", errors));
                calls.add(Map.entry(function.get("name").asString(), function.path("arguments")));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        List<ObjectNode> results = runConcurrently(agentId, calls, ids, call, ArrivalFilter.arrivedAt(arrival));
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode messages = json.putArray("messages");
        for (ObjectNode result : results) {
            ObjectNode toolMessage = messages.addObject();
            toolMessage.put("role", "tool");
            toolMessage.set("tool_call_id", result.get("tool_call_id"));
            toolMessage.set("content", result.get("content"));
        }
        ArrayNode resultArray = json.putArray("results");
        results.forEach(resultArray::add);
        return json;
    }

    @Operation(
            operationId = "testFireTool",
            summary = "Test-fire a tool: render, judge the destination and (unless dry_run) send it")
    @PostMapping("/tools/{toolId}/test")
    @RequiresScope(Scope.TOOLS_INVOKE)
    ObjectNode testFire(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID agentId,
            @PathVariable UUID toolId,
            @RequestBody(required = false) JsonNode body,
            @RequestAttribute(name = ArrivalFilter.ATTRIBUTE, required = false) Long arrival) {
        agents.require(principal.tenantId(), agentId);
        Tool tool = tools.require(principal.tenantId(), agentId, toolId);
        JsonNode request = body == null ? JsonNodeFactory.instance.objectNode() : body;
        List<FieldError> errors = new ArrayList<>();
        JsonNode dryRun = request.get("dry_run");
        if (dryRun != null && !dryRun.isBoolean() && !dryRun.isNull()) {
            errors.add(new FieldError("dry_run", "must be a boolean"));
        }
        CallContext call = callContext(principal, agentId, request.get("call"), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return service.testFire(
                tool,
                request.get("arguments"),
                call,
                dryRun != null && dryRun.asBoolean(false),
                ArrivalFilter.arrivedAt(arrival));
    }

    private List<ObjectNode> runConcurrently(
            UUID agentId,
            List<Map.Entry<String, JsonNode>> calls,
            List<String> ids,
            CallContext call,
            long arrivedAtNanos) {
        if (calls.size() == 1) {
            return List.of(service.invoke(
                    agentId, calls.get(0).getKey(), calls.get(0).getValue(), ids.get(0), call, arrivedAtNanos));
        }
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ObjectNode>> futures = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                Map.Entry<String, JsonNode> entry = calls.get(i);
                String id = ids.get(i);
                futures.add(executor.submit(
                        () -> service.invoke(agentId, entry.getKey(), entry.getValue(), id, call, arrivedAtNanos)));
            }
            List<ObjectNode> results = new ArrayList<>();
            for (Future<ObjectNode> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running tool calls", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a tool call failed unexpectedly", e.getCause());
        }
    }

    /**
     * Reads {@code call}. A CR, LF or NUL in its id, caller number or a variable (name or value) is a 400
     * {@code invalid_call_context} naming every such field: these values go into headers and templates, where a line
     * break would split a header (docs/errors.md).
     *
     * @throws ApiException 400 {@code invalid_call_context}
     */
    private static CallContext callContext(Principal principal, UUID agentId, JsonNode call, List<FieldError> errors) {
        if (call == null || call.isNull()) {
            return new CallContext("", null, principal.tenantId(), agentId, Map.of());
        }
        if (!call.isObject()) {
            errors.add(new FieldError("call", "must be an object {id, caller_number?, variables?}"));
            return null;
        }
        List<FieldError> unsafe = new ArrayList<>();
        String id = safe(id(text(call, "id", errors, false, "call.id"), "call.id", errors), "call.id", unsafe);
        String callerNumber = safe(
                id(text(call, "caller_number", errors, false, "call.caller_number"), "call.caller_number", errors),
                "call.caller_number",
                unsafe);
        Map<String, String> variables = new LinkedHashMap<>();
        JsonNode vars = call.get("variables");
        if (vars != null && !vars.isNull()) {
            if (!vars.isObject()) {
                errors.add(new FieldError("call.variables", "must be an object of strings"));
            } else {
                for (Map.Entry<String, JsonNode> entry : vars.properties()) {
                    JsonNode value = entry.getValue();
                    String name = entry.getKey();
                    if (hasLineBreakOrNul(name)) {
                        unsafe.add(new FieldError("call.variables", "a variable name " + LINE_BREAK_OR_NUL));
                        continue;
                    }
                    String path = "call.variables." + name;
                    variables.put(name, safe(value.isString() ? value.asString() : value.toString(), path, unsafe));
                }
            }
        }
        if (!unsafe.isEmpty()) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "invalid_call_context",
                    "The call context has a line break or NUL in "
                            + unsafe.getFirst().field()
                            + (unsafe.size() > 1 ? " and " + (unsafe.size() - 1) + " more field(s)" : ""),
                    unsafe);
        }
        return new CallContext(id == null ? "" : id, callerNumber, principal.tenantId(), agentId, variables);
    }

    /**
     * Returns {@code value}, noting an error when it is longer than {@link CallContext#MAX_ID_CHARS} (the width of
     * the invocation log's columns).
     */
    private static String id(String value, String field, List<FieldError> errors) {
        if (value != null && value.length() > CallContext.MAX_ID_CHARS) {
            errors.add(new FieldError(field, "must be at most " + CallContext.MAX_ID_CHARS + " characters"));
            return null;
        }
        return value;
    }

    private static String safe(String value, String field, List<FieldError> unsafe) {
        if (value != null && hasLineBreakOrNul(value)) {
            unsafe.add(new FieldError(field, LINE_BREAK_OR_NUL));
        }
        return value;
    }

    private static boolean hasLineBreakOrNul(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0;
    }

    private static String text(JsonNode node, String field, List<FieldError> errors, boolean required) {
        return text(node, field, errors, required, field);
    }

    private static String text(JsonNode node, String field, List<FieldError> errors, boolean required, String path) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldError(path, "is required"));
            }
            return null;
        }
        if (!value.isString()) {
            errors.add(new FieldError(path, "must be a string"));
            return null;
        }
        if (required && value.asString().isBlank()) {
            errors.add(new FieldError(path, "must not be blank"));
            return null;
        }
        return value.asString();
    }
}
