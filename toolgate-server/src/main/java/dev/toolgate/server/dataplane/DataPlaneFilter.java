package dev.toolgate.server.dataplane;

import dev.toolgate.core.render.CallContext;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.api.ApiExceptionHandler;
import dev.toolgate.server.api.LogSafe;
import dev.toolgate.server.invocation.ArrivalFilter;
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
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data plane's front (docs/architecture.md, "Data plane and control plane"): serves a voice runtime's tool calls,
 * {@code POST /v1/agents/{agentId}/invocations} and {@code …/tool-calls} answered as JSON, straight from the servlet
 * filter chain, ahead of Spring MVC's dispatcher. It runs the same steps as the
 * controllers, with the same beans: the API key ({@link ApiKeyService}, scope {@code tools:invoke}), the agent, the
 * body read and checked as Spring MVC reads it ({@link RequestBodies}), then the
 * {@link InvocationService}; the answer is the same JSON. What it saves is the dispatcher's handler lookup,
 * interceptors, argument resolvers and message-converter negotiation (bench/README.md, "The data plane's front").
 *
 * <p>Only the calls that will succeed as API requests take this path. Anything else is handed on to Spring MVC
 * untouched, with the body it has read replayed ({@link BufferedBodyRequest}), so every refusal (401, 403, 404,
 * 400, 413, 415, 406) and every other answer form (the event stream, TwiML) is exactly what the controllers give:
 * another method or path, an {@code Accept} other than JSON, a body without {@code Content-Length} or over
 * {@code toolgate.limits.max-request-body-bytes} (the body-limit filter answers it before it is read), a missing or
 * unknown key or one without the scope, an unknown agent, a body that does not parse or breaks a constraint.
 *
 * <p>Counts what it serves in {@code toolgate.data_plane.requests} (tag {@code endpoint}: {@code invoke},
 * {@code tool_calls}), registered at start. Thread-safe.
 */
public final class DataPlaneFilter extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(DataPlaneFilter.class);

    private final ApiKeyService keys;
    private final AgentStore agents;
    private final InvocationService service;
    private final RequestBodies bodies;
    private final Map<DataPlaneRoute.Endpoint, Counter> served = new EnumMap<>(DataPlaneRoute.Endpoint.class);

    /**
     * @param bodies how bodies are read and checked, and how long one may be
     * @param meters where the served-requests counters are registered
     */
    DataPlaneFilter(
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

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long arrivedAt = ArrivalFilter.arrivedAt((Long) request.getAttribute(ArrivalFilter.ATTRIBUTE));
        DataPlaneRoute route = DataPlaneRoute.of(request.getMethod(), request.getRequestURI());
        long length = request.getContentLengthLong();
        if (route == null
                || !DataPlaneRoute.acceptsJson(request.getHeader("Accept"))
                || !DataPlaneRoute.isJson(request.getContentType())
                || length < 0
                || length > bodies.maxBytes()) {
            chain.doFilter(request, response);
            return;
        }
        Principal principal = principal(request);
        if (principal == null
                || agents.find(principal.tenantId(), route.agentId()).isEmpty()) {
            chain.doFilter(request, response); // the API answers 401, 403 or 404 before reading the body
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) length);
        Object answer = body.length == length ? answer(route, principal, body, arrivedAt) : null;
        if (answer == null) {
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        served.get(route.endpoint()).increment();
        write(response, answer);
    }

    /**
     * Runs the call, or returns null when the body is not one the API would accept (the controllers then answer
     * it). A fault inside Toolgate is answered as the API answers it: 500 {@code internal}, the fault in the log only.
     */
    private Object answer(DataPlaneRoute route, Principal principal, byte[] body, long arrivedAt) {
        try {
            return switch (route.endpoint()) {
                case INVOKE -> invoke(route.agentId(), principal, body, arrivedAt);
                case TOOL_CALLS -> toolCalls(route.agentId(), principal, body, arrivedAt);
            };
        } catch (ApiException notAcceptable) {
            return null;
        } catch (RuntimeException e) {
            log.error("Unexpected error while handling an API request", LogSafe.throwable(e));
            return new Fault();
        }
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
    private Principal principal(HttpServletRequest request) {
        String key = request.getHeader(ApiKeyService.API_KEY_HEADER);
        if (key == null || key.isBlank()) {
            return null;
        }
        return keys.authenticate(key.trim())
                .filter(p -> p.has(Scope.TOOLS_INVOKE))
                .orElse(null);
    }

    /** A fault inside Toolgate, answered as the API answers one. */
    private static final class Fault {}

    /**
     * Writes {@code answer}: the JSON of a call's answer, or the API's 500 problem for a {@link Fault}.
     *
     * @throws IOException if the client went away
     */
    private void write(HttpServletResponse response, Object answer) throws IOException {
        boolean fault = answer instanceof Fault;
        byte[] out = bodies.json().writeValueAsBytes(fault ? ApiExceptionHandler.internalError() : answer);
        response.setStatus(fault ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : HttpServletResponse.SC_OK);
        response.setContentType(fault ? "application/problem+json" : "application/json");
        response.setContentLength(out.length);
        response.getOutputStream().write(out);
    }
}
