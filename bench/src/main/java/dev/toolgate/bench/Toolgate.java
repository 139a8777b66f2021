package dev.toolgate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Toolgate as an operator runs it: {@code java -jar toolgate.jar serve --port N} in its own JVM, with the embedded
 * H2 database (so the invocation log is on) in a fresh data folder, the endpoint admitted by
 * {@code TOOLGATE_EGRESS_ALLOWLIST} and its CA by {@code TOOLGATE_EGRESS_EXTRA_CA}; plus a small REST client to set
 * up agents and tools and to read the JVM's heap from {@code /actuator/prometheus} on the management port (a free
 * loopback port given as {@code --management.server.port}; the API port serves no metrics).
 */
public final class Toolgate implements AutoCloseable {

    /** The bootstrap admin key of every benchmark run. */
    public static final String API_KEY = "tg_bench_admin_key_0123456789abcdef";

    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final ChildProcess process;
    private final int port;
    private final int managementPort;
    private final OkHttpClient admin =
            new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();

    private Toolgate(ChildProcess process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * Starts Toolgate and waits until it serves.
     *
     * @param jar {@code toolgate-server/target/toolgate.jar}
     * @param dir the run folder; the data folder and the log go under it
     * @param name a name for the log file
     * @param allowlist the egress allowlist ({@code 127.0.0.1:<endpoint port>})
     * @param caPem the endpoint CA's PEM file
     * @param jvmOptions extra JVM options (e.g. a JFR recording), may be empty
     * @throws IllegalStateException if it does not start within 90 s
     */
    public static Toolgate start(
            Path jar, Path dir, String name, String allowlist, Path caPem, List<String> jvmOptions) {
        return start(jar, dir, name, allowlist, caPem, jvmOptions, Map.of());
    }

    /**
     * Starts Toolgate with extra environment variables (e.g. {@code TOOLGATE_DB_URL}, {@code TOOLGATE_REDIS_URL},
     * {@code TOOLGATE_MASTER_KEY} for the production shape) and waits until it serves.
     *
     * @param settings environment variables added to (or replacing) the benchmark's own
     * @throws IllegalStateException if it does not start within 90 s
     */
    public static Toolgate start(
            Path jar,
            Path dir,
            String name,
            String allowlist,
            Path caPem,
            List<String> jvmOptions,
            Map<String, String> settings) {
        int port = freePort();
        int managementPort = freePort();
        while (managementPort == port) {
            managementPort = freePort();
        }
        List<String> args = new ArrayList<>(jvmOptions);
        args.addAll(List.of(
                "-jar",
                jar.toString(),
                "serve",
                "--port",
                Integer.toString(port),
                "--management.server.port=" + managementPort));
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "TOOLGATE_DATA_DIR",
                dir.resolve(name + "-data").toString(),
                "TOOLGATE_BOOTSTRAP_API_KEY",
                API_KEY,
                "TOOLGATE_EGRESS_ALLOWLIST",
                allowlist,
                "TOOLGATE_EGRESS_EXTRA_CA",
                caPem.toString()));
        env.putAll(settings);
        ChildProcess process = ChildProcess.start(
                name,
                ChildProcess.java(args.toArray(String[]::new)),
                env,
                dir,
                line -> line.contains("Started ToolgateMain in"));
        Toolgate toolgate = new Toolgate(process, port, managementPort);
        try {
            process.awaitLine(Duration.ofSeconds(90));
            toolgate.awaitApiKey(Duration.ofSeconds(30));
        } catch (IllegalStateException e) {
            String tail = process.tail(30);
            process.close();
            throw new IllegalStateException(e.getMessage() + "\n" + tail, e);
        }
        return toolgate;
    }

    /** Waits until the bootstrap API key works (it is created just after Spring reports the start). */
    private void awaitApiKey(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Request request = new Request.Builder()
                .url(baseUrl() + "/v1/agents")
                .header("X-API-Key", API_KEY)
                .build();
        while (System.nanoTime() < deadline) {
            try (Response response = admin.newCall(request).execute()) {
                if (response.code() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("Toolgate's bootstrap API key did not work within " + timeout);
    }

    /** Returns a free TCP port on 127.0.0.1 (closed again; the caller binds it soon after). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the API port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Returns the base URL {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Returns the base URL of the management port (metrics), {@code http://127.0.0.1:<management port>}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Returns the process. */
    public ChildProcess process() {
        return process;
    }

    /** Creates an agent and returns its id. */
    public String createAgent(String name) {
        return post("/v1/agents", Bfcl.JSON.createObjectNode().put("name", name))
                .get("id")
                .asString();
    }

    /**
     * Registers an {@code http_request} tool on a BFCL tool's name, description and parameters: POST to {@code url}
     * with the arguments as the body and a bearer token (the default Toolgate signature scheme signs it).
     *
     * @return the created tool as the API answers it
     */
    public JsonNode createTool(String agentId, JsonNode bfclTool, String name, String url) {
        ObjectNode tool = Bfcl.JSON.createObjectNode();
        tool.put("name", name);
        tool.put("description", bfclTool.get("description").asString());
        tool.put("tool_type", "http_request");
        tool.set("parameters", bfclTool.get("parameters"));
        ObjectNode config = tool.putObject("config");
        config.put("url", url);
        config.put("method", "POST");
        config.put("body_mode", "arguments");
        config.putObject("auth").put("type", "bearer").put("token", "bench-endpoint-token");
        return post("/v1/agents/" + agentId + "/tools", tool);
    }

    /**
     * Returns the invoke requests: {@code POST /v1/agents/{agent}/invocations} calling {@code tool}, the n-th in a
     * call of its own ({@code bench-call-<n>}). Every request must reach the endpoint: with one call id for all,
     * Toolgate would rightly answer the identical repeats from its duplicate-call window and never send them.
     */
    public LongFunction<Request> invokeRequests(String agentId, String tool, JsonNode arguments) {
        return invokeRequests(baseUrl(), agentId, tool, arguments);
    }

    /**
     * Returns the invoke requests of {@link #invokeRequests(String, String, JsonNode)} sent to {@code base} instead
     * (a load balancer in front of several instances).
     */
    public static LongFunction<Request> invokeRequests(String base, String agentId, String tool, JsonNode arguments) {
        ObjectNode body = Bfcl.JSON.createObjectNode();
        body.put("tool", tool);
        body.set("arguments", arguments);
        body.putObject("call").put("id", "bench-call-\u0000");
        String[] around = Bfcl.JSON.writeValueAsString(body).split("\\\\u0000", 2);
        String url = base + "/v1/agents/" + agentId + "/invocations";
        return n -> new Request.Builder()
                .url(url)
                .header("X-API-Key", API_KEY)
                .post(RequestBody.create((around[0] + n + around[1]).getBytes(StandardCharsets.UTF_8), JSON_TYPE))
                .build();
    }

    /**
     * Returns the JVM's heap figures from {@code /actuator/prometheus} on the management port: bytes used now (all heap pools), and the live
     * data size after the last collection ({@code jvm_gc_live_data_size_bytes}).
     *
     * @return {used, liveAfterGc}; zeros when the endpoint does not answer
     */
    public long[] heap() {
        Request request = new Request.Builder()
                .url(managementUrl() + "/actuator/prometheus")
                .build();
        try (Response response = admin.newCall(request).execute()) {
            long used = 0;
            long live = 0;
            for (String line : response.body().string().split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } else if (line.startsWith("jvm_gc_live_data_size_bytes")) {
                    live = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return new long[] {used, live};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /**
     * Lifts the rate limits of the benchmark's tenant (the default tenant, whose bootstrap key the benchmark holds
     * as the operator): {@code PUT /v1/tenants/{id}/rate-limits} with 0 = unlimited, so every run goes through whole.
     */
    public void liftRateLimits() {
        send(
                "PUT",
                "/v1/tenants/00000000-0000-0000-0000-000000000001/rate-limits",
                Bfcl.JSON
                        .createObjectNode()
                        .put("tenant_per_minute", 0)
                        .put("tool_per_minute", 0)
                        .put("test_fire_per_minute", 0));
    }

    private JsonNode post(String path, JsonNode body) {
        return send("POST", path, body);
    }

    private JsonNode send(String method, String path, JsonNode body) {
        Request request = new Request.Builder()
                .url(baseUrl() + path)
                .header("X-API-Key", API_KEY)
                .method(method, RequestBody.create(Bfcl.JSON.writeValueAsBytes(body), JSON_TYPE))
                .build();
        try (Response response = admin.newCall(request).execute()) {
            String text = response.body().string();
            if (response.code() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + response.code() + ": " + text);
            }
            return Bfcl.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the process. */
    @Override
    public void close() {
        process.close();
    }
}
