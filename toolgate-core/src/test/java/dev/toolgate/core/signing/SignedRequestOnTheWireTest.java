package dev.toolgate.core.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.render.CallContext;
import dev.toolgate.core.render.RenderedRequest;
import dev.toolgate.core.render.RequestRenderer;
import dev.toolgate.core.render.SecretResolver;
import dev.toolgate.core.tool.BodyMode;
import dev.toolgate.core.tool.HttpMethod;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.SignatureScheme;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinition;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.SocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders, signs and sends requests to a loopback MockWebServer, then verifies the signature from what
 * arrived: the bytes signed must be the bytes on the wire (body, or request-line target for GET/DELETE).
 */
class SignedRequestOnTheWireTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID AGENT = UUID.randomUUID();
    private static final SigningSecret SECRET = SigningSecret.generate(SignatureScheme.TOOLGATE);
    private static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");

    private MockWebServer server;
    private OkHttpClient client;

    @BeforeEach
    void startLoopbackServer() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        client = new OkHttpClient.Builder()
                .dns(hostname -> {
                    throw new UnknownHostException("tests do no DNS lookups: " + hostname);
                })
                .socketFactory(new LoopbackOnlySocketFactory())
                .followRedirects(false)
                .build();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(HttpMethod.class)
    void signatureVerifiesAgainstWhatArrives(HttpMethod method) throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        String url = "http://127.0.0.1:" + server.getPort() + "/v1/orders?source=voice agent";
        Tool tool = new Tool(
                UUID.randomUUID(),
                TENANT,
                AGENT,
                ToolDefinition.builder(
                                "place_order",
                                "Places an order.",
                                MAPPER.readTree("{\"type\":\"object\"}"),
                                HttpRequestConfig.builder(url, Duration.ofSeconds(5), 65_536)
                                        .method(method)
                                        .bodyMode(BodyMode.ARGUMENTS)
                                        .speakAfterExecution(false)
                                        .build())
                        .build(),
                NOW,
                NOW);
        ObjectNode arguments = (ObjectNode) MAPPER.readTree(
                "{\"dish\": \"Crème brûlée\", \"qty\": 2, \"notes\": \"a&b=c/d?e\", \"tags\": [\"x y\"]}");
        RenderedRequest rendered = new RequestRenderer(SecretResolver.NONE, "Toolgate/0.1.0")
                .render(tool, arguments, new CallContext("call_1", null, TENANT, AGENT, Map.of()), "inv_1", NOW);
        RenderedRequest signed =
                RequestSigner.sign(rendered, SignatureScheme.TOOLGATE, List.of(SECRET), NOW.getEpochSecond(), "inv_1");

        try (Response response = client.newCall(toOkHttp(signed)).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
        RecordedRequest received = server.takeRequest();

        String header = received.getHeaders().get("X-Toolgate-Signature");
        String timestamp = header.substring(2, header.indexOf(','));
        byte[] payload = method.sendsArgumentsAsBody()
                ? received.getBody().toByteArray()
                : (received.getMethod() + " " + received.getTarget()).getBytes(StandardCharsets.UTF_8);
        assertThat(timestamp).isEqualTo(received.getHeaders().get("X-Toolgate-Timestamp"));
        assertThat(header).isEqualTo("t=" + timestamp + ",v1=" + hmacHex(timestamp + ".", payload));
    }

    private static Request toOkHttp(RenderedRequest signed) {
        RequestBody body = signed.body() == null
                ? null
                : RequestBody.create(signed.body(), okhttp3.MediaType.get(signed.contentType()));
        return new Request.Builder()
                .url(signed.url())
                .headers(signed.headers())
                .method(signed.method().name(), body)
                .build();
    }

    /** Verifies as a tenant would: HMAC-SHA256 keyed by the UTF-8 bytes of the whole secret. */
    private static String hmacHex(String prefix, byte[] payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(prefix.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(payload));
    }

    /** Refuses to connect anywhere but loopback, so a test bug cannot reach the network. */
    private static final class LoopbackOnlySocketFactory extends SocketFactory {
        @Override
        public Socket createSocket() {
            return new Socket() {
                @Override
                public void connect(SocketAddress endpoint, int timeout) throws IOException {
                    if (!(endpoint instanceof InetSocketAddress address)
                            || address.getAddress() == null
                            || !address.getAddress().isLoopbackAddress()) {
                        throw new IOException("test refuses a non-loopback connection to " + endpoint);
                    }
                    super.connect(endpoint, timeout);
                }
            };
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException("connected sockets are not used");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            throw new UnsupportedOperationException("connected sockets are not used");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException("connected sockets are not used");
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            throw new UnsupportedOperationException("connected sockets are not used");
        }
    }
}
