package dev.toolgate.bench;

import dev.toolgate.bench.LoadGenerator.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.JsonNode;

/**
 * What the load generator calls in an {@link Environment}: the endpoint directly, through nginx and through Toolgate,
 * and Toolgate's refusals and held calls. Each target has its own client; {@link #close()} drops their connections.
 */
final class LoadTargets implements AutoCloseable {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final Environment env;
    private final List<OkHttpClient> clients = new ArrayList<>();

    /** Targets of {@code env}, which must have its tools registered. */
    LoadTargets(Environment env) {
        this.env = env;
    }

    /** (a) The endpoint called directly over HTTPS, as the voice runtime would without a gateway. */
    Target direct() {
        return httpsTarget("direct", env.endpointUrl());
    }

    /** (b) The same call through nginx. */
    Target viaNginx() {
        return httpsTarget("nginx", "https://127.0.0.1:" + env.nginx.port());
    }

    private Target httpsTarget(String name, String base) {
        OkHttpClient client = LoadGenerator.client(env.trust.sslSocketFactory(), env.trust.trustManager());
        clients.add(client);
        Request request = new Request.Builder()
                .url(base + "/tools/" + Bfcl.LOAD_TOOL)
                .header("Authorization", "Bearer bench-endpoint-token")
                .post(RequestBody.create(Bfcl.JSON.writeValueAsBytes(env.validArguments), JSON_TYPE))
                .build();
        return new Target(name, client, request, body -> body.contains("\"ok\":true"));
    }

    /** (c) The call through Toolgate's invoke API. */
    Target viaToolgate() {
        return toolgateTarget(
                "toolgate",
                env.toolgate,
                env.agentId,
                Bfcl.LOAD_TOOL,
                env.validArguments,
                body -> body.contains("\"status\":\"ok\""));
    }

    /** Item 5: a call whose arguments break the schema (a BFCL invalid call). */
    Target invalidArgs() {
        return toolgateTarget(
                "invalid_args",
                env.toolgate,
                env.agentId,
                Bfcl.LOAD_TOOL,
                env.invalidArguments,
                body -> body.contains("\"code\":\"HTTP_TOOL_INVALID_ARGS\""));
    }

    /** Item 5: a call to a destination the egress policy refuses. */
    Target blocked() {
        return toolgateTarget(
                "blocked_destination",
                env.toolgate,
                env.agentId,
                Environment.BLOCKED_TOOL,
                env.validArguments,
                body -> body.contains("\"code\":\"HTTP_TOOL_BLOCKED_DESTINATION\""));
    }

    /** Item 3: the held call through {@code gateway}. */
    Target held(Toolgate gateway, String agent, boolean http2) {
        return toolgateTarget(
                http2 ? "held_h2" : "held",
                gateway,
                agent,
                http2 ? Environment.HOLD_TOOL_H2 : Environment.HOLD_TOOL,
                env.validArguments,
                body -> body.contains("\"status\":\"ok\""));
    }

    /** Item 3's warm-up: the fast call through {@code gateway}. */
    Target fast(Toolgate gateway, String agent) {
        return toolgateTarget(
                "toolgate",
                gateway,
                agent,
                Bfcl.LOAD_TOOL,
                env.validArguments,
                body -> body.contains("\"status\":\"ok\""));
    }

    private Target toolgateTarget(
            String name, Toolgate gateway, String agent, String tool, JsonNode arguments, Predicate<String> check) {
        OkHttpClient client = LoadGenerator.client(null, null);
        clients.add(client);
        return new Target(name, client, gateway.invokeRequests(agent, tool, arguments), check);
    }

    /** Evicts the connections of every client a target was given. */
    @Override
    public void close() {
        clients.forEach(client -> client.connectionPool().evictAll());
    }
}
