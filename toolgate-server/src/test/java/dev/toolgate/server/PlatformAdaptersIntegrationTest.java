package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.testkit.LoopbackTls;
import dev.toolgate.verify.Scheme;
import dev.toolgate.verify.SignatureVerificationException;
import dev.toolgate.verify.SignatureVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The voice-platform adapters and exports (docs/platforms.md), end to end. The platforms' own SDKs, from
 * {@code examples/voice-platforms} (npm packages pinned by its lockfile, installed by scripts/setup): the exports
 * are written as TypeScript typed by {@code @vapi-ai/server-sdk} and {@code retell-sdk} and must type-check
 * ({@code tsc --noEmit}); {@code adapters.ts} reads the ElevenLabs export with {@code @elevenlabs/elevenlabs-js}'s own
 * wire schema, sends a Vapi message typed by Vapi's SDK, a Retell request signed by retell-sdk's {@code sign} and
 * an ElevenLabs tool call, and checks that tampered ones are refused. Then the invocation log and the endpoint are
 * checked from here, and that no secret shows anywhere. Without Node.js or the packages the SDK checks are
 * skipped, and fail under {@code CI=true}.
 */
@SpringBootTest(classes = ToolgateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformAdaptersIntegrationTest {

    static final String ADMIN_KEY = "tg_test_platform_admin_key_0123456789abc";
    static final NodeKit NODE = NodeKit.of(
            "examples/voice-platforms",
            "The voice-platform SDK checks need Node.js and examples/voice-platforms/node_modules");
    static final Path KIT = NODE.dir();
    static final String VAPI_SECRET = "vapi-s3cret-value-4711";
    static final String RETELL_API_KEY = "key_retell_s3cret_0815";
    static final String ELEVENLABS_SECRET = "eleven-s3cret-value-2342";
    static final String AUTH_TOKEN = "bearer-platform-s3cret-9";

    static final LoopbackTls TLS = LoopbackTls.create("platform test CA");
    static final Path CA_PEM = TLS.writeCaPem();
    static final AtomicReference<String> SIGNING_SECRET = new AtomicReference<>();
    static final MockWebServer ENDPOINT = startEndpoint();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("toolgate-platforms");
        registry.add("toolgate.data-dir", dataDir::toString);
        registry.add("toolgate.bootstrap-api-key", () -> ADMIN_KEY);
        registry.add("toolgate.egress.allowlist", () -> "127.0.0.1:" + ENDPOINT.getPort());
        registry.add("toolgate.egress.extra-ca", CA_PEM::toString);
        registry.add("toolgate.rate-limit.tenant-per-minute", () -> "0");
        registry.add("toolgate.rate-limit.tool-per-minute", () -> "0");
    }

    @AfterAll
    static void stopEndpoint() throws IOException {
        ENDPOINT.close();
    }

    @LocalServerPort
    int port;

    ApiClient api;
    String agentId;

    @BeforeEach
    void setUp() throws InterruptedException {
        api = new ApiClient("http://127.0.0.1:" + port);
        agentId = api.post(ADMIN_KEY, "/v1/agents", "{\"name\": \"platform desk\"}")
                .json()
                .get("id")
                .asString();
        ApiClient.Answer tool = api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/tools", """
                {"name": "lookup_customer", "description": "Looks up a customer by phone number",
                 "tool_type": "http_request",
                 "parameters": {"type": "object", "properties": {
                     "phone": {"type": "string", "description": "The caller's number, E.164"}},
                   "required": ["phone"]},
                 "config": {"url": "%s", "method": "POST", "body_mode": "arguments",
                            "auth": {"type": "bearer", "token": "%s"}}}
                """.formatted(
                        "https://127.0.0.1:" + ENDPOINT.getPort() + "/crm/customers", AUTH_TOKEN));
        assertThat(tool.status()).as(tool.text()).isEqualTo(201);
        SIGNING_SECRET.set(tool.json().get("signing_secret").asString());
        for (Map.Entry<String, String> secret : Map.of(
                        "vapi_server_secret", VAPI_SECRET,
                        "retell_api_key", RETELL_API_KEY,
                        "elevenlabs_tool_secret", ELEVENLABS_SECRET)
                .entrySet()) {
            ApiClient.Answer put =
                    api.put(ADMIN_KEY, "/v1/secrets/" + secret.getKey(), "{\"value\": \"" + secret.getValue() + "\"}");
            assertThat(put.status()).as(put.text()).isIn(200, 201);
        }
        while (ENDPOINT.takeRequest(1, TimeUnit.MILLISECONDS) != null) {
            // drop requests of earlier tests
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void thePlatformsSdksShapeSignAndTypeCheckWhatTheAdaptersTake() throws Exception {
        NODE.require("node");
        String base = "http://127.0.0.1:" + port;
        Map<String, String> exports = new java.util.LinkedHashMap<>();
        for (String format : List.of("vapi", "retell", "elevenlabs")) {
            ApiClient.Answer export = api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/functions?format=" + format);
            assertThat(export.status()).as(export.text()).isEqualTo(200);
            assertThat(export.json().get("format").asString()).isEqualTo(format);
            assertThat(export.text())
                    .doesNotContain(VAPI_SECRET)
                    .doesNotContain(RETELL_API_KEY)
                    .doesNotContain(ELEVENLABS_SECRET)
                    .doesNotContain(AUTH_TOKEN);
            exports.put(format, export.json().get("tools").toString());
        }
        Path generated = KIT.resolve("target/exports.ts");
        Files.createDirectories(generated.getParent());
        Files.writeString(
                generated,
                """
                // Generated by PlatformAdaptersIntegrationTest from GET /v1/agents/{id}/functions?format=...
                import type { Vapi } from '@vapi-ai/server-sdk';
                import type { LlmCreateParams } from 'retell-sdk/resources/llm';
                export const vapi: Vapi.CreateToolsRequest.Function[] = %s;
                export const retell: LlmCreateParams.CustomTool[] = %s;
                export const elevenlabs: unknown[] = %s;
                """.formatted(exports.get("vapi"), exports.get("retell"), exports.get("elevenlabs")),
                StandardCharsets.UTF_8);
        NodeKit.expectSuccess(NODE.run(Map.of(), NODE.bin("tsc"), "--noEmit", "-p", "tsconfig.json"));
        NodeKit.expectSuccess(NODE.run(Map.of(), NODE.bin("tsc"), "-p", "tsconfig.json", "--noCheck"));

        NodeKit.Run adapters = NODE.run(
                Map.of(
                        "TOOLGATE_URL", base,
                        "AGENT_ID", agentId,
                        "TOOL", "lookup_customer",
                        "VAPI_SECRET", VAPI_SECRET,
                        "RETELL_API_KEY", RETELL_API_KEY,
                        "ELEVENLABS_SECRET", ELEVENLABS_SECRET),
                "node",
                "target/js/adapters.js");
        NodeKit.expectSuccess(adapters);
        for (String step : List.of(
                "exports",
                "vapiToolCalls",
                "vapiRefused",
                "retellFunctionCall",
                "retellRefused",
                "elevenLabsToolCall",
                "elevenLabsRefused")) {
            assertThat(adapters.stdout()).as(adapters.stdout()).contains("step " + step + " ok");
        }
        assertThat(adapters.stdout()).contains("adapters complete");

        // Three calls reached the endpoint, signed: Vapi's valid one, Retell's and ElevenLabs'.
        for (int i = 0; i < 3; i++) {
            RecordedRequest request = ENDPOINT.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request).as("endpoint call %d", i + 1).isNotNull();
            assertThat(request.getBody().utf8()).isEqualTo("{\"phone\":\"+14155550123\"}");
        }
        assertThat(ENDPOINT.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();

        JsonNode records = api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/invocations?limit=50")
                .json()
                .get("data");
        Map<String, List<String>> byKind = new java.util.TreeMap<>();
        records.forEach(record -> byKind.computeIfAbsent(record.get("kind").asString(), k -> new ArrayList<>())
                .add(record.get("call_id").asString() + " "
                        + record.at("/call/caller_number").asString() + " "
                        + (record.get("status").asString().equals("ok")
                                ? "ok"
                                : record.at("/error/code").asString())));
        assertThat(byKind)
                .containsOnlyKeys("vapi", "retell", "elevenlabs")
                .containsEntry("retell", List.of("retell-call-1 +14155550101 ok"))
                .containsEntry("elevenlabs", List.of("conv_eleven_1 +14155550102 ok"));
        assertThat(byKind.get("vapi"))
                .containsExactlyInAnyOrder(
                        "vapi-call-1 +14155550100 ok", "vapi-call-1 +14155550100 HTTP_TOOL_INVALID_ARGS");
        assertThat(records.toString())
                .doesNotContain(VAPI_SECRET)
                .doesNotContain(RETELL_API_KEY)
                .doesNotContain(ELEVENLABS_SECRET);
    }

    @Test
    void refusalsNameNoSecretAndRunNothing() throws InterruptedException {
        String vapi = "/v1/agents/" + agentId + "/adapters/vapi";
        String body = """
                {"message": {"type": "tool-calls", "call": {"id": "c1"},
                 "toolCallList": [{"id": "t1", "name": "lookup_customer", "arguments": {"phone": "+1"}}]}}""";
        ApiClient.Answer wrong = post(vapi, body, Map.of("X-Vapi-Secret", "guess-" + VAPI_SECRET));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.json().get("code").asString()).isEqualTo("platform_unauthenticated");
        assertThat(wrong.text()).doesNotContain(VAPI_SECRET);

        String retell = "/v1/agents/" + agentId + "/adapters/retell";
        long old = System.currentTimeMillis() - 6 * 60 * 1000;
        String stale = retellSignature("{\"name\":\"lookup_customer\",\"args\":{}}", old);
        assertThat(post(retell, "{\"name\":\"lookup_customer\",\"args\":{}}", Map.of("X-Retell-Signature", stale))
                        .status())
                .isEqualTo(401);

        ApiClient.Answer unknownAgent = post(
                "/v1/agents/00000000-0000-0000-0000-00000000abcd/adapters/vapi",
                body,
                Map.of("X-Vapi-Secret", VAPI_SECRET));
        assertThat(unknownAgent.status()).isEqualTo(404);

        // Another tenant's secret does not open this tenant's agent.
        String otherKey = api.post(ADMIN_KEY, "/v1/tenants", "{\"name\": \"platform other\"}")
                .json()
                .get("api_key")
                .asString();
        api.put(otherKey, "/v1/secrets/vapi_server_secret", "{\"value\": \"other-tenant-secret\"}");
        assertThat(post(vapi, body, Map.of("X-Vapi-Secret", "other-tenant-secret"))
                        .status())
                .isEqualTo(401);

        ApiClient.Answer notJson = post(vapi, "{not json", Map.of("X-Vapi-Secret", VAPI_SECRET));
        assertThat(notJson.status()).isEqualTo(400);
        ApiClient.Answer otherMessage =
                post(vapi, "{\"message\": {\"type\": \"status-update\"}}", Map.of("X-Vapi-Secret", VAPI_SECRET));
        assertThat(otherMessage.status()).isEqualTo(200);
        assertThat(otherMessage.json().get("results")).isEmpty();

        assertThat(ENDPOINT.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void theExportsPointAtThePublicBaseUrlWhenTheRequestCameInElsewhere() {
        JsonNode vapi = api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/functions?format=VAPI")
                .json()
                .at("/tools/0");
        assertThat(vapi.at("/function/parameters/properties/phone/description").asString())
                .isEqualTo("The caller's number, E.164");
        assertThat(vapi.at("/server/url").asString())
                .isEqualTo("http://127.0.0.1:" + port + "/v1/agents/" + agentId + "/adapters/vapi");
        ApiClient.Answer unknown = api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/functions?format=bland");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("vapi", "retell", "elevenlabs");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private ApiClient.Answer post(String path, String body, Map<String, String> headers) {
        Request.Builder request = new Request.Builder()
                .url(api.baseUrl() + path)
                .post(RequestBody.create(body, MediaType.get("application/json")));
        headers.forEach(request::header);
        return api.send(null, request);
    }

    /** Retell's scheme, written out here independently of the server's class: v=ms,d=hex HMAC(key, body + ms). */
    private static String retellSignature(String body, long millis) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(
                    new javax.crypto.spec.SecretKeySpec(RETELL_API_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((body + millis).getBytes(StandardCharsets.UTF_8));
            return "v=" + millis + ",d=" + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** A tenant endpoint that answers only requests whose {@code X-Toolgate-Signature} verifies. */
    private static MockWebServer startEndpoint() {
        MockWebServer server = TLS.newServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String secret = SIGNING_SECRET.get();
                try {
                    SignatureVerifier.of(Scheme.TOOLGATE, List.of(secret == null ? "none" : secret))
                            .verify(
                                    request.getBody() == null
                                            ? new byte[0]
                                            : request.getBody().toByteArray(),
                                    request.getHeaders()::get);
                } catch (SignatureVerificationException e) {
                    return new MockResponse.Builder()
                            .code(401)
                            .body("bad signature")
                            .build();
                }
                return new MockResponse.Builder()
                        .addHeader("Content-Type", "application/json")
                        .body("{\"name\":\"Ada Lovelace\",\"tier\":\"gold\"}")
                        .build();
            }
        });
        try {
            server.start(LoopbackTls.LOOPBACK, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }
}
