package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.testkit.LoopbackTls;
import dev.toolgate.verify.HeaderSource;
import dev.toolgate.verify.Scheme;
import dev.toolgate.verify.SignatureVerificationException;
import dev.toolgate.verify.SignatureVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
 * The MCP server at {@code /v1/agents/{agentId}/mcp} (docs/mcp.md), end to end: the official MCP TypeScript SDK's
 * client ({@code examples/mcp-client/walk.mjs}, npm packages pinned by its lockfile, installed by scripts/setup)
 * connects, lists the tools, calls a tool whose loopback TLS endpoint answers only correctly signed requests, calls
 * with invalid arguments, runs into a tool's rate limit and is refused without a key; then the invocation log and the
 * endpoint are checked from here. Raw JSON-RPC requests check what the client does not show: the annotations of a
 * DELETE tool, the tenant boundary, scopes, the {@code Origin} guard and the answers to malformed requests. Without
 * Node.js or {@code examples/mcp-client/node_modules} the walk is skipped, and fails under {@code CI=true}.
 */
@SpringBootTest(classes = ToolgateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class McpIntegrationTest {

    static final String ADMIN_KEY = "tg_test_mcp_admin_key_0123456789abcdef";
    static final NodeKit CLIENT =
            NodeKit.of("examples/mcp-client", "The MCP client walk needs Node.js and examples/mcp-client/node_modules");
    static final String CUSTOMER_BODY = "{\"name\":\"Ada Lovelace\",\"tier\":\"gold\"}";
    static final String AUTH_TOKEN = "bearer-mcp-s3cret-token-7";
    /** Calls of one tool per minute: the walk's rate-limited tool is refused on its third call. */
    static final int TOOL_PER_MINUTE = 2;

    static final LoopbackTls TLS = LoopbackTls.create("mcp test CA");
    static final Path CA_PEM = TLS.writeCaPem();
    static final MockWebServer ENDPOINT = startEndpoint();
    /** The signing secret of each endpoint path, filled as the tools are created. */
    static final Map<String, String> SECRETS = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("toolgate-mcp");
        registry.add("toolgate.data-dir", dataDir::toString);
        registry.add("toolgate.bootstrap-api-key", () -> ADMIN_KEY);
        registry.add("toolgate.egress.allowlist", () -> "127.0.0.1:" + ENDPOINT.getPort());
        registry.add("toolgate.egress.extra-ca", CA_PEM::toString);
        registry.add("toolgate.rate-limit.tenant-per-minute", () -> "0");
        registry.add("toolgate.rate-limit.tool-per-minute", () -> "" + TOOL_PER_MINUTE);
        registry.add("toolgate.mcp.allowed-origins", () -> "https://app.example.com");
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
        agentId = api.post(ADMIN_KEY, "/v1/agents", "{\"name\": \"mcp desk\"}")
                .json()
                .get("id")
                .asString();
        while (ENDPOINT.takeRequest(1, TimeUnit.MILLISECONDS) != null) {
            // drop requests of earlier tests
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theOfficialTypeScriptClientConnectsListsAndCallsTools() throws Exception {
        CLIENT.require("node");
        createTool("lookup_customer", "POST", "/crm/customers", 1, """
                {"type": "object", "properties": {"phone": {"type": "string"}}, "required": ["phone"]}""");
        createTool("book_slot", "POST", "/slots", 2, """
                {"type": "object", "properties": {"slot": {"type": "string"}}, "required": ["slot"]}""");
        createTool("order_status", "GET", "/orders", 3, """
                {"type": "object", "properties": {"order_id": {"type": "string"}}}""");
        createTool("hidden_tool", "GET", "/hidden", 4, "{\"type\": \"object\", \"properties\": {}}", false);

        NodeKit.Run walk = CLIENT.run(
                Map.of(
                        "TOOLGATE_URL",
                        "http://127.0.0.1:" + port,
                        "TOOLGATE_API_KEY",
                        ADMIN_KEY,
                        "AGENT_ID",
                        agentId,
                        "SIGNED_TOOL",
                        "lookup_customer",
                        "STRICT_TOOL",
                        "book_slot",
                        "LIMITED_TOOL",
                        "order_status",
                        "LIMITED_CALLS",
                        "" + TOOL_PER_MINUTE),
                "node",
                "walk.mjs");
        assertThat(walk.exit())
                .as("walk failed:%n%s%n%s", walk.stdout(), walk.stderr())
                .isZero();
        for (String step : List.of(
                "connect",
                "listTools",
                "subset",
                "callSignedTool",
                "callWithInvalidArguments",
                "callRateLimitedTool",
                "callUnknownTool",
                "refusedWithoutKey")) {
            assertThat(walk.stdout()).as(walk.stdout()).contains("step " + step + " ok");
        }
        assertThat(walk.stdout()).contains("walk complete");

        // What reached the endpoint: the signed call and the two allowed calls of the rate-limited tool; never the
        // invalid arguments, the call over the limit or the call outside the client's subset.
        RecordedRequest signed = ENDPOINT.takeRequest(5, TimeUnit.SECONDS);
        assertThat(signed.getUrl().encodedPath()).isEqualTo("/crm/customers");
        assertThat(signed.getBody().utf8()).isEqualTo("{\"phone\":\"+14155550123\"}");
        assertThat(signed.getHeaders().get("Authorization")).isEqualTo("Bearer " + AUTH_TOKEN);
        for (int i = 0; i < TOOL_PER_MINUTE; i++) {
            RecordedRequest limited = ENDPOINT.takeRequest(5, TimeUnit.SECONDS);
            assertThat(limited.getUrl().encodedPath()).isEqualTo("/orders");
            assertThat(limited.getUrl().queryParameter("order_id")).isEqualTo("A-" + i);
        }
        assertThat(ENDPOINT.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();

        // The invocation log has each call with kind mcp and the call id of the client's header.
        JsonNode records = api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/invocations?limit=50")
                .json()
                .get("data");
        assertThat(records).hasSize(6);
        records.forEach(record -> {
            assertThat(record.get("kind").asString()).isEqualTo("mcp");
            assertThat(record.get("call_id").asString()).isEqualTo("call-mcp-walk");
        });
        assertThat(codes(records))
                .containsExactlyInAnyOrder(
                        "ok", "ok", "ok", "HTTP_TOOL_INVALID_ARGS", "HTTP_TOOL_RATE_LIMITED", "HTTP_TOOL_NOT_FOUND");
        assertThat(records.toString()).doesNotContain(AUTH_TOKEN).doesNotContain(ADMIN_KEY);
        assertThat(walk.stdout() + walk.stderr()).doesNotContain(AUTH_TOKEN);
    }

    @Test
    void toolsListDescribesEachMethodAndHidesDisabledTools() {
        createTool("cancel_booking", "DELETE", "/bookings", 1, """
                {"type": "object", "properties": {"booking_id": {"type": "string"}}}""");
        createTool("update_booking", "PUT", "/bookings", 2, "{\"type\": \"object\", \"properties\": {}}");
        createTool("off_tool", "GET", "/off", 3, "{\"type\": \"object\", \"properties\": {}}", false);

        JsonNode tools = rpc(ADMIN_KEY, "", "tools/list", "{}").json().at("/result/tools");
        assertThat(tools).hasSize(2);
        JsonNode cancel = tools.get(0);
        assertThat(cancel.get("name").asString()).isEqualTo("cancel_booking");
        assertThat(cancel.get("description").asString()).isEqualTo("The cancel_booking tool");
        assertThat(cancel.at("/inputSchema/properties/booking_id/type").asString())
                .isEqualTo("string");
        assertThat(cancel.at("/annotations/destructiveHint").asBoolean()).isTrue();
        assertThat(cancel.at("/annotations/idempotentHint").asBoolean()).isTrue();
        assertThat(cancel.at("/annotations/readOnlyHint").asBoolean()).isFalse();
        JsonNode update = tools.get(1);
        assertThat(update.at("/annotations/idempotentHint").asBoolean()).isTrue();
        assertThat(update.at("/annotations").has("destructiveHint")).isFalse();

        JsonNode subset = rpc(ADMIN_KEY, "?tools=update_booking,off_tool,not_there", "tools/list", "{}")
                .json()
                .at("/result/tools");
        assertThat(subset).hasSize(1);
        assertThat(subset.get(0).get("name").asString()).isEqualTo("update_booking");
    }

    @Test
    void initializeNegotiatesTheProtocolAndNamesTheServer() {
        ApiClient.Answer answer = rpc(ADMIN_KEY, "", "initialize", """
                {"protocolVersion": "2025-11-25", "capabilities": {},
                 "clientInfo": {"name": "raw", "version": "1"}}""");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode result = answer.json().get("result");
        assertThat(result.get("protocolVersion").asString()).isEqualTo("2025-11-25");
        assertThat(result.at("/serverInfo/name").asString()).isEqualTo("toolgate");
        assertThat(result.at("/capabilities").has("tools")).isTrue();
        assertThat(rpc(ADMIN_KEY, "", "ping", "{}").json().get("result").isObject())
                .isTrue();
        assertThat(rpc(ADMIN_KEY, "", "resources/list", "{}")
                        .json()
                        .at("/error/code")
                        .asInt())
                .isEqualTo(-32601);
    }

    @Test
    void anotherTenantsAgentIsNotFoundAndAKeyNeedsTheInvokeScope() {
        String otherKey = api.post(ADMIN_KEY, "/v1/tenants", "{\"name\": \"mcp other tenant\"}")
                .json()
                .get("api_key")
                .asString();
        ApiClient.Answer foreign = rpc(otherKey, "", "tools/list", "{}");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");

        String readOnlyKey = api.post(ADMIN_KEY, "/v1/api-keys", "{\"name\": \"r\", \"scopes\": [\"tools:read\"]}")
                .json()
                .get("key")
                .asString();
        ApiClient.Answer unscoped = rpc(readOnlyKey, "", "tools/list", "{}");
        assertThat(unscoped.status()).isEqualTo(403);
        assertThat(unscoped.json().get("code").asString()).isEqualTo("missing_scope");

        ApiClient.Answer anonymous = rpc(null, "", "tools/list", "{}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.json().get("code").asString()).isEqualTo("unauthenticated");
        assertThat(anonymous.text()).doesNotContain("result");

        // Bearer is for the MCP server only: the REST API keeps to X-API-Key.
        ApiClient.Answer bearerOnRest = api.send(
                null,
                new Request.Builder().url(api.baseUrl() + "/v1/agents").header("Authorization", "Bearer " + ADMIN_KEY));
        assertThat(bearerOnRest.status()).isEqualTo(401);
    }

    @Test
    void malformedRequestsAndForeignOriginsAreRefused() {
        assertThat(rpc(ADMIN_KEY, "?tools=bad%20name", "tools/list", "{}").status())
                .isEqualTo(400);
        assertThat(send(
                        ADMIN_KEY,
                        "",
                        "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/list\"}",
                        Map.of("Origin", "https://evil.example")))
                .extracting(ApiClient.Answer::status)
                .isEqualTo(403);
        assertThat(send(
                        ADMIN_KEY,
                        "",
                        "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/list\"}",
                        Map.of("Origin", "https://app.example.com")))
                .extracting(ApiClient.Answer::status)
                .isEqualTo(200);
        ApiClient.Answer get = api.send(
                ADMIN_KEY,
                new Request.Builder()
                        .url(api.baseUrl() + "/v1/agents/" + agentId + "/mcp")
                        .header("Accept", "text/event-stream"));
        assertThat(get.status()).isEqualTo(405);
        ApiClient.Answer noName = rpc(ADMIN_KEY, "", "tools/call", "{\"arguments\": {}}");
        assertThat(noName.json().at("/error/code").asInt()).isEqualTo(-32602);
        ApiClient.Answer notJson = send(ADMIN_KEY, "", "{not json", Map.of());
        assertThat(notJson.status()).isEqualTo(400);
        ApiClient.Answer duplicateKey = send(
                ADMIN_KEY,
                "",
                "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/list\", \"method\": \"ping\"}",
                Map.of());
        assertThat(duplicateKey.status()).isEqualTo(400);
        ApiClient.Answer batch =
                send(ADMIN_KEY, "", "[{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"ping\"}]", Map.of());
        assertThat(batch.status()).isEqualTo(400);
        ApiClient.Answer noAccept = api.send(
                ADMIN_KEY,
                new Request.Builder()
                        .url(api.baseUrl() + "/v1/agents/" + agentId + "/mcp")
                        .post(RequestBody.create(
                                "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"ping\"}",
                                MediaType.get("application/json"))));
        assertThat(noAccept.status()).isEqualTo(400);
        assertThat(rpc(ADMIN_KEY, "", "tools/list", "{}").status()).isEqualTo(200);
        ApiClient.Answer badCallHeader = send(
                ADMIN_KEY,
                "",
                "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"ping\"}",
                Map.of("X-Toolgate-Call-Id", "x".repeat(300)));
        assertThat(badCallHeader.status()).isEqualTo(400);
        assertThat(badCallHeader.json().get("code").asString()).isEqualTo("invalid_call_context");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private void createTool(String name, String method, String path, int priority, String parameters) {
        createTool(name, method, path, priority, parameters, true);
    }

    private void createTool(String name, String method, String path, int priority, String parameters, boolean on) {
        ApiClient.Answer tool = api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/tools", """
                {"name": "%s", "description": "The %s tool", "tool_type": "http_request", "priority": %d,
                 "is_enabled": %s, "parameters": %s,
                 "config": {"url": "%s", "method": "%s", "body_mode": "arguments",
                            "auth": {"type": "bearer", "token": "%s"}}}
                """.formatted(
                        name,
                        name,
                        priority,
                        on,
                        parameters,
                        "https://127.0.0.1:" + ENDPOINT.getPort() + path,
                        method,
                        AUTH_TOKEN));
        assertThat(tool.status()).as(tool.text()).isEqualTo(201);
        SECRETS.put(path, tool.json().get("signing_secret").asString());
    }

    private ApiClient.Answer rpc(String key, String query, String method, String params) {
        return send(
                key,
                query,
                "{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": \"" + method + "\", \"params\": " + params + "}",
                Map.of());
    }

    private ApiClient.Answer send(String key, String query, String body, Map<String, String> headers) {
        Request.Builder request = new Request.Builder()
                .url(api.baseUrl() + "/v1/agents/" + agentId + "/mcp" + query)
                .header("Accept", "application/json, text/event-stream")
                .post(RequestBody.create(body, MediaType.get("application/json")));
        headers.forEach(request::header);
        return api.send(key, request);
    }

    private static List<String> codes(JsonNode records) {
        List<String> codes = new java.util.ArrayList<>();
        records.forEach(record -> codes.add(
                record.get("status").asString().equals("ok")
                        ? "ok"
                        : record.at("/error/code").asString()));
        return codes;
    }

    /**
     * A tenant endpoint that answers only requests whose {@code X-Toolgate-Signature} verifies with the signing
     * secret of the tool at that path, through {@code toolgate-verify}, the kit tenants use.
     */
    private static MockWebServer startEndpoint() {
        MockWebServer server = TLS.newServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                String secret = SECRETS.get(path);
                if (secret == null) {
                    return new MockResponse.Builder().code(404).build();
                }
                SignatureVerifier verifier = SignatureVerifier.of(Scheme.TOOLGATE, List.of(secret));
                HeaderSource headers = request.getHeaders()::get;
                try {
                    if (SignatureVerifier.signsTarget(request.getMethod())) {
                        verifier.verify(request.getMethod(), request.getTarget(), headers);
                    } else {
                        verifier.verify(
                                request.getBody() == null
                                        ? new byte[0]
                                        : request.getBody().toByteArray(),
                                headers);
                    }
                } catch (SignatureVerificationException e) {
                    return new MockResponse.Builder()
                            .code(401)
                            .body("bad signature")
                            .build();
                }
                return new MockResponse.Builder()
                        .addHeader("Content-Type", "application/json")
                        .body(
                                path.equals("/crm/customers")
                                        ? "{\"check\":\"signature verified\"," + CUSTOMER_BODY.substring(1)
                                        : "{\"status\":\"shipped\"}")
                        .build();
            }
        });
        try {
            server.start(LoopbackTls.LOOPBACK, 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return server;
    }

    // --- the Node.js walk ------------------------------------------------------------------------------------------

}
