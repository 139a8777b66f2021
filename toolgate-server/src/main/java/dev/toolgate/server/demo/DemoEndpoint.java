package dev.toolgate.server.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.toolgate.verify.HeaderSource;
import dev.toolgate.verify.Scheme;
import dev.toolgate.verify.SignatureVerificationException;
import dev.toolgate.verify.SignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * The demo's tenant endpoint: a JDK HTTPS server on loopback that checks the bearer token and the
 * {@code X-Toolgate-Signature} of every request with {@code toolgate-verify}, the library a tenant's Java endpoint
 * uses (Toolgate scheme: {@code t=<ts>,v1=<hex>} over {@code <ts>.<rawBody>}, or {@code <ts>.<METHOD> <target>}
 * without a body; ±300 s), counts the outcomes, and answers a small JSON body with a {@code hint} as
 * docs/best-practices.md recommends. Requests go to {@code /tools/<tool name>}; {@link #register} tells it each tool's
 * secret and token.
 */
public final class DemoEndpoint implements AutoCloseable {

    private final HttpsServer server;
    private final Map<String, Credentials> credentials = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong verified = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong unsigned = new AtomicLong();

    private record Credentials(SignatureVerifier verifier, String bearerToken) {
        @Override
        public String toString() {
            return "Credentials[***]";
        }
    }

    /** Counts of what the endpoint saw: every request, signatures verified, rejected, and requests with no signature. */
    public record Stats(long requests, long verified, long rejected, long unsigned) {}

    /**
     * Starts the endpoint on {@code 127.0.0.1} and an ephemeral port.
     *
     * @param sslContext the server's TLS context (certificate for 127.0.0.1 signed by the demo CA)
     * @throws IOException if the port cannot be bound
     */
    public DemoEndpoint(SSLContext sslContext) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setHttpsConfigurator(new HttpsConfigurator(sslContext));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/tools/", this::handle);
        server.start();
    }

    /** Returns the bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Tells the endpoint the signing secret and bearer token of {@code toolName}. */
    public void register(String toolName, String signingSecret, String bearerToken) {
        credentials.put(
                toolName, new Credentials(SignatureVerifier.of(Scheme.TOOLGATE, List.of(signingSecret)), bearerToken));
    }

    /** Returns the counts so far. */
    public Stats stats() {
        return new Stats(requests.get(), verified.get(), rejected.get(), unsigned.get());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            requests.incrementAndGet();
            byte[] body = in.readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            String tool = path.substring("/tools/".length());
            Credentials creds = credentials.get(tool);
            String signature = exchange.getRequestHeaders().getFirst("X-Toolgate-Signature");
            if (signature == null) {
                unsigned.incrementAndGet();
                respond(exchange, 401, "{\"error\":\"Unsigned request\",\"hint\":\"Apologize and offer a callback.\"}");
                return;
            }
            String target = exchange.getRequestURI().getRawQuery() == null
                    ? path
                    : path + "?" + exchange.getRequestURI().getRawQuery();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (creds == null
                    || !verified(creds.verifier(), exchange, body, target)
                    || !("Bearer " + creds.bearerToken()).equals(auth)) {
                rejected.incrementAndGet();
                respond(
                        exchange,
                        401,
                        "{\"error\":\"Signature verification failed\",\"hint\":\"Apologize and offer a callback.\"}");
                return;
            }
            verified.incrementAndGet();
            respond(
                    exchange,
                    200,
                    "{\"ok\":true,\"tool\":\"" + tool + "\",\"result\":\"Request received and verified."
                            + "\",\"received_bytes\":" + body.length
                            + ",\"hint\":\"Tell the caller the request went through and ask"
                            + " if there is anything else.\"}");
        }
    }

    /** Verifies with toolgate-verify, the library a tenant's Java endpoint uses (a bodyless request signs its target). */
    private static boolean verified(SignatureVerifier verifier, HttpExchange exchange, byte[] body, String target) {
        HeaderSource headers = exchange.getRequestHeaders()::getFirst;
        String method = exchange.getRequestMethod();
        try {
            if (SignatureVerifier.signsTarget(method)) {
                verifier.verify(method, target, headers);
            } else {
                verifier.verify(body, headers);
            }
            return true;
        } catch (SignatureVerificationException e) {
            return false;
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Stops the server at once. */
    @Override
    public void close() {
        server.stop(0);
    }
}
