package dev.toolgate.server.mcp;

import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.invocation.InvocationService;
import dev.toolgate.server.tool.ToolStore;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server behind {@code /v1/agents/{agentId}/mcp}: the official MCP Java SDK's stateless Streamable HTTP
 * transport ({@link HttpServletStatelessServerTransport}: POST only, one JSON response per request, GET and DELETE
 * answered 405, no session) and its stateless server, which answers {@code initialize} (protocol versions 2025-03-26,
 * 2025-06-18 and 2025-11-25; the tools capability) and {@code ping}. {@link AgentToolsHandler} sits between the two
 * and answers the tool methods for the agent of each request.
 *
 * <p>The transport's {@code Origin} check (the MCP specification's guard against DNS rebinding, "Streamable HTTP",
 * "Security Warning") admits {@code toolgate.mcp.allowed-origins} only; a request without {@code Origin} passes. Its
 * body limit is {@code toolgate.limits.max-request-body-bytes}, like every API request. JSON with a duplicate key is
 * refused, as everywhere in the API.
 */
@Component
public class AgentMcpServer {

    /** The path suffix the transport answers on; the controller maps the full path. */
    static final String ENDPOINT_SUFFIX = "/mcp";

    private final HttpServletStatelessServerTransport transport;
    private final McpStatelessSyncServer server;

    AgentMcpServer(
            ToolStore tools,
            InvocationService invocations,
            ToolgateProperties properties,
            ObjectProvider<BuildProperties> build,
            ObjectProvider<ServletContext> servletContext)
            throws ServletException {
        JsonMapper json = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.transport = HttpServletStatelessServerTransport.builder()
                .jsonMapper(new JacksonMcpJsonMapper(json))
                .messageEndpoint(ENDPOINT_SUFFIX)
                .contextExtractor(AgentMcpServer::context)
                .httpHeaderValidator(DefaultServerTransportSecurityValidator.builder()
                        .allowedOrigins(properties.mcp().allowedOriginList())
                        .build())
                .maxRequestSize(properties.limits().maxRequestBodyBytes())
                .build();
        this.transport.init(config(servletContext));
        McpToolDescriptions descriptions = new McpToolDescriptions(json);
        BuildProperties buildProperties = build.getIfAvailable();
        String version = buildProperties == null ? "dev" : buildProperties.getVersion();
        this.server = McpServer.sync(new RoutingTransport(
                        transport, sdk -> new AgentToolsHandler(sdk, tools, invocations, descriptions, json)))
                .serverInfo(new McpSchema.Implementation("toolgate", "Toolgate", version))
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .instructions("The tools of one Toolgate agent. Each call is validated against the tool's schema,"
                        + " signed and sent to the tenant's endpoint; the result is text to speak from.")
                .jsonMapper(new JacksonMcpJsonMapper(json))
                .build();
    }

    /**
     * Serves one MCP request for {@code caller}: the caller is authenticated and its agent checked already.
     *
     * @throws IOException when writing the response fails
     */
    void serve(McpCaller caller, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.setAttribute(McpCaller.CONTEXT_KEY, caller);
        transport.service(request, response);
    }

    /** Refuses new MCP requests (503) once the application is stopping; requests in flight finish. */
    @PreDestroy
    void close() {
        server.closeGracefully();
    }

    private static McpTransportContext context(HttpServletRequest request) {
        Object caller = request.getAttribute(McpCaller.CONTEXT_KEY);
        return caller == null
                ? McpTransportContext.EMPTY
                : McpTransportContext.create(Map.of(McpCaller.CONTEXT_KEY, caller));
    }

    /**
     * The servlet's configuration: the application's servlet context (none when the application runs without a web
     * server, as the command-line jobs do; no MCP request arrives then), no init parameters.
     */
    private static ServletConfig config(ObjectProvider<ServletContext> servletContext) {
        return new ServletConfig() {
            @Override
            public String getServletName() {
                return "toolgate-mcp";
            }

            @Override
            public ServletContext getServletContext() {
                return servletContext.getIfAvailable();
            }

            @Override
            public String getInitParameter(String name) {
                return null;
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.emptyEnumeration();
            }
        };
    }

    /**
     * The SDK server's view of the transport: it hands the server's own handler to {@code wrap}, and the servlet
     * transport gets the wrapped one.
     */
    private record RoutingTransport(
            HttpServletStatelessServerTransport servlet,
            java.util.function.UnaryOperator<McpStatelessServerHandler> wrap)
            implements McpStatelessServerTransport {

        @Override
        public void setMcpHandler(McpStatelessServerHandler handler) {
            servlet.setMcpHandler(wrap.apply(handler));
        }

        @Override
        public Mono<Void> closeGracefully() {
            return servlet.closeGracefully();
        }
    }
}
