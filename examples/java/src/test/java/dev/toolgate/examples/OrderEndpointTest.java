package dev.toolgate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.toolgate.verify.HeaderSource;
import dev.toolgate.verify.Scheme;
import dev.toolgate.verify.SignatureVerifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The endpoint on requests from testdata/signature-vectors.json (signed by Toolgate's own signer). */
class OrderEndpointTest {

    private static final String TOKEN = "tok_example_123";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode VECTORS = JSON.readTree(
                    Path.of("..", "..", "testdata", "signature-vectors.json").toFile())
            .get("vectors");

    @BeforeAll
    static void quietLogs() {
        Logger.getLogger(OrderEndpoint.class.getName()).setLevel(Level.OFF);
    }

    private static JsonNode vector(String name) {
        for (JsonNode vector : VECTORS) {
            if (vector.get("name").asString().equals(name)) {
                return vector;
            }
        }
        throw new AssertionError("no vector " + name);
    }

    private static byte[] body(JsonNode vector) {
        return vector.get("body_base64").isNull()
                ? new byte[0]
                : Base64.getDecoder().decode(vector.get("body_base64").asString());
    }

    private static Map<String, String> headers(JsonNode vector, String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        vector.get("headers")
                .properties()
                .forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return headers;
    }

    private static OrderEndpoint endpointFor(JsonNode vector) {
        List<String> secrets = new ArrayList<>();
        vector.get("secrets").forEach(s -> secrets.add(s.asString()));
        return new OrderEndpoint(
                SignatureVerifier.of(Scheme.fromWireName(vector.get("scheme").asString()), secrets)
                        .withClock(InstantSource.fixed(
                                Instant.ofEpochSecond(vector.get("now").asLong()))),
                TOKEN);
    }

    private static OrderEndpoint.Reply call(JsonNode vector, String authorization) {
        return endpointFor(vector)
                .handle(
                        vector.get("method").asString(),
                        vector.get("target").asString(),
                        HeaderSource.of(headers(vector, authorization)),
                        body(vector));
    }

    @Test
    void anEnvelopePostGetsTheOrderWithAHint() {
        OrderEndpoint.Reply reply = call(vector("toolgate/envelope"), "Bearer " + TOKEN);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body())
                .containsEntry("status", "shipped")
                .containsEntry("hint", "Tell the caller order A-1001 is shipped and should arrive Friday.");
    }

    @Test
    void argumentsModeReadsTheQueryOfAGetAndTheBodyOfAPut() {
        for (String name :
                List.of("toolgate/bodyless-get", "toolgate/trailing-newline", "standard-webhooks/envelope")) {
            assertThat(call(vector(name), "Bearer " + TOKEN).body()).as(name).containsEntry("order_id", "A-1001");
        }
    }

    @Test
    void aTamperedBodyAWrongTokenOrNoTokenGet401WithAnErrorAndAHint() {
        for (OrderEndpoint.Reply reply : List.of(
                call(vector("toolgate/tampered-body"), "Bearer " + TOKEN),
                call(vector("toolgate/envelope"), "Bearer wrong"),
                call(vector("toolgate/envelope"), null))) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.body()).containsOnlyKeys("error", "hint");
        }
    }

    @Test
    void aBodyThatIsNotAJsonObjectGets400WithAHint() {
        OrderEndpoint.Reply reply = call(vector("toolgate/empty-body"), "Bearer " + TOKEN);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).containsKey("hint");
    }

    @Test
    void theHttpServerAnswersARealRequestAndRefusesATamperedCopy() throws Exception {
        JsonNode vector = vector("toolgate/envelope");
        HttpServer server =
                OrderEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), endpointFor(vector));
        try (HttpClient client = HttpClient.newHttpClient()) {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                    + vector.get("target").asString());
            byte[] tampered = body(vector).clone();
            tampered[tampered.length - 3] ^= 1;

            HttpResponse<String> ok =
                    client.send(post(uri, vector, body(vector)), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> refused =
                    client.send(post(uri, vector, tampered), HttpResponse.BodyHandlers.ofString());

            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(ok.body()).get("hint").asString()).contains("shipped");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(refused.body()).get("error").asString()).isEqualTo("Unauthorized");
        } finally {
            server.stop(0);
        }
    }

    private static HttpRequest post(URI uri, JsonNode vector, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers(vector, "Bearer " + TOKEN).forEach(request::header);
        return request.build();
    }
}
