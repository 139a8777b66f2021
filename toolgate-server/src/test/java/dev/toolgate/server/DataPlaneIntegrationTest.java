package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data plane's front serves a voice runtime's JSON tool calls ahead of Spring MVC and answers them exactly as the
 * controllers do; every other request to the same paths (refusals, other answer forms, a body without a length) is
 * answered by the controllers, unchanged. {@code toolgate.data_plane.requests} shows which path served a call. A
 * voice runtime may send its calls over HTTP/2 with prior knowledge (h2c); an HTTP/1.1 upgrade is declined.
 */
@SpringBootTest(classes = ToolgateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DataPlaneIntegrationTest {

    static final String ADMIN_KEY = "tg_test_dataplane_admin_key_0123456789";
    static final MediaType JSON_TYPE = MediaType.get("application/json");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("toolgate-dataplane-it");
        registry.add("toolgate.data-dir", dataDir::toString);
        registry.add("toolgate.bootstrap-api-key", () -> ADMIN_KEY);
        registry.add("toolgate.egress.allowlist", () -> "127.0.0.1:" + TestEndpoint.SERVER.getPort());
        registry.add("toolgate.egress.extra-ca", TestEndpoint.CA_PEM::toString);
        registry.add("toolgate.rate-limit.tenant-per-minute", () -> "0");
        registry.add("toolgate.rate-limit.tool-per-minute", () -> "0");
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    ApiClient api;
    String agentId;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://127.0.0.1:" + port);
        TestEndpoint.SERVER.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder()
                        .addHeader("Content-Type", "application/json")
                        .body("{\"order\":\"A-1042\",\"state\":\"shipped\"}")
                        .build();
            }
        });
        agentId = api.agentWithTool(
                ADMIN_KEY, "lookup_order", "{\"order_id\": {\"type\": \"string\"}}", TestEndpoint.url("/orders"));
    }

    @AfterEach
    void tearDown() {
        TestEndpoint.SERVER.setDispatcher(new QueueDispatcher());
    }

    private String invocations() {
        return "/v1/agents/" + agentId + "/invocations";
    }

    private double served(String endpoint) {
        return meters.get("toolgate.data_plane.requests")
                .tag("endpoint", endpoint)
                .counter()
                .count();
    }

    /** A POST whose body has no declared length (sent chunked), which the data plane leaves to Spring MVC. */
    private ApiClient.Answer postChunked(String path, String body) {
        RequestBody chunked = new RequestBody() {
            @Override
            public MediaType contentType() {
                return JSON_TYPE;
            }

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws java.io.IOException {
                sink.write(body.getBytes(StandardCharsets.UTF_8));
            }
        };
        return api.send(
                ADMIN_KEY, new Request.Builder().url(api.baseUrl() + path).post(chunked));
    }

    private static JsonNode withoutRunFields(JsonNode answer) {
        ObjectNode copy = (ObjectNode) answer.deepCopy();
        copy.remove("invocation_id");
        copy.remove("duration_ms");
        return copy;
    }

    @Test
    void aJsonToolCallIsServedAheadOfSpringMvcWithTheAnswerTheControllerGives() {
        String body =
                "{\"tool\": \"lookup_order\", \"arguments\": {\"order_id\": \"A-1042\"}, \"tool_call_id\": \"c1\"}";
        double before = served("invoke");

        ApiClient.Answer front = api.post(ADMIN_KEY, invocations(), body);
        double afterFront = served("invoke");
        ApiClient.Answer controller = postChunked(invocations(), body);

        assertThat(afterFront).isEqualTo(before + 1);
        assertThat(served("invoke")).isEqualTo(afterFront);
        assertThat(front.status()).isEqualTo(200);
        assertThat(front.contentType()).isEqualTo(controller.contentType()).startsWith("application/json");
        assertThat(front.json().get("status").asString()).as(front.text()).isEqualTo("ok");
        assertThat(front.json().get("content").asString()).contains("shipped");
        assertThat(withoutRunFields(front.json())).isEqualTo(withoutRunFields(controller.json()));
        assertThat(front.json().get("invocation_id").asString())
                .isNotEqualTo(controller.json().get("invocation_id").asString());
        JsonNode logged = api.get(
                        ADMIN_KEY,
                        "/v1/invocations/" + front.json().get("invocation_id").asString())
                .json();
        assertThat(logged.get("tool_call_id").asString()).isEqualTo("c1");
        assertThat(logged.get("status").asString()).isEqualTo("ok");
    }

    @Test
    void anAssistantMessagesToolCallsAreServedInTheirOrder() {
        double before = served("tool_calls");

        ApiClient.Answer answer = api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/tool-calls", """
                {"message": {"role": "assistant", "tool_calls": [
                  {"id": "c1", "type": "function", "function": {"name": "lookup_order", "arguments": "{\\"order_id\\":\\"A-1\\"}"}},
                  {"id": "c2", "type": "function", "function": {"name": "no_such_tool", "arguments": "{}"}}]}}
                """);

        assertThat(served("tool_calls")).isEqualTo(before + 1);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode messages = answer.json().get("messages");
        assertThat(messages.get(0).get("tool_call_id").asString()).isEqualTo("c1");
        assertThat(messages.get(0).get("content").asString()).contains("shipped");
        assertThat(messages.get(1).get("tool_call_id").asString()).isEqualTo("c2");
        assertThat(answer.json().get("results").get(1).get("error").get("code").asString())
                .isEqualTo("HTTP_TOOL_NOT_FOUND");
    }

    @Test
    void everyRefusalIsTheApisOwnProblemAndNothingIsServedAhead() {
        double before = served("invoke");
        String ok = "{\"tool\": \"lookup_order\", \"arguments\": {}}";

        ApiClient.Answer noKey = api.post(null, invocations(), ok);
        ApiClient.Answer unknownKey = api.post("tg_unknown_key_0000000000000000000000", invocations(), ok);
        ApiClient.Answer unknownAgent =
                api.post(ADMIN_KEY, "/v1/agents/00000000-0000-4000-8000-000000000000/invocations", ok);
        ApiClient.Answer malformed = api.post(ADMIN_KEY, invocations(), "{\"tool\": ");
        ApiClient.Answer duplicate =
                api.post(ADMIN_KEY, invocations(), "{\"tool\": \"a\", \"tool\": \"lookup_order\"}");
        ApiClient.Answer blankTool = api.post(ADMIN_KEY, invocations(), "{\"tool\": \" \"}");

        assertThat(served("invoke")).isEqualTo(before);
        assertProblem(noKey, 401, "unauthenticated");
        assertProblem(unknownKey, 401, "unauthenticated");
        assertProblem(unknownAgent, 404, "not_found");
        assertProblem(malformed, 400, "malformed_body");
        assertProblem(duplicate, 400, "duplicate_json_key");
        assertProblem(blankTool, 422, "validation_failed");
        assertThat(blankTool.json().get("errors").get(0).get("field").asString())
                .isEqualTo("tool");
    }

    @Test
    void anEventStreamIsAskedForByAcceptAndAnsweredByTheController() {
        double before = served("invoke");

        ApiClient.Answer stream = api.send(
                ADMIN_KEY,
                new Request.Builder()
                        .url(api.baseUrl() + invocations())
                        .header("Accept", "text/event-stream")
                        .post(RequestBody.create(
                                "{\"tool\": \"lookup_order\", \"arguments\": {\"order_id\": \"A-1042\"}}", JSON_TYPE)));

        assertThat(served("invoke")).isEqualTo(before);
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        assertThat(stream.text())
                .contains("event:speak")
                .contains("event:result")
                .contains("shipped");
    }

    @Test
    void aVoiceRuntimeMaySendItsCallsAsHttp2StreamsOfOneConnection() throws Exception {
        OkHttpClient h2c = new OkHttpClient.Builder()
                .protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE))
                .build();
        List<Response> answers = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String body = "{\"tool\": \"lookup_order\", \"arguments\": {\"order_id\": \"A-" + i + "\"}}";
                calls.add(callers.submit(() -> h2c.newCall(new Request.Builder()
                                .url(api.baseUrl() + invocations())
                                .header("X-API-Key", ADMIN_KEY)
                                .post(RequestBody.create(body, JSON_TYPE))
                                .build())
                        .execute()));
            }
            for (Future<Response> call : calls) {
                answers.add(call.get());
            }
        }

        for (Response answer : answers) {
            try (answer) {
                assertThat(answer.protocol()).isEqualTo(Protocol.H2_PRIOR_KNOWLEDGE);
                assertThat(answer.code()).isEqualTo(200);
                assertThat(answer.body().string()).contains("\"status\":\"ok\"").contains("shipped");
            }
        }
        assertThat(h2c.connectionPool().connectionCount()).isEqualTo(1);
    }

    @Test
    void anOversizedBodyOverHttp2IsRefusedWithTheApisProblem() throws Exception {
        OkHttpClient h2c = new OkHttpClient.Builder()
                .protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE))
                .build();
        String huge = "{\"tool\": \"lookup_order\", \"padding\": \"" + "x".repeat(1_100_000) + "\"}";

        try (Response answer = h2c.newCall(new Request.Builder()
                        .url(api.baseUrl() + invocations())
                        .header("X-API-Key", ADMIN_KEY)
                        .post(RequestBody.create(huge, JSON_TYPE))
                        .build())
                .execute()) {
            assertThat(answer.code()).isEqualTo(413);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.body().string()).contains("payload_too_large");
        }
    }

    @Test
    void anHttp11UpgradeToH2cIsDeclinedSoALargerBodyStillGetsTheApisAnswer() throws Exception {
        String body = "{\"tool\": \"lookup_order\", \"arguments\": {\"order_id\": \"A-1042\"}, \"note\": \""
                + "x".repeat(6_000) + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head =
                "POST " + invocations() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                        + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\nX-API-Key: " + ADMIN_KEY + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n";

        String answer;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        }

        assertThat(answer).isEqualTo("HTTP/1.1 200");
    }

    private static void assertProblem(ApiClient.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asString()).isEqualTo(code);
    }
}
