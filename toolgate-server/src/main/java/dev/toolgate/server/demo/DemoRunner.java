package dev.toolgate.server.demo;

import dev.toolgate.core.knowledge.KnowledgeSearch;
import dev.toolgate.server.ToolgateApplication;
import dev.toolgate.server.console.ConsoleSessions;
import dev.toolgate.server.tenant.ApiKeyService;
import dev.toolgate.server.tenant.Scope;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code toolgate demo}: the main job end to end on real tool calls. Starts a loopback HTTPS tenant endpoint
 * whose certificate comes from a freshly generated CA, starts the gateway on the embedded default trusting that
 * CA through {@code toolgate.egress.extra-ca} and admitting the endpoint through {@code toolgate.egress.allowlist}
 * (exactly as an operator would), registers every BFCL tool through the REST API, replays every valid and every
 * invalid BFCL call through the invoke API, and prints a summary; then builds a knowledge base from pages of the
 * project's docs and asks it a few questions ({@link DemoKnowledge}).
 */
public final class DemoRunner {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CALLER = "+14155550123";

    /** Tools registered per demo agent: well below the default tools-per-agent limit (1,000). */
    private static final int TOOLS_PER_AGENT = 500;

    private final int port;
    private final int concurrency;
    private final PrintStream out;

    /**
     * @param port the gateway's HTTP port (0 picks a free one)
     * @param concurrency how many requests the demo keeps in flight
     * @param out where the summary goes
     */
    public DemoRunner(int port, int concurrency, PrintStream out) {
        this.port = port;
        this.concurrency = concurrency;
        this.out = out;
    }

    /** What a demo run found; {@link #passed()} says whether every expectation held. */
    public record Summary(
            int tools,
            int toolsRegistered,
            int validCalls,
            int invalidCalls,
            Map<String, Integer> validOutcomes,
            Map<String, Integer> invalidOutcomes,
            DemoEndpoint.Stats endpoint,
            String baseUrl,
            String adminKey) {
        /** Every valid call ok, every invalid call HTTP_TOOL_INVALID_ARGS, every request reaching the endpoint verified. */
        public boolean passed() {
            return toolsRegistered == tools
                    && validOutcomes.getOrDefault("ok", 0) == validCalls
                    && invalidOutcomes.getOrDefault("HTTP_TOOL_INVALID_ARGS", 0) == invalidCalls
                    && endpoint.unsigned() == 0
                    && endpoint.rejected() == 0
                    && endpoint.verified() == validCalls;
        }

        @Override
        public String toString() {
            return "Summary[tools=" + tools + ", valid=" + validOutcomes + ", invalid=" + invalidOutcomes
                    + ", endpoint=" + endpoint + ", baseUrl=" + baseUrl + ", adminKey=***]";
        }
    }

    /**
     * Runs the demo. The returned context is the running gateway; close it to stop.
     *
     * @param extraArgs further Spring arguments (e.g. {@code --toolgate.data-dir=...})
     */
    public Running run(String... extraArgs) throws Exception {
        BfclData data = BfclData.load();
        Path demoDir = Files.createDirectories(
                Path.of(System.getProperty("java.io.tmpdir"), "toolgate-demo-" + UUID.randomUUID()));
        HeldCertificate ca = new HeldCertificate.Builder()
                .certificateAuthority(0)
                .commonName("Toolgate demo CA")
                .duration(1, java.util.concurrent.TimeUnit.DAYS)
                .build();
        HeldCertificate serverCert = new HeldCertificate.Builder()
                .signedBy(ca)
                .commonName("127.0.0.1")
                .addSubjectAlternativeName("127.0.0.1")
                .addSubjectAlternativeName("localhost")
                .duration(1, java.util.concurrent.TimeUnit.DAYS)
                .build();
        Path caPem = demoDir.resolve("demo-ca.pem");
        Files.writeString(caPem, ca.certificatePem());
        HandshakeCertificates serverTls = new HandshakeCertificates.Builder()
                .heldCertificate(serverCert, ca.certificate())
                .build();
        DemoEndpoint endpoint = new DemoEndpoint(serverTls.sslContext());

        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--toolgate.egress.allowlist=127.0.0.1:" + endpoint.port(),
                "--toolgate.egress.extra-ca=" + caPem));
        if (port == 0) {
            // A free port for the API means a free one for the management port (metrics) too, so that runs side by
            // side (tests) do not compete for management.server.port's default.
            args.add("--management.server.port=0");
        }
        args.addAll(List.of(extraArgs));
        out.println("Starting the demo tenant endpoint on https://127.0.0.1:" + endpoint.port()
                + " (certificate from a CA generated now: " + caPem + ")");
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(ToolgateApplication.class).run(args.toArray(String[]::new));
        int boundPort = ((WebServerApplicationContext) context).getWebServer().getPort();
        String baseUrl = "http://127.0.0.1:" + boundPort;
        String operatorKey = context.getBean(ApiKeyService.class)
                .createKey(
                        ApiKeyService.DEFAULT_TENANT_ID,
                        "demo operator",
                        EnumSet.of(Scope.ADMIN),
                        ApiKeyService.generateKey())
                .key();

        OkHttpClient client = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(concurrency * 2, 1, java.util.concurrent.TimeUnit.MINUTES))
                .callTimeout(Duration.ofSeconds(30))
                .build();
        // The demo runs in a tenant of its own whose rate limits the operator lifts, so the whole replay runs.
        DemoApi operator = new DemoApi(client, baseUrl, operatorKey);
        JsonNode tenant = operator.post("/v1/tenants", object("name", "BFCL demo " + java.time.Instant.now()));
        operator.put(
                "/v1/tenants/" + tenant.get("id").asString() + "/rate-limits",
                JSON.readTree("{\"tenant_per_minute\": 0, \"tool_per_minute\": 0, \"test_fire_per_minute\": 0}"));
        String adminKey = tenant.get("api_key").asString();
        DemoApi api = new DemoApi(client, baseUrl, adminKey);
        long started = System.nanoTime();
        // One agent holds at most TOOLS_PER_AGENT of the BFCL tools; each call goes to the agent of its tool.
        List<String> agentIds = new ArrayList<>();
        int agents = Math.max(1, (data.tools().size() + TOOLS_PER_AGENT - 1) / TOOLS_PER_AGENT);
        for (int a = 0; a < agents; a++) {
            agentIds.add(api.post(
                            "/v1/agents",
                            object(
                                    "name",
                                    "BFCL demo " + java.time.Instant.now() + " (" + (a + 1) + "/" + agents + ")",
                                    "description",
                                    "BFCL tools, bound to the demo endpoint"))
                    .get("id")
                    .asString());
        }
        Map<String, String> agentOfTool = new ConcurrentHashMap<>();

        out.printf(
                "Registering %d BFCL tools through the REST API ...%n",
                data.tools().size());
        String endpointBase = "https://127.0.0.1:" + endpoint.port() + "/tools/";
        AtomicInteger index = new AtomicInteger();
        AtomicInteger registered = new AtomicInteger();
        Concurrently.run(data.tools(), concurrency, tool -> {
            int i = index.getAndIncrement();
            String name = tool.get("name").asString();
            String token = "demo-token-" + UUID.randomUUID();
            ObjectNode config = JsonNodeFactory.instance.objectNode();
            config.put("url", endpointBase + name);
            // Rotate through the three request shapes: envelope POST, arguments POST (JSON body), arguments GET
            // (query).
            switch (i % 3) {
                case 0 -> config.put("body_mode", "envelope");
                case 1 -> config.put("body_mode", "arguments").put("method", "POST");
                default -> config.put("body_mode", "arguments").put("method", "GET");
            }
            config.putObject("auth").put("type", "bearer").put("token", token);
            config.put("timeout", 10);
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("name", name);
            body.put("description", tool.get("description").asString());
            body.set("parameters", tool.get("parameters"));
            body.put("tool_type", "http_request");
            body.set("config", config);
            String agentId = agentIds.get(i / TOOLS_PER_AGENT);
            JsonNode created = api.post("/v1/agents/" + agentId + "/tools", body);
            agentOfTool.put(name, agentId);
            endpoint.register(name, created.get("signing_secret").asString(), token);
            registered.incrementAndGet();
            return null;
        });

        out.printf(
                "Replaying %d valid and %d invalid BFCL calls through POST /v1/agents/{id}/invocations ...%n",
                data.calls().size(), data.invalidCalls().size());
        List<Long> latencyNanos = Collections.synchronizedList(new ArrayList<>());
        List<Double> gatewayMs = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> validOutcomes = new ConcurrentHashMap<>();
        Map<String, Integer> invalidOutcomes = new ConcurrentHashMap<>();
        AtomicInteger callIndex = new AtomicInteger();
        List<Map.Entry<JsonNode, Boolean>> calls = new ArrayList<>();
        data.calls().forEach(c -> calls.add(Map.entry(c, true)));
        data.invalidCalls().forEach(c -> calls.add(Map.entry(c, false)));
        Concurrently.run(calls, concurrency, entry -> {
            int i = callIndex.getAndIncrement();
            JsonNode call = entry.getKey();
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("tool", call.get("tool").asString());
            // Every other call sends its arguments as a JSON string, as OpenAI's function.arguments does.
            if (i % 2 == 0) {
                body.put("arguments", JSON.writeValueAsString(call.get("arguments")));
            } else {
                body.set("arguments", call.get("arguments"));
            }
            body.put("tool_call_id", "call_" + i);
            // Each BFCL call is its own question, so each gets its own call id (identical calls within one call would
            // be
            // answered from the duplicate-call window instead of reaching the endpoint).
            body.putObject("call").put("id", "demo-call-" + i).put("caller_number", CALLER);
            long t0 = System.nanoTime();
            String agentId = agentOfTool.getOrDefault(call.get("tool").asString(), agentIds.get(0));
            JsonNode result = api.post("/v1/agents/" + agentId + "/invocations", body);
            latencyNanos.add(System.nanoTime() - t0);
            gatewayMs.add(result.get("duration_ms").asDouble());
            String outcome = result.get("status").asString().equals("ok")
                    ? "ok"
                    : result.get("error").get("code").asString();
            (entry.getValue() ? validOutcomes : invalidOutcomes).merge(outcome, 1, Integer::sum);
            return null;
        });
        double seconds = (System.nanoTime() - started) / 1e9;

        Summary summary = new Summary(
                data.tools().size(),
                registered.get(),
                data.calls().size(),
                data.invalidCalls().size(),
                new TreeMap<>(validOutcomes),
                new TreeMap<>(invalidOutcomes),
                endpoint.stats(),
                baseUrl,
                adminKey);
        DemoReport.print(out, concurrency, summary, latencyNanos, gatewayMs, seconds);
        ScriptedCall.Result call = ScriptedCall.run(api, endpoint);
        ScriptedCall.print(out, call);
        out.println();
        DemoKnowledge.Result knowledge = DemoKnowledge.run(
                api,
                context.getBean(KnowledgeSearch.class),
                UUID.fromString(tenant.get("id").asString()),
                out);
        printConsoleLink(context, baseUrl, adminKey);
        client.connectionPool().evictAll();
        client.dispatcher().executorService().shutdown();
        return new Running(context, endpoint, summary, new Checks(call, knowledge.passed()));
    }

    /**
     * Prints the console's URL and a one-time sign-in link for the demo tenant's admin key (single use, valid for
     * {@code toolgate.console.sign-in-link-ttl}), so the demo's tools and invocations can be looked at in a browser.
     */
    private void printConsoleLink(ConfigurableApplicationContext context, String baseUrl, String adminKey) {
        UUID keyId = context.getBean(ApiKeyService.class)
                .authenticate(adminKey)
                .orElseThrow(() -> new IllegalStateException("the demo tenant's key is unknown"))
                .keyId();
        ConsoleSessions sessions = context.getBean(ConsoleSessions.class);
        String token = sessions.issueSignInLink(keyId);
        out.println("Console: " + baseUrl + "/console");
        out.println("One-time sign-in link for the demo tenant (single use, valid "
                + sessions.signInLinkTtl().toMinutes() + " min): " + baseUrl + ConsoleSessions.signInLinkPath(token));
    }

    /**
     * What the demo checked beyond the BFCL replay.
     *
     * @param call the scripted voice call's steps
     * @param knowledgePassed whether every knowledge-base question found its page ({@link DemoKnowledge})
     */
    public record Checks(ScriptedCall.Result call, boolean knowledgePassed) {}

    /**
     * A finished demo whose gateway and endpoint are still running.
     *
     * @param context the gateway
     * @param endpoint the demo tenant endpoint
     * @param summary the BFCL replay's summary
     * @param checks the scripted voice call's steps and whether every knowledge-base question found its page
     */
    public record Running(ConfigurableApplicationContext context, DemoEndpoint endpoint, Summary summary, Checks checks)
            implements AutoCloseable {
        /** Whether the BFCL replay, the scripted call and the knowledge base held every expectation. */
        public boolean passed() {
            return summary.passed() && checks.call().passed() && checks.knowledgePassed();
        }

        @Override
        public void close() {
            context.close();
            endpoint.close();
        }
    }

    private static ObjectNode object(String... keyValues) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.put(keyValues[i], keyValues[i + 1]);
        }
        return node;
    }
}
