package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.fixtures.HttpFixtureController;
import dev.toolgate.server.tenant.PublicEndpoint;
import dev.toolgate.server.tenant.RequiresScope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The API's HTTP front against the real server on a random port: body size, slow clients, management endpoints,
 * fail-closed scopes, duplicate JSON keys, line breaks in the call context, the server log, and Spring's own request
 * errors as specific 4xx problems.
 */
@SpringBootTest(classes = ToolgateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(HttpFixtureController.class)
@ExtendWith(OutputCaptureExtension.class)
class HttpFrontIntegrationTest {

    static final String ADMIN_KEY = ApiIntegrationTest.ADMIN_KEY;
    static final int MIB = 1024 * 1024;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        ApiIntegrationTest.properties(registry);
        // Short, so the slow-client test sees the connection closed quickly.
        registry.add("toolgate.limits.header-read-timeout", () -> "500ms");
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    ApiClient api;
    String agentId;

    @BeforeEach
    void setUp() throws InterruptedException {
        api = new ApiClient("http://127.0.0.1:" + port);
        TestEndpoint.dropReceived();
        agentId = api.post(ADMIN_KEY, "/v1/agents", "{\"name\": \"desk\"}")
                .json()
                .get("id")
                .asString();
    }

    private String toolJson(String name) {
        return """
                {"name": "%s", "description": "Looks up a customer by phone number", "tool_type": "http_request",
                 "parameters": {"type": "object", "properties": {"phone": {"type": "string"}}, "required": ["phone"]},
                 "config": {"url": "%s", "headers": [{"key": "X-Call", "value": "{{call_id}} {{caller_number}}"}]}}
                """.formatted(name, TestEndpoint.url("/crm"));
    }

    private void createTool(String name) {
        ApiClient.Answer created = api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/tools", toolJson(name));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    private void assertNothingSentAndNothingStored() throws InterruptedException {
        assertThat(TestEndpoint.SERVER.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/invocations")
                        .json()
                        .get("data"))
                .isEmpty();
    }

    // --- request bodies --------------------------------------------------------------------------------------

    @Test
    void aDeclaredBodyOverTheLimitIs413BeforeAnyOfItIsSent() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/agents/" + agentId + "/invocations HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "X-API-Key: " + ADMIN_KEY + "\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + (200 * MIB) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            // Not one byte of the 200 MB has been sent: the answer comes from the headers alone.
            String answer = readUntilClosed(socket);

            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json");
            assertThat(answer).contains("\"code\":\"payload_too_large\"").contains("1048576");
        }
        assertNothingSentAndNothingStored();
    }

    @Test
    void aChunkedBodyOverTheLimitIs413AndNothingIsSentOrStored() throws Exception {
        createTool("lookup_customer");
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            // 5 MB of a valid invocation, streamed in chunks; the server must stop reading after the first 1 MiB.
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    out.write(("POST /v1/agents/" + agentId + "/invocations HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "X-API-Key: " + ADMIN_KEY + "\r\nContent-Type: application/json\r\n"
                                    + "Transfer-Encoding: chunked\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    chunk(out, "{\"tool\": \"lookup_customer\", \"arguments\": {\"phone\": \"1\", \"pad\": \"");
                    String pad = "x".repeat(64 * 1024);
                    for (int i = 0; i < 80; i++) {
                        chunk(out, pad);
                    }
                    chunk(out, "\"}}");
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException stoppedReading) {
                    // the server closed the connection after answering: expected
                }
            });

            String answer = readUntilClosed(socket);
            socket.close();
            writer.join();

            assertThat(answer).startsWith("HTTP/1.1 413").contains("\"code\":\"payload_too_large\"");
        }
        assertNothingSentAndNothingStored();
    }

    @Test
    void aBodyWithinTheLimitStillWorks() {
        createTool("lookup_customer");

        ApiClient.Answer answer = api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/invocations",
                "{\"tool\": \"lookup_customer\", \"arguments\": {\"pad\": \"" + "x".repeat(MIB - 200) + "\"}}");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("error").get("code").asString()).isEqualTo("HTTP_TOOL_INVALID_ARGS");
    }

    // --- slow clients ----------------------------------------------------------------------------------------

    @Test
    void aClientThatStallsInItsRequestLineIsDisconnected() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET /v1/agen".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            // The server closes the connection after header-read-timeout (500 ms here); the read below would
            // otherwise run into the socket's own 10 s timeout and fail the test.
            String answer = readUntilClosed(socket);

            assertThat(answer).doesNotStartWith("HTTP/1.1 2");
        }
    }

    // --- management endpoints --------------------------------------------------------------------------------

    @Test
    void theApiPortServesProbesButNoMetricsOrActuator() {
        ApiClient.Answer prometheus = api.get(null, "/actuator/prometheus");
        ApiClient.Answer adminPrometheus = api.get(ADMIN_KEY, "/actuator/prometheus");
        ApiClient.Answer health = api.get(null, "/actuator/health");
        ApiClient.Answer live = api.get(null, "/livez");
        ApiClient.Answer ready = api.get(null, "/readyz");
        ApiClient.Answer metrics =
                new ApiClient("http://127.0.0.1:" + managementPort).get(null, "/actuator/prometheus");

        assertThat(prometheus.status()).isEqualTo(404);
        assertThat(prometheus.text()).doesNotContain("jvm_memory");
        assertThat(adminPrometheus.status()).isEqualTo(404);
        assertThat(health.status()).isEqualTo(404);
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().get("status").asString()).isEqualTo("UP");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asString()).isEqualTo("UP");
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("jvm_memory_used_bytes");
    }

    // --- scopes fail closed ----------------------------------------------------------------------------------

    @Test
    void aHandlerWithoutAScopeRefusesEveryKeyAndAPublicOneNeedsNone() {
        ApiClient.Answer unscoped = api.get(ADMIN_KEY, "/v1/fixture/unscoped");
        ApiClient.Answer anonymous = api.get(null, "/v1/fixture/unscoped");
        ApiClient.Answer open = api.get(null, "/v1/fixture/public");

        assertThat(unscoped.status()).isEqualTo(403);
        assertThat(unscoped.json().get("code").asString()).isEqualTo("missing_scope");
        assertThat(unscoped.text()).doesNotContain("reached");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.json().get("reached").asString()).isEqualTo("public");
    }

    @Test
    void everyRequestMappingDeclaresAScopeOrIsMarkedPublic() {
        List<String> violations = new ArrayList<>();
        int ours = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod method = entry.getValue();
            String name = method.getBeanType().getName();
            if (name.startsWith(HttpFixtureController.class.getPackageName() + ".")) {
                continue; // this test's deliberately broken fixtures
            }
            boolean scoped = method.hasMethodAnnotation(RequiresScope.class);
            boolean open = method.hasMethodAnnotation(PublicEndpoint.class);
            if (name.startsWith("dev.toolgate.")) {
                ours++;
                if (scoped == open) {
                    violations.add(info + " -> " + method + (scoped ? " is both scoped and public" : " has neither"));
                }
            } else if (!info.getPatternValues().stream()
                    .allMatch(p -> p.equals("/error")
                            || p.startsWith("/v3/api-docs")
                            || p.startsWith("/docs/api")
                            || p.startsWith("/docs/swagger-ui"))) {
                // Framework handlers are let through by path (WebConfiguration); a new one must be looked at.
                violations.add(
                        info + " -> " + method + " is a framework handler outside /error, /v3/api-docs and Swagger UI");
            }
        }

        assertThat(ours).isGreaterThan(20);
        assertThat(violations).isEmpty();
    }

    // --- duplicate JSON keys ---------------------------------------------------------------------------------

    @Test
    void duplicateKeysInAnyBodyAre400NamingTheKey() throws Exception {
        createTool("a");
        createTool("b");

        ApiClient.Answer invoke = api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/invocations",
                "{\"tool\": \"a\", \"tool\": \"b\", \"arguments\": {\"phone\": \"1\"}}");
        ApiClient.Answer create = api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/tools",
                toolJson("c").replace("\"config\": {", "\"config\": {\"url\": \"https://example.com/x\", "));
        ApiClient.Answer batch = api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/tool-calls", """
                {"message": {"tool_calls": [
                   {"id": "c1", "id": "c2", "type": "function", "function": {"name": "a", "arguments": "{}"}}]}}
                """);
        ApiClient.Answer agent = api.post(ADMIN_KEY, "/v1/agents", "{\"name\": \"x\", \"name\": \"y\"}");

        for (ApiClient.Answer answer : List.of(invoke, create, batch, agent)) {
            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("code").asString()).isEqualTo("duplicate_json_key");
        }
        assertThat(invoke.json().get("errors").get(0).get("field").asString()).isEqualTo("tool");
        assertThat(invoke.json().get("detail").asString()).contains("'tool'");
        assertThat(create.json().get("errors").get(0).get("field").asString()).isEqualTo("config.url");
        assertThat(batch.json().get("errors").get(0).get("field").asString()).isEqualTo("message.tool_calls[0].id");
        assertThat(api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/tools").json().get("data"))
                .hasSize(2);
        assertNothingSentAndNothingStored();
    }

    // --- call context ----------------------------------------------------------------------------------------

    @Test
    void aLineBreakOrNulInTheCallContextIs400NamingTheField() throws Exception {
        createTool("lookup_customer");
        String toolId = api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/tools")
                .json()
                .get("data")
                .get(0)
                .get("id")
                .asString();
        String base = "/v1/agents/" + agentId;

        ApiClient.Answer callId = api.post(ADMIN_KEY, base + "/invocations", """
                {"tool": "lookup_customer", "arguments": {"phone": "1"}, "call": {"id": "c-1\\r\\nX-Injected: 1"}}
                """);
        ApiClient.Answer caller = api.post(ADMIN_KEY, base + "/invocations", """
                {"tool": "lookup_customer", "arguments": {"phone": "1"},
                 "call": {"id": "c-2", "caller_number": "+1415\\n5550100"}}
                """);
        ApiClient.Answer variable = api.post(ADMIN_KEY, base + "/tool-calls", """
                {"tool_calls": [{"id": "t", "function": {"name": "lookup_customer", "arguments": "{\\"phone\\":\\"1\\"}"}}],
                 "call": {"id": "c-3", "variables": {"city": "Paris\\u0000"}}}
                """);
        ApiClient.Answer testFire = api.post(ADMIN_KEY, base + "/tools/" + toolId + "/test", """
                {"arguments": {"phone": "1"}, "call": {"id": "c-4\\r"}}
                """);

        assertCallContextError(callId, "call.id");
        assertCallContextError(caller, "call.caller_number");
        assertCallContextError(variable, "call.variables.city");
        assertCallContextError(testFire, "call.id");
        assertNothingSentAndNothingStored();
    }

    private static void assertCallContextError(ApiClient.Answer answer, String field) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.json().get("code").asString()).isEqualTo("invalid_call_context");
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(answer.json().get("detail").asString()).contains(field);
    }

    // --- the server log --------------------------------------------------------------------------------------

    @Test
    void tenantTextInTheServerLogIsCutAndCannotStartALine(CapturedOutput output) {
        String pattern = "p".repeat(20_000) + "\r\nFORGED-LOG-LINE ERROR the admin key is tg_fake";

        ApiClient.Answer answer = api.post(
                null, "/v1/fixture/fails", "{\"pattern\": " + ApiClient.JSON.writeValueAsString(pattern) + "}");
        ApiClient.Answer unknownPath = api.get(null, "/v1/" + "q".repeat(6_000));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("code").asString()).isEqualTo("internal");
        assertThat(answer.text()).doesNotContain("ppp");
        String log = output.getAll();
        assertThat(log).contains("cannot compile the pattern 'ppp").contains("…[cut ");
        assertThat(log).doesNotContain("p".repeat(1_000));
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(log).doesNotContain("q".repeat(1_000));
        assertThat(log.lines()).noneMatch(line -> line.startsWith("FORGED-LOG-LINE"));
    }

    // --- no input is a 500 -----------------------------------------------------------------------------------

    @Test
    void requestsSpringCannotRouteOrReadAreSpecific4xxProblems() {
        String invocations = "/v1/agents/" + agentId + "/invocations";
        MediaType json = MediaType.get("application/json");

        assertProblem(api.post(ADMIN_KEY, invocations, "{\"tool\": "), 400, "malformed_body");
        assertProblem(api.post(ADMIN_KEY, invocations, ""), 400, "malformed_body");
        assertProblem(api.post(ADMIN_KEY, invocations, "null"), 400, "malformed_body");
        assertProblem(api.post(ADMIN_KEY, invocations, "[".repeat(5_000)), 400, "malformed_body");
        assertProblem(
                send(invocations, "POST", RequestBody.create(new byte[] {'{', '"', (byte) 0xff, '"', '}'}, json)),
                400,
                "malformed_body");
        assertProblem(
                send(invocations, "POST", RequestBody.create("tool=a", MediaType.get("text/plain"))),
                415,
                "unsupported_media_type");
        assertProblem(
                send(
                        invocations,
                        "POST",
                        RequestBody.create(
                                "{}".getBytes(StandardCharsets.UTF_8),
                                MediaType.get("application/json; charset=bogus"))),
                415,
                "unsupported_media_type");
        assertProblem(send(invocations, "PUT", RequestBody.create("{}", json)), 405, "method_not_allowed");
        assertProblem(api.delete(ADMIN_KEY, "/v1/agents"), 405, "method_not_allowed");
        assertProblem(api.get(ADMIN_KEY, "/v1/nothing-here"), 404, "not_found");
        assertProblem(api.get(null, "/nothing-here"), 404, "not_found");
        assertProblem(api.get(ADMIN_KEY, "/v1/agents/not-a-uuid"), 400, "invalid_parameter");
        assertProblem(api.get(ADMIN_KEY, invocations + "?limit=many"), 400, "invalid_parameter");
        ApiClient.Answer html = api.send(
                ADMIN_KEY,
                new Request.Builder().url(api.baseUrl() + "/v1/agents").header("Accept", "text/html"));
        assertThat(html.status()).as(html.text()).isEqualTo(406);
    }

    private ApiClient.Answer send(String path, String method, RequestBody body) {
        return api.send(
                ADMIN_KEY, new Request.Builder().url(api.baseUrl() + path).method(method, body));
    }

    private static void assertProblem(ApiClient.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.text()).startsWith("application/problem+json");
        JsonNode json = answer.json();
        assertThat(json.get("code").asString()).as(answer.text()).isEqualTo(code);
        assertThat(json.get("status").asInt()).isEqualTo(status);
    }

    // --- raw HTTP over loopback ------------------------------------------------------------------------------

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void chunk(OutputStream out, String data) throws IOException {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Reads what the server sends until it closes the connection; a reset after the answer counts as closed too. A
     * server that keeps the connection open makes this fail with the socket's read timeout.
     */
    private static String readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read.write(buffer, 0, n);
            }
        } catch (java.net.SocketTimeoutException stillOpen) {
            throw stillOpen;
        } catch (SocketException reset) {
            // closed with unread data on the server's side
        }
        return read.toString(StandardCharsets.UTF_8);
    }
}
