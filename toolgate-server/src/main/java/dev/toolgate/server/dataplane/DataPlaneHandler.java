package dev.toolgate.server.dataplane;

import dev.toolgate.core.render.CallContext;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.api.ApiExceptionHandler;
import dev.toolgate.server.api.LogSafe;
import dev.toolgate.server.invocation.CallIn;
import dev.toolgate.server.invocation.InvocationKind;
import dev.toolgate.server.invocation.InvocationService;
import dev.toolgate.server.invocation.InvokeIn;
import dev.toolgate.server.invocation.ToolCall;
import dev.toolgate.server.invocation.ToolCallsIn;
import dev.toolgate.server.invocation.ToolCallsOut;
import dev.toolgate.server.tenant.ApiKeyService;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.Scope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data plane's steps for one request, apart from the HTTP server that carries it ({@link DataPlaneFilter}
 * adapts it to the servlet filter chain): the route, the API key ({@link ApiKeyService}, scope
 * {@code tools:invoke}), the agent, the body read and checked as Spring MVC reads it ({@link RequestBodies}), then
 * the {@link InvocationService}; the answer is the controllers' JSON.
 *
 * <p>Only the calls that will succeed as API requests are served. Anything else is handed on
 * ({@link DataPlaneAnswer.PassOn}): another method or path, an {@code Accept} other than JSON, a body without a
 * length or over {@code toolgate.limits.max-request-body-bytes}, a missing or unknown key or one without the
 * scope, an unknown agent, a body that does not parse or breaks a constraint.
 *
 * <p>Counts what it serves in {@code toolgate.data_plane.requests} (tag {@code endpoint}: {@code invoke},
 * {@code tool_calls}), registered at start. Thread-safe.
 */
final class DataPlaneHandler {

    private static final Logger log = LoggerFactory.getLogger(DataPlaneHandler.class);

    /** Reads a request's body, whose length is known. */
    @FunctionalInterface
    interface Body {
        /**
         * Reads up to {@code length} bytes (fewer only when the client stopped sending).
         *
         * @throws IOException if the client went away
         */
        byte[] read(int length) throws IOException;
    }

    private final ApiKeyService keys;
    private final AgentStore agents;
    private final InvocationService service;
    private final RequestBodies bodies;
    private final Map<DataPlaneRoute.Endpoint, Counter> served = new EnumMap<>(DataPlaneRoute.Endpoint.class);

    /**
     * @param bodies how bodies are read and checked, and how long one may be
     * @param meters where the served-requests counters are registered
     */
    DataPlaneHandler(
            ApiKeyService keys,
            AgentStore agents,
            InvocationService service,
            RequestBodies bodies,
            MeterRegistry meters) {
        this.keys = keys;
        this.agents = agents;
        this.service = service;
        this.bodies = bodies;
        for (DataPlaneRoute.Endpoint endpoint : DataPlaneRoute.Endpoint.values()) {
            served.put(
                    endpoint,
                    Counter.builder("toolgate.data_plane.requests")
                            .description("Tool calls served by the data plane's front, ahead of Spring MVC")
                            .tag("endpoint", endpoint.tag())
                            .register(meters));
        }
    }

    /**
     * Serves one request, or hands it on.
     *
     * @param method the request method
     * @param path the request URI's path, undecoded
     * @param headers a request header's first value by name (case-insensitive), or null
     * @param length the body's {@code Content-Length}, or -1 when the request has none
     * @param body reads the body; called at most once, only when the request is one to serve
     * @param arrivedAt {@link System#nanoTime()} when the request arrived
     * @return the answer to write, or the request handed on with what was read of its body
     * @throws IOException if the client went away while the body was read
     */
    DataPlaneAnswer serve(
            String method, String path, UnaryOperator<String> headers, long length, Body body, long arrivedAt)
            throws IOException {
        DataPlaneRoute route = DataPlaneRoute.of(method, path);
        if (route == null
                || !DataPlaneRoute.acceptsJson(headers.apply("Accept"))
                || !DataPlaneRoute.isJson(headers.apply("Content-Type"))
                || length < 0
                || length > bodies.maxBytes()) {
            return DataPlaneAnswer.UNREAD;
        }
        Principal principal = principal(headers.apply(ApiKeyService.API_KEY_HEADER));
        if (principal == null
                || agents.find(principal.tenantId(), route.agentId()).isEmpty()) {
            return DataPlaneAnswer.UNREAD; // the API answers 401, 403 or 404 before reading the body
        }
        byte[] read = body.read((int) length);
        DataPlaneAnswer answer = read.length == length ? answer(route, principal, read, arrivedAt) : null;
        if (answer == null) {
            return new DataPlaneAnswer.PassOn(read);
        }
        served.get(route.endpoint()).increment();
        return answer;
    }

    /**
     * Runs the call, or returns null when the body is not one the API would accept (the controllers then answer
     * it). A fault inside Toolgate is answered as the API answers it: 500 {@code internal}, the fault in the log only.
     */
    private DataPlaneAnswer answer(DataPlaneRoute route, Principal principal, byte[] body, long arrivedAt) {
        Object out;
        try {
            out = switch (route.endpoint()) {
                case INVOKE -> invoke(route.agentId(), principal, body, arrivedAt);
                case TOOL_CALLS -> toolCalls(route.agentId(), principal, body, arrivedAt);
            };
        } catch (ApiException notAcceptable) {
            return null;
        } catch (RuntimeException e) {
            log.error("Unexpected error while handling an API request", LogSafe.throwable(e));
            return new DataPlaneAnswer.Served(
                    500,
                    "application/problem+json",
                    bodies.json().writeValueAsBytes(ApiExceptionHandler.internalError()));
        }
        return out == null
                ? null
                : new DataPlaneAnswer.Served(
                        200, "application/json", bodies.json().writeValueAsBytes(out));
    }

    private Object invoke(UUID agentId, Principal principal, byte[] body, long arrivedAt) {
        InvokeIn in = bodies.read(body, InvokeIn.class);
        if (in == null) {
            return null;
        }
        CallContext call = CallIn.toContext(in.call(), principal.tenantId(), agentId);
        return service.invoke(agentId, in.tool(), in.arguments(), in.toolCallId(), call, arrivedAt);
    }

    private Object toolCalls(UUID agentId, Principal principal, byte[] body, long arrivedAt) {
        ToolCallsIn in = bodies.read(body, ToolCallsIn.class);
        List<ToolCall> calls = in == null ? null : in.asToolCalls();
        if (calls == null) {
            return null;
        }
        CallContext call = CallIn.toContext(in.call(), principal.tenantId(), agentId);
        return ToolCallsOut.of(service.invokeAll(InvocationKind.INVOKE, agentId, calls, call, arrivedAt));
    }

    /** The caller's principal when its {@code X-API-Key} is known and may invoke tools, else null. */
    private Principal principal(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        return keys.authenticate(key.trim())
                .filter(p -> p.has(Scope.TOOLS_INVOKE))
                .orElse(null);
    }
}
