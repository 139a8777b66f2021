package dev.toolgate.server.dataplane;

import dev.toolgate.server.invocation.ArrivalFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The data plane's front (docs/architecture.md, "Data plane and control plane"): serves a voice runtime's tool calls,
 * {@code POST /v1/agents/{agentId}/invocations} and {@code …/tool-calls} answered as JSON, straight from the servlet
 * filter chain, ahead of Spring MVC's dispatcher, through the {@link DataPlaneHandler}. What it saves is the
 * dispatcher's handler lookup, interceptors, argument resolvers and message-converter negotiation
 * (bench/README.md, "The data plane's front").
 *
 * <p>Anything the handler does not serve goes on to Spring MVC untouched, with the body it has read replayed
 * ({@link BufferedBodyRequest}), so every refusal (401, 403, 404, 400, 413, 415, 406) and every other answer form
 * (the event stream, TwiML) is exactly what the controllers give. A body over
 * {@code toolgate.limits.max-request-body-bytes} is answered by the body-limit filter before it is read.
 * Thread-safe.
 */
public final class DataPlaneFilter extends HttpFilter {

    private final DataPlaneHandler handler;

    /** @param handler the data plane's steps */
    DataPlaneFilter(DataPlaneHandler handler) {
        this.handler = handler;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long arrivedAt = ArrivalFilter.arrivedAt((Long) request.getAttribute(ArrivalFilter.ATTRIBUTE));
        DataPlaneAnswer answer = handler.serve(
                request.getMethod(),
                request.getRequestURI(),
                request::getHeader,
                request.getContentLengthLong(),
                length -> request.getInputStream().readNBytes(length),
                arrivedAt);
        switch (answer) {
            case DataPlaneAnswer.PassOn(byte[] body) when body == null -> chain.doFilter(request, response);
            case DataPlaneAnswer.PassOn(byte[] body) ->
                chain.doFilter(new BufferedBodyRequest(request, body), response);
            case DataPlaneAnswer.Served served -> write(response, served);
        }
    }

    /**
     * Writes a served answer.
     *
     * @throws IOException if the client went away
     */
    private static void write(HttpServletResponse response, DataPlaneAnswer.Served served) throws IOException {
        response.setStatus(served.status());
        response.setContentType(served.contentType());
        response.setContentLength(served.body().length);
        response.getOutputStream().write(served.body());
    }
}
