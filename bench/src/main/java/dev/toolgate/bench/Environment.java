package dev.toolgate.bench;

import dev.toolgate.bench.LoadGenerator.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import tools.jackson.databind.JsonNode;

/**
 * The topology every item shares, all on 127.0.0.1: the tenant endpoint (its own JVM), nginx in front of it (when
 * installed and wanted), and Toolgate (its own JVM) with one agent and three tools: the BFCL load tool, the same
 * schema pointing at a loopback port outside the allowlist (blocked destination), and the endpoint's holding path.
 * The load generator runs in this JVM.
 */
final class Environment implements AutoCloseable {

    /** The key of the whole machine's busy time in {@link #cpu()}. */
    static final String MACHINE = "machine";

    static final String BLOCKED_TOOL = "blocked_destination";
    static final String HOLD_TOOL = "held_lookup";
    /** Item 3's held tool on the endpoint that also offers HTTP/2. */
    static final String HOLD_TOOL_H2 = "held_lookup_h2";

    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    final Path dir;
    final Tls tls;
    final BenchOptions options;
    final ChildProcess endpoint;
    final int endpointPort;
    /** The endpoint that also offers HTTP/2 (item 3's second run), or null when item 3 does not run. */
    final ChildProcess endpointH2;
    /** Its port, or 0. */
    final int endpointH2Port;

    final Nginx nginx;
    final Toolgate toolgate;
    final String agentId;
    final HandshakeCertificates trust;
    final Bfcl bfcl;
    final JsonNode validArguments;
    final JsonNode invalidArguments;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final OkHttpClient statsClient;

    private Environment(
            BenchOptions options,
            Path dir,
            Tls tls,
            ChildProcess[] endpoints,
            int[] endpointPorts,
            Nginx nginx,
            Toolgate toolgate,
            Bfcl bfcl) {
        this.options = options;
        this.dir = dir;
        this.tls = tls;
        this.endpoint = endpoints[0];
        this.endpointPort = endpointPorts[0];
        this.endpointH2 = endpoints[1];
        this.endpointH2Port = endpointPorts[1];
        this.nginx = nginx;
        this.toolgate = toolgate;
        this.trust = tls.clientTrust();
        this.statsClient = new OkHttpClient.Builder()
                .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
                .build();
        closeables.add(() -> statsClient.connectionPool().evictAll());
        this.bfcl = bfcl;
        this.validArguments = bfcl.validArguments(Bfcl.LOAD_TOOL);
        this.invalidArguments = bfcl.invalidArguments(Bfcl.LOAD_TOOL);
        this.agentId = setUpTools(toolgate);
    }

    /** Starts the endpoint, nginx and Toolgate, and registers the tools. */
    static Environment start(BenchOptions options, Path dir, PrintStream log) {
        Tls tls = Tls.generate(dir);
        Bfcl bfcl = Bfcl.load(options.bfcl());
        log.println("run folder: " + dir);
        ChildProcess endpoint = startEndpoint(dir, tls, false);
        int endpointPort =
                Integer.parseInt(endpoint.awaitLine(Duration.ofSeconds(30)).substring("PORT ".length()));
        log.println("endpoint: https://127.0.0.1:" + endpointPort + " (pid " + endpoint.pid() + ")");
        ChildProcess endpointH2 = null;
        int endpointH2Port = 0;
        Nginx nginx = null;
        Toolgate toolgate = null;
        try {
            if (options.items().contains(3)) {
                endpointH2 = startEndpoint(dir, tls, true);
                endpointH2Port = Integer.parseInt(
                        endpointH2.awaitLine(Duration.ofSeconds(30)).substring("PORT ".length()));
                log.println("endpoint (HTTP/2 and HTTP/1.1): https://127.0.0.1:" + endpointH2Port + " (pid "
                        + endpointH2.pid() + ")");
            }
            Optional<Path> binary = Nginx.binary();
            if (options.nginx() && binary.isPresent()) {
                nginx = Nginx.start(binary.get(), dir, tls, endpointPort);
                log.println("nginx: https://127.0.0.1:" + nginx.port() + " (pid "
                        + nginx.process().pid() + ")");
            } else {
                log.println("nginx: " + (options.nginx() ? "not installed, leg skipped" : "off"));
            }
            toolgate = startToolgate(options, dir, tls, allowlist(endpointPort, endpointH2Port), "toolgate");
            log.println("toolgate: " + toolgate.baseUrl() + " (pid "
                    + toolgate.process().pid() + ")");
            return new Environment(
                    options,
                    dir,
                    tls,
                    new ChildProcess[] {endpoint, endpointH2},
                    new int[] {endpointPort, endpointH2Port},
                    nginx,
                    toolgate,
                    bfcl);
        } catch (RuntimeException e) {
            if (toolgate != null) {
                toolgate.close();
            }
            if (nginx != null) {
                nginx.close();
            }
            if (endpointH2 != null) {
                endpointH2.close();
            }
            endpoint.close();
            throw e;
        }
    }

    private static ChildProcess startEndpoint(Path dir, Tls tls, boolean http2) {
        return ChildProcess.start(
                http2 ? "endpoint-h2" : "endpoint",
                ChildProcess.java(
                        "-Xms256m",
                        "-Xmx1g",
                        "-XX:+UseG1GC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        TenantEndpoint.class.getName(),
                        tls.serverPem().toString(),
                        http2 ? "--http2" : "--http1"),
                Map.of(),
                dir,
                line -> line.startsWith("PORT "));
    }

    static Toolgate startToolgate(BenchOptions options, Path dir, Tls tls, String allowlist, String name) {
        return Toolgate.start(options.jar(), dir, name, allowlist, tls.caPem(), List.of());
    }

    /** The egress allowlist opening the endpoints' ports (a port of 0 is not running). */
    static String allowlist(int... ports) {
        StringBuilder list = new StringBuilder();
        for (int port : ports) {
            if (port > 0) {
                list.append(list.isEmpty() ? "" : ",").append("127.0.0.1:").append(port);
            }
        }
        return list.toString();
    }

    /** This environment's allowlist: every endpoint it runs. */
    String allowlist() {
        return allowlist(endpointPort, endpointH2Port);
    }

    /** Registers the three tools on a new agent of {@code toolgate} and returns the agent's id. */
    String setUpTools(Toolgate toolgate) {
        toolgate.liftRateLimits();
        String agent = toolgate.createAgent("bench");
        JsonNode schema = bfcl.tool(Bfcl.LOAD_TOOL);
        toolgate.createTool(agent, schema, Bfcl.LOAD_TOOL, endpointUrl() + "/tools/" + Bfcl.LOAD_TOOL);
        // A loopback port outside the allowlist: refused before any connection, and never anything but loopback.
        toolgate.createTool(agent, schema, BLOCKED_TOOL, "https://127.0.0.1:1/tools/" + BLOCKED_TOOL);
        toolgate.createTool(
                agent,
                schema,
                HOLD_TOOL,
                endpointUrl() + "/hold/" + options.hold().toMillis() + "/tools/" + HOLD_TOOL);
        if (endpointH2Port > 0) {
            toolgate.createTool(
                    agent,
                    schema,
                    HOLD_TOOL_H2,
                    "https://127.0.0.1:" + endpointH2Port + "/hold/"
                            + options.hold().toMillis() + "/tools/" + HOLD_TOOL_H2);
        }
        return agent;
    }

    String endpointUrl() {
        return "https://127.0.0.1:" + endpointPort;
    }

    /** (a) The endpoint called directly over HTTPS, as the voice runtime would without a gateway. */
    Target direct() {
        return httpsTarget("direct", endpointUrl());
    }

    /** (b) The same call through nginx. */
    Target viaNginx() {
        return httpsTarget("nginx", "https://127.0.0.1:" + nginx.port());
    }

    private Target httpsTarget(String name, String base) {
        OkHttpClient client = LoadGenerator.client(trust.sslSocketFactory(), trust.trustManager());
        closeables.add(() -> client.connectionPool().evictAll());
        Request request = new Request.Builder()
                .url(base + "/tools/" + Bfcl.LOAD_TOOL)
                .header("Authorization", "Bearer bench-endpoint-token")
                .post(RequestBody.create(Bfcl.JSON.writeValueAsBytes(validArguments), JSON_TYPE))
                .build();
        return new Target(name, client, request, body -> body.contains("\"ok\":true"));
    }

    /** (c) The call through Toolgate's invoke API. */
    Target viaToolgate() {
        return toolgateTarget(
                "toolgate",
                toolgate,
                agentId,
                Bfcl.LOAD_TOOL,
                validArguments,
                body -> body.contains("\"status\":\"ok\""));
    }

    /** Item 5: a call whose arguments break the schema (a BFCL invalid call). */
    Target invalidArgs() {
        return toolgateTarget(
                "invalid_args",
                toolgate,
                agentId,
                Bfcl.LOAD_TOOL,
                invalidArguments,
                body -> body.contains("\"code\":\"HTTP_TOOL_INVALID_ARGS\""));
    }

    /** Item 5: a call to a destination the egress policy refuses. */
    Target blocked() {
        return toolgateTarget(
                "blocked_destination",
                toolgate,
                agentId,
                BLOCKED_TOOL,
                validArguments,
                body -> body.contains("\"code\":\"HTTP_TOOL_BLOCKED_DESTINATION\""));
    }

    /** Item 3: the held call through {@code gateway}. */
    Target held(Toolgate gateway, String agent, boolean http2) {
        return toolgateTarget(
                http2 ? "held_h2" : "held",
                gateway,
                agent,
                http2 ? HOLD_TOOL_H2 : HOLD_TOOL,
                validArguments,
                body -> body.contains("\"status\":\"ok\""));
    }

    /** Item 3's warm-up: the fast call through {@code gateway}. */
    Target fast(Toolgate gateway, String agent) {
        return toolgateTarget(
                "toolgate", gateway, agent, Bfcl.LOAD_TOOL, validArguments, body -> body.contains("\"status\":\"ok\""));
    }

    private Target toolgateTarget(
            String name, Toolgate gateway, String agent, String tool, JsonNode arguments, Predicate<String> check) {
        OkHttpClient client = LoadGenerator.client(null, null);
        closeables.add(() -> client.connectionPool().evictAll());
        return new Target(name, client, gateway.invokeRequests(agent, tool, arguments), check);
    }

    /** Returns the endpoint's counters ({@code /stats}); {@code reset} also resets its in-flight peak. */
    JsonNode endpointStats(boolean reset) {
        return endpointStats(endpointPort, reset);
    }

    /** Returns the counters of the endpoint on {@code port}. */
    JsonNode endpointStats(int port, boolean reset) {
        Request request = new Request.Builder()
                .url("https://127.0.0.1:" + port + "/stats" + (reset ? "?reset" : ""))
                .build();
        try (Response response = statsClient.newCall(request).execute()) {
            return Bfcl.JSON.readTree(response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns CPU time so far of each process by role: endpoint, nginx, toolgate, generator (this JVM), and
     * {@value #MACHINE}: the whole machine's busy time (every core), from which the work of other tenants of a shared
     * machine can be told.
     */
    Map<String, Long> cpu() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        cpu.put("endpoint", endpoint.cpuNanos());
        if (nginx != null) {
            cpu.put("nginx", nginx.process().cpuNanos());
        }
        cpu.put("toolgate", toolgate.process().cpuNanos());
        cpu.put("generator", ProcStat.cpuNanos(ProcessHandle.current().pid()));
        cpu.put(MACHINE, ProcStat.machineBusyNanos());
        return cpu;
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
        toolgate.close();
        if (nginx != null) {
            nginx.close();
        }
        if (endpointH2 != null) {
            endpointH2.close();
        }
        endpoint.close();
    }
}
