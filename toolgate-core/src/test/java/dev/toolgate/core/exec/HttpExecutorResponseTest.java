package dev.toolgate.core.exec;

import static dev.toolgate.core.exec.LoopbackHttps.get;
import static dev.toolgate.core.exec.LoopbackHttps.loopbackDns;
import static dev.toolgate.core.exec.LoopbackHttps.policy;
import static dev.toolgate.core.exec.LoopbackHttps.request;
import static dev.toolgate.core.exec.LoopbackHttps.startServer;
import static dev.toolgate.core.exec.LoopbackHttps.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.tool.HttpMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the executor sends, and what it makes of the endpoint's answer: text, caps, binary, errors. */
class HttpExecutorResponseTest {

    private static final Duration BUDGET = Duration.ofSeconds(5);
    private static final int CAP = 65_536;

    private MockWebServer server;
    private HttpExecutor executor;

    @BeforeEach
    void start() throws IOException {
        server = startServer(LoopbackHttps.TRUSTED_SERVER);
        executor = new HttpExecutor(LoopbackHttps.trustingConfig().build(), policy(loopbackDns()));
    }

    @AfterEach
    void stop() {
        executor.close();
        server.close();
    }

    @Test
    void returnsSuccessWithStatusContentTypeBodyAndTimings() {
        server.enqueue(new MockResponse.Builder()
                .code(201)
                .setHeader("Content-Type", "application/json")
                .body("{\"status\":\"booked\"}")
                .build());

        ExecutionResult result = executor.execute(get(url("endpoint.toolgate.dev", server, "/orders")), BUDGET, CAP);

        assertThat(result).isInstanceOf(ExecutionResult.Success.class);
        ExecutionResult.Success success = (ExecutionResult.Success) result;
        assertThat(success.httpStatus()).isEqualTo(201);
        assertThat(success.contentType()).isEqualTo("application/json");
        assertThat(success.body()).isEqualTo("{\"status\":\"booked\"}");
        assertThat(success.truncated()).isFalse();
        PhaseTimings timings = success.timings();
        assertThat(timings.dnsMicros()).isGreaterThanOrEqualTo(0);
        assertThat(timings.connectMicros()).isGreaterThanOrEqualTo(timings.tlsMicros());
        assertThat(timings.tlsMicros()).isGreaterThanOrEqualTo(0);
        assertThat(timings.firstByteMicros()).isGreaterThanOrEqualTo(timings.connectMicros());
        assertThat(timings.totalMicros()).isGreaterThanOrEqualTo(timings.firstByteMicros());
    }

    @Test
    void sendsExactlyTheRenderedMethodHeadersAndBodyBytes() throws InterruptedException {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .body("ok")
                .build());
        byte[] body = "{\"city\":\"Zürich\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer tok_123");
        headers.put("X-Toolgate-Invocation-Id", "inv_1");

        executor.execute(
                request(
                        HttpMethod.PATCH,
                        url("endpoint.toolgate.dev", server, "/v1/book?x=1"),
                        headers,
                        body,
                        "application/json; charset=utf-8"),
                BUDGET,
                CAP);

        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getMethod()).isEqualTo("PATCH");
        assertThat(recorded.getTarget()).isEqualTo("/v1/book?x=1");
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer tok_123");
        assertThat(recorded.getHeaders().get("X-Toolgate-Invocation-Id")).isEqualTo("inv_1");
        assertThat(recorded.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(recorded.getHeaders().get("User-Agent")).isEqualTo("Toolgate/0.1.0");
        assertThat(recorded.getBody().toByteArray()).isEqualTo(body);
    }

    @Test
    void keepsTheRequestsOwnUserAgent() throws InterruptedException {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .body("ok")
                .build());

        executor.execute(
                request(
                        HttpMethod.GET,
                        url("endpoint.toolgate.dev", server, "/"),
                        Map.of("User-Agent", "Custom/2"),
                        null,
                        null),
                BUDGET,
                CAP);

        assertThat(server.takeRequest().getHeaders().values("User-Agent")).containsExactly("Custom/2");
    }

    @Test
    void sendsAnEmptyBodyForAPostWithoutBody() throws InterruptedException {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .body("ok")
                .build());

        executor.execute(
                request(HttpMethod.POST, url("endpoint.toolgate.dev", server, "/"), Map.of(), null, null), BUDGET, CAP);

        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getBodySize()).isZero();
    }

    @ParameterizedTest(name = "{0} bytes → truncated={1}")
    @CsvSource({"65535, false", "65536, false", "65537, true"})
    void capsTheBodyAt64KiB(int size, boolean truncated) {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .body("a".repeat(size))
                .build());

        ExecutionResult.Success success =
                (ExecutionResult.Success) executor.execute(get(url("endpoint.toolgate.dev", server, "/")), BUDGET, CAP);

        assertThat(success.body()).hasSize(Math.min(size, CAP));
        assertThat(success.truncated()).isEqualTo(truncated);
    }

    @Test
    void clampsTheCallersCapToTheConfiguredMaximum() {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .body("a".repeat(CAP + 10))
                .build());

        ExecutionResult.Success success = (ExecutionResult.Success)
                executor.execute(get(url("endpoint.toolgate.dev", server, "/")), BUDGET, 10 * CAP);

        assertThat(success.body()).hasSize(CAP);
        assertThat(success.truncated()).isTrue();
    }

    @Test
    void capsAChunkedBodyWithoutLength() {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .chunkedBody("b".repeat(200_000), 4096)
                .build());

        ExecutionResult.Success success =
                (ExecutionResult.Success) executor.execute(get(url("endpoint.toolgate.dev", server, "/")), BUDGET, CAP);

        assertThat(success.body()).hasSize(CAP).matches("b+");
        assertThat(success.truncated()).isTrue();
    }

    @Test
    void capsAGzipBombAfterDecodingWithoutInflatingItAll() throws Exception {
        Buffer bomb = gzip("a".repeat(10 * 1024 * 1024));
        assertThat(bomb.size()).isLessThan(64 * 1024);
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .setHeader("Content-Encoding", "gzip")
                .body(bomb)
                .build());

        ExecutionResult result =
                executor.execute(get(url("endpoint.toolgate.dev", server, "/")), Duration.ofSeconds(2), CAP);

        assertThat(server.takeRequest().getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
        ExecutionResult.Success success = (ExecutionResult.Success) result;
        assertThat(success.body()).hasSize(CAP).matches("a+");
        assertThat(success.truncated()).isTrue();
    }

    @Test
    void dropsAMultiByteCharacterCutByTheCap() {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain; charset=utf-8")
                .body("abcdé")
                .build()); // é is 2 bytes: the 5-byte cap cuts it in half

        ExecutionResult.Success success =
                (ExecutionResult.Success) executor.execute(get(url("endpoint.toolgate.dev", server, "/")), BUDGET, 5);

        assertThat(success.body()).isEqualTo("abcd");
        assertThat(success.truncated()).isTrue();
    }

    @Test
    void decodesTheCharsetNamedByTheContentType() {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain; charset=ISO-8859-1")
                .body(new Buffer().write(new byte[] {'c', 'a', 'f', (byte) 0xE9}))
                .build());

        ExecutionResult.Success success =
                (ExecutionResult.Success) executor.execute(get(url("endpoint.toolgate.dev", server, "/")), BUDGET, CAP);

        assertThat(success.body()).isEqualTo("café");
    }

    @Test
    void acceptsUtf8TextWithoutContentType() {
        server.enqueue(new MockResponse.Builder().body("plain words").build());

        ExecutionResult.Success success =
                (ExecutionResult.Success) executor.execute(get(url("endpoint.toolgate.dev", server, "/")), BUDGET, CAP);

        assertThat(success.contentType()).isNull();
        assertThat(success.body()).isEqualTo("plain words");
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/png", "application/octet-stream", "application/pdf"})
    void refusesABinaryContentType(String contentType) {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", contentType)
                .body(new Buffer().write(new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
                .build());

        ExecutionResult result = executor.execute(get(url("endpoint.toolgate.dev", server, "/")), BUDGET, CAP);

        ExecutionResult.Failure failure = (ExecutionResult.Failure) result;
        assertThat(failure.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_BINARY_RESPONSE);
        assertThat(failure.error().message()).contains(contentType);
        assertThat(failure.httpStatus()).isEqualTo(200);
        assertThat(failure.body()).isNull();
    }

    @Test
    void refusesBinaryBytesWithoutContentType() {
        server.enqueue(new MockResponse.Builder()
                .body(new Buffer().write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0}))
                .build());

        ExecutionResult result = executor.execute(get(url("endpoint.toolgate.dev", server, "/")), BUDGET, CAP);

        assertThat(((ExecutionResult.Failure) result).error().code()).isEqualTo(ErrorCode.HTTP_TOOL_BINARY_RESPONSE);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "application/json               | 7b 22 61 22 3a 00 7d", // {"a":NUL}
                "text/plain; charset=utf-8      | 6f 6b ff fe", // invalid UTF-8
                "text/html                      | 3c 70 3e c3 28", // a broken two-byte sequence
                "application/problem+json       | 89 50 4e 47 0d 0a 1a 0a", // PNG magic under a JSON label
                "text/plain; charset=ISO-8859-1 | 61 00 62", // every byte is Latin-1, but NUL is not text
                "NULL                           | 68 69 00"
            })
    void refusesBytesThatAreNotTextWhateverTheContentTypeSays(String contentType, String hex) {
        MockResponse.Builder response = new MockResponse.Builder().body(new Buffer().write(bytes(hex)));
        if (contentType != null) {
            response.setHeader("Content-Type", contentType);
        }
        server.enqueue(response.build());

        ExecutionResult result = executor.execute(get(url("endpoint.toolgate.dev", server, "/")), BUDGET, CAP);

        ExecutionResult.Failure failure = (ExecutionResult.Failure) result;
        assertThat(failure.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_BINARY_RESPONSE);
        assertThat(failure.error().message()).contains("not text");
        assertThat(failure.httpStatus()).isEqualTo(200);
        assertThat(failure.body()).isNull();
    }

    @Test
    void leavesOutTheBodyOfAnErrorStatusWhoseBytesAreNotText() {
        server.enqueue(new MockResponse.Builder()
                .code(500)
                .setHeader("Content-Type", "text/plain")
                .body(new Buffer().write(new byte[] {'o', 'o', 'p', 's', 0, (byte) 0xFF}))
                .build());

        ExecutionResult.Failure failure =
                (ExecutionResult.Failure) executor.execute(get(url("endpoint.toolgate.dev", server, "/")), BUDGET, CAP);

        assertThat(failure.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_CUSTOMER_ERROR);
        assertThat(failure.body()).isNull();
        assertThat(failure.truncated()).isFalse();
    }

    @ParameterizedTest(name = "{0} cut after {1} of its bytes")
    @CsvSource({"é, 1", "€, 1", "€, 2", "😀, 1", "😀, 3"})
    void acceptsTextWhoseLastCharacterTheSixtyFourKibCapCuts(String character, int keptBytes) {
        String head = "x".repeat(CAP - keptBytes);
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body(head + character + "tail")
                .build());

        ExecutionResult result = executor.execute(get(url("endpoint.toolgate.dev", server, "/")), BUDGET, CAP);

        assertThat(result).isInstanceOf(ExecutionResult.Success.class);
        ExecutionResult.Success success = (ExecutionResult.Success) result;
        assertThat(success.body()).isEqualTo(head);
        assertThat(success.truncated()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "404 | application/problem+json | {\"title\":\"no such order\"}",
                "503 | text/plain                | down for maintenance"
            })
    void reportsAnErrorStatusWithItsBody(int status, String contentType, String body) {
        server.enqueue(new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", contentType)
                .body(body)
                .build());

        ExecutionResult result = executor.execute(get(url("endpoint.toolgate.dev", server, "/")), BUDGET, CAP);

        ExecutionResult.Failure failure = (ExecutionResult.Failure) result;
        assertThat(failure.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_CUSTOMER_ERROR);
        assertThat(failure.error().message()).isEqualTo("The endpoint answered HTTP " + status + ".");
        assertThat(failure.httpStatus()).isEqualTo(status);
        assertThat(failure.body()).isEqualTo(body);
        assertThat(failure.truncated()).isFalse();
    }

    @Test
    void capsTheBodyOfAnErrorStatus() {
        server.enqueue(new MockResponse.Builder()
                .code(500)
                .setHeader("Content-Type", "text/html")
                .body("x".repeat(CAP + 1))
                .build());

        ExecutionResult.Failure failure =
                (ExecutionResult.Failure) executor.execute(get(url("endpoint.toolgate.dev", server, "/")), BUDGET, CAP);

        assertThat(failure.body()).hasSize(CAP);
        assertThat(failure.truncated()).isTrue();
    }

    @Test
    void leavesOutTheBodyOfABinaryErrorStatus() {
        server.enqueue(new MockResponse.Builder()
                .code(502)
                .setHeader("Content-Type", "image/gif")
                .body("GIF89a")
                .build());

        ExecutionResult.Failure failure =
                (ExecutionResult.Failure) executor.execute(get(url("endpoint.toolgate.dev", server, "/")), BUDGET, CAP);

        assertThat(failure.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_CUSTOMER_ERROR);
        assertThat(failure.httpStatus()).isEqualTo(502);
        assertThat(failure.body()).isNull();
    }

    private static Buffer gzip(String text) throws IOException {
        Buffer buffer = new Buffer();
        try (GZIPOutputStream out = new GZIPOutputStream(buffer.outputStream())) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        return buffer;
    }

    private static byte[] bytes(String hex) {
        String[] parts = hex.trim().split("\\s+");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }
}
