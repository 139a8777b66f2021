package dev.toolgate.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.toolgate.verify.HeaderSource;
import dev.toolgate.verify.Scheme;
import dev.toolgate.verify.SignatureVerificationException;
import dev.toolgate.verify.SignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A complete Toolgate tool endpoint on the JDK's HTTP server: verifies the signature with
 * {@link SignatureVerifier}, checks the bearer token, reads the arguments (envelope or arguments mode) and
 * answers {@code lookup_order} with a {@code hint}. Every failure is {@code {"error": ..., "hint": ...}},
 * never a stack trace.
 *
 * <p>Run: {@code TOOLGATE_SIGNING_SECRETS=tgsec_... TOOLGATE_BEARER_TOKEN=... java dev.toolgate.examples.OrderEndpoint}
 * (also {@code TOOLGATE_SIGNATURE_SCHEME}, {@code HOST}, {@code PORT}; see README.md).
 */
public final class OrderEndpoint implements HttpHandler {

    /** The largest body read, in bytes; a larger one is refused with 413. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private static final Logger LOG = Logger.getLogger(OrderEndpoint.class.getName());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String[]> ORDERS = Map.of(
            "A-1001", new String[] {"shipped", "Friday"},
            "A-1002", new String[] {"being packed", "next Tuesday"});
    private static final Map<String, String> UNAUTHORIZED = Map.of(
            "error", "Unauthorized", "hint", "Apologize and say you cannot look that up right now; offer a callback.");
    private static final Map<String, String> FAILED =
            Map.of("error", "Lookup failed", "hint", "Apologize and offer a callback.");

    /**
     * An answer.
     *
     * @param status the HTTP status
     * @param body the JSON object sent back, always with a {@code hint}
     */
    public record Reply(int status, Map<String, String> body) {}

    private final SignatureVerifier verifier;
    private final byte[] expectedAuthorization;

    /**
     * @param verifier the tool's verifier (scheme, secrets, tolerance, clock)
     * @param bearerToken the token the tool's {@code auth} sends as {@code Authorization: Bearer <token>}
     */
    public OrderEndpoint(SignatureVerifier verifier, String bearerToken) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.expectedAuthorization = sha256("Bearer " + Objects.requireNonNull(bearerToken, "bearerToken"));
    }

    /**
     * Handles one request.
     *
     * @param method the request method
     * @param target the raw request target, path and query, still percent-encoded
     * @param headers the request headers
     * @param body the raw body (empty without one)
     * @return the answer
     */
    public Reply handle(String method, String target, HeaderSource headers, byte[] body) {
        boolean bodyless = SignatureVerifier.signsTarget(method);
        try {
            if (bodyless) {
                verifier.verify(method, target, headers);
            } else {
                verifier.verify(body, headers);
            }
        } catch (SignatureVerificationException e) {
            LOG.warning("signature rejected: " + e.reason() + ": " + e.getMessage());
            return new Reply(401, UNAUTHORIZED);
        }
        String authorization = headers.first("Authorization");
        if (!MessageDigest.isEqual(sha256(authorization == null ? "" : authorization), expectedAuthorization)) {
            LOG.warning("bearer token rejected");
            return new Reply(401, UNAUTHORIZED);
        }
        Map<String, String> arguments = bodyless ? queryArguments(target) : jsonArguments(body);
        if (arguments == null) {
            return new Reply(400, Map.of("error", "Bad request", "hint", "Apologize and offer a callback."));
        }
        return new Reply(200, lookupOrder(arguments.get("order_id")));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            URI uri = exchange.getRequestURI();
            String target = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
            reply = body.length > MAX_BODY_BYTES
                    ? new Reply(413, FAILED)
                    : handle(exchange.getRequestMethod(), target, exchange.getRequestHeaders()::getFirst, body);
        } catch (RuntimeException e) {
            LOG.severe("handler failed: " + e);
            reply = new Reply(500, FAILED);
        }
        byte[] json = JSON.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    /** The envelope's {@code arguments}, or the body itself in arguments mode; null if not a JSON object. */
    private static Map<String, String> jsonArguments(byte[] body) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
        if (parsed == null || !parsed.isObject()) {
            return null;
        }
        boolean envelope = parsed.path("tool").isString()
                && parsed.path("invocation_id").isString()
                && parsed.path("arguments").isObject();
        Map<String, String> arguments = new LinkedHashMap<>();
        (envelope ? parsed.get("arguments") : parsed).properties().forEach(e -> {
            if (e.getValue().isString()) {
                arguments.put(e.getKey(), e.getValue().asString());
            }
        });
        return arguments;
    }

    private static Map<String, String> queryArguments(String target) {
        Map<String, String> arguments = new LinkedHashMap<>();
        int question = target.indexOf('?');
        if (question >= 0) {
            for (String pair : target.substring(question + 1).split("&")) {
                String[] parts = pair.split("=", 2);
                arguments.putIfAbsent(
                        URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        return arguments;
    }

    private static Map<String, String> lookupOrder(String orderId) {
        String id = orderId == null ? "" : orderId.strip().toUpperCase(Locale.ROOT);
        if (id.isEmpty()) {
            return Map.of(
                    "error",
                    "Missing order number",
                    "hint",
                    "Ask the caller for their order number; it starts with A.");
        }
        String[] order = ORDERS.get(id);
        if (order == null) {
            return Map.of(
                    "error",
                    "Order not found",
                    "hint",
                    "Ask the caller to read the order number again, one character at a time.");
        }
        Map<String, String> reply = new LinkedHashMap<>();
        reply.put("order_id", id);
        reply.put("status", order[0]);
        reply.put("eta", order[1]);
        reply.put("hint", "Tell the caller order " + id + " is " + order[0] + " and should arrive " + order[1] + ".");
        return reply;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
    }

    /**
     * Starts an HTTP server for {@code endpoint} on {@code address}; the caller stops it.
     *
     * @param address where to listen, e.g. 127.0.0.1:8080 (port 0 picks a free one)
     * @param endpoint the endpoint
     * @return the running server
     * @throws IOException if the address cannot be bound
     */
    public static HttpServer start(InetSocketAddress address, OrderEndpoint endpoint) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        server.createContext("/", endpoint);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return server;
    }

    /**
     * Reads the configuration from the environment and serves until killed.
     *
     * @param args ignored
     * @throws IOException if the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> env = System.getenv();
        List<String> secrets = Arrays.stream(
                        env.getOrDefault("TOOLGATE_SIGNING_SECRETS", "").split("[\\s,]+"))
                .filter(s -> !s.isEmpty())
                .toList();
        String token = env.getOrDefault("TOOLGATE_BEARER_TOKEN", "");
        if (secrets.isEmpty() || token.isEmpty()) {
            System.err.println("set TOOLGATE_SIGNING_SECRETS and TOOLGATE_BEARER_TOKEN");
            System.exit(2);
        }
        Scheme scheme = Scheme.fromWireName(env.getOrDefault("TOOLGATE_SIGNATURE_SCHEME", "toolgate"));
        String host = env.getOrDefault("HOST", "127.0.0.1");
        int port = Integer.parseInt(env.getOrDefault("PORT", "8080"));
        start(new InetSocketAddress(host, port), new OrderEndpoint(SignatureVerifier.of(scheme, secrets), token));
        System.out.println("listening on http://" + host + ":" + port);
    }
}
