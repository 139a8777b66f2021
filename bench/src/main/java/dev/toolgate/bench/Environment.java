package dev.toolgate.bench;

import dev.toolgate.bench.LoadGenerator.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
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
    private final LoadTargets targets;

    /** An environment of started processes; {@link EnvironmentLauncher} starts them in order. */
    Environment(
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
        this.targets = new LoadTargets(this);
        closeables.add(targets);
    }

    /** Starts the endpoint, nginx and Toolgate, and registers the tools. */
    static Environment start(BenchOptions options, Path dir, PrintStream log) {
        return EnvironmentLauncher.start(options, dir, log);
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
        return targets.direct();
    }

    /**
     * Closes the idle pooled connections of every load target so far: a high step of item 2 leaves thousands open,
     * and item 3 needs one socket per call in flight of the process's open-file limit.
     */
    void dropIdleConnections() {
        targets.close();
    }

    /** (b) The same call through nginx. */
    Target viaNginx() {
        return targets.viaNginx();
    }

    /** (c) The call through Toolgate's invoke API. */
    Target viaToolgate() {
        return targets.viaToolgate();
    }

    /** Item 5: a call whose arguments break the schema (a BFCL invalid call). */
    Target invalidArgs() {
        return targets.invalidArgs();
    }

    /** Item 5: a call to a destination the egress policy refuses. */
    Target blocked() {
        return targets.blocked();
    }

    /** Item 3: the held call through {@code gateway}. */
    Target held(Toolgate gateway, String agent, boolean http2) {
        return targets.held(gateway, agent, http2);
    }

    /** Item 3's warm-up: the fast call through {@code gateway}. */
    Target fast(Toolgate gateway, String agent) {
        return targets.fast(gateway, agent);
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
