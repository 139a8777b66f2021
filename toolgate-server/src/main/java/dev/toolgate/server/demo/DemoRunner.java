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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
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
        /** The summary of a replay of {@code data} with the tools of {@code registration}. */
        static Summary of(
                BfclData data,
                BfclReplay.Registration registration,
                BfclReplay.Replay replay,
                DemoEndpoint.Stats endpoint,
                String baseUrl,
                String adminKey) {
            return new Summary(
                    data.tools().size(),
                    registration.registered(),
                    data.calls().size(),
                    data.invalidCalls().size(),
                    new TreeMap<>(replay.validOutcomes()),
                    new TreeMap<>(replay.invalidOutcomes()),
                    endpoint,
                    baseUrl,
                    adminKey);
        }

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
        BfclReplay bfcl = new BfclReplay(api, data, endpoint, concurrency, out);
        BfclReplay.Registration registration = bfcl.register();
        BfclReplay.Replay replay = bfcl.replay(registration);
        double seconds = (System.nanoTime() - started) / 1e9;

        Summary summary = Summary.of(data, registration, replay, endpoint.stats(), baseUrl, adminKey);
        DemoReport.print(out, concurrency, summary, replay.latencyNanos(), replay.gatewayMs(), seconds);
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

    /** A JSON object of string fields: key, value, key, value, ... */
    static ObjectNode object(String... keyValues) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.put(keyValues[i], keyValues[i + 1]);
        }
        return node;
    }
}
