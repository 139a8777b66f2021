package dev.toolgate.server.mcp;

import dev.toolgate.server.invocation.InvocationKind;
import dev.toolgate.server.invocation.InvocationOut;
import dev.toolgate.server.invocation.InvocationService;
import dev.toolgate.server.invocation.ToolCall;
import dev.toolgate.server.tool.ToolStore;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers {@code tools/list} and {@code tools/call} for the agent of each request ({@link McpCaller} in the transport
 * context) and hands every other message ({@code initialize}, {@code ping}, notifications) to the SDK's stateless
 * server, whose own tool registry stays empty: an agent's tools change at any time and differ per tenant, so they are
 * read per request instead of being registered once.
 *
 * <ul>
 *   <li>{@code tools/list}: the agent's enabled tools of the client's subset ({@link McpToolDescriptions}), all in one
 *       page (no {@code nextCursor}).
 *   <li>{@code tools/call}: a name outside the client's subset is a JSON-RPC error {@code -32602} (the
 *       specification's "unknown tool"), and nothing runs. Every other name runs through
 *       {@link InvocationService#invoke(InvocationKind, java.util.UUID, ToolCall, dev.toolgate.core.render.CallContext,
 *       long)} with kind {@code mcp}: the answer is one text content, the text the invoke API gives the model, with
 *       {@code isError: true} when the call failed (its text is then the JSON error, e.g. {@code HTTP_TOOL_INVALID_ARGS});
 *       {@code _meta} carries the invocation id, the error code and a voice tool's action.
 * </ul>
 */
final class AgentToolsHandler implements McpStatelessServerHandler {

    /** The {@code _meta} key of the invocation id in a {@code tools/call} result. */
    static final String META_INVOCATION_ID = "dev.toolgate/invocation_id";

    /** The {@code _meta} key of the error code (docs/errors.md) in a failed {@code tools/call} result. */
    static final String META_ERROR_CODE = "dev.toolgate/error_code";

    /** The {@code _meta} key of a voice tool's call-control action (docs/voice-runtime.md). */
    static final String META_ACTION = "dev.toolgate/action";

    /** The {@code _meta} key of a {@code tools/call} request that names the model's tool-call id. */
    static final String META_TOOL_CALL_ID = "dev.toolgate/tool_call_id";

    private static final Logger LOG = LoggerFactory.getLogger(AgentToolsHandler.class);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final McpStatelessServerHandler sdk;
    private final ToolStore tools;
    private final InvocationService invocations;
    private final McpToolDescriptions descriptions;
    private final JsonMapper json;

    AgentToolsHandler(
            McpStatelessServerHandler sdk,
            ToolStore tools,
            InvocationService invocations,
            McpToolDescriptions descriptions,
            JsonMapper json) {
        this.sdk = sdk;
        this.tools = tools;
        this.invocations = invocations;
        this.descriptions = descriptions;
        this.json = json;
    }

    @Override
    public Mono<McpSchema.JSONRPCResponse> handleRequest(
            McpTransportContext context, McpSchema.JSONRPCRequest request) {
        return switch (request.method()) {
            case McpSchema.METHOD_TOOLS_LIST -> Mono.fromSupplier(() -> answer(context, request, this::list));
            case McpSchema.METHOD_TOOLS_CALL -> Mono.fromSupplier(() -> answer(context, request, this::call));
            default -> sdk.handleRequest(context, request);
        };
    }

    @Override
    public Mono<Void> handleNotification(McpTransportContext context, McpSchema.JSONRPCNotification notification) {
        return sdk.handleNotification(context, notification);
    }

    /** What a method answers: its result, or the JSON-RPC error to send instead. */
    private interface Method {
        Object run(McpCaller caller, JsonNode params) throws Refused;
    }

    /** A request refused with a JSON-RPC error whose message is safe to show. */
    private static final class Refused extends Exception {
        private final int code;

        Refused(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private McpSchema.JSONRPCResponse answer(
            McpTransportContext context, McpSchema.JSONRPCRequest request, Method method) {
        if (!(context.get(McpCaller.CONTEXT_KEY) instanceof McpCaller caller)) {
            // Only McpController hands requests to the transport, and it always sets the caller.
            return error(request, McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error");
        }
        try {
            JsonNode params = request.params() == null ? null : json.valueToTree(request.params());
            return McpSchema.JSONRPCResponse.result(request.id(), method.run(caller, params));
        } catch (Refused refused) {
            return error(request, refused.code, refused.getMessage());
        } catch (RuntimeException e) {
            LOG.error("MCP {} failed for agent {}", request.method(), caller.agentId(), e);
            return error(request, McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error");
        }
    }

    private McpSchema.ListToolsResult list(McpCaller caller, JsonNode params) {
        return new McpSchema.ListToolsResult(
                descriptions.describe(tools.list(caller.call().tenantId(), caller.agentId()), caller.subset()), null);
    }

    private McpSchema.CallToolResult call(McpCaller caller, JsonNode params) throws Refused {
        JsonNode name = params == null ? null : params.get("name");
        if (name == null || !name.isString() || name.asString().isEmpty()) {
            throw new Refused(McpSchema.ErrorCodes.INVALID_PARAMS, "tools/call needs params.name, the tool's name");
        }
        if (!caller.subset().includes(name.asString())) {
            throw new Refused(McpSchema.ErrorCodes.INVALID_PARAMS, "Unknown tool: " + name.asString());
        }
        JsonNode meta = params.get("_meta");
        JsonNode toolCallId = meta == null ? null : meta.get(META_TOOL_CALL_ID);
        InvocationOut answer = invocations.invoke(
                InvocationKind.MCP,
                caller.agentId(),
                new ToolCall(
                        name.asString(),
                        params.get("arguments"),
                        toolCallId != null && toolCallId.isString() ? toolCallId.asString() : null),
                caller.call(),
                caller.arrivedAtNanos());
        Map<String, Object> resultMeta = new LinkedHashMap<>();
        resultMeta.put(META_INVOCATION_ID, answer.invocationId());
        if (answer.error() != null) {
            resultMeta.put(META_ERROR_CODE, answer.error().code());
        }
        if (answer.action() != null && answer.action().isObject()) {
            resultMeta.put(META_ACTION, json.convertValue(answer.action(), OBJECT));
        }
        return McpSchema.CallToolResult.builder()
                .addTextContent(answer.content() == null ? "" : answer.content())
                .isError(!"ok".equals(answer.status()))
                .meta(resultMeta)
                .build();
    }

    private static McpSchema.JSONRPCResponse error(McpSchema.JSONRPCRequest request, int code, String message) {
        return McpSchema.JSONRPCResponse.error(request.id(), new McpSchema.JSONRPCResponse.JSONRPCError(code, message));
    }
}
