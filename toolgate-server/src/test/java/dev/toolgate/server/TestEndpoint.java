package dev.toolgate.server;

import dev.toolgate.testkit.LoopbackTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tenant endpoint for server tests: a loopback MockWebServer over real TLS, its certificate signed by a test
 * CA written to a PEM file that the gateway trusts through {@code toolgate.egress.extra-ca}.
 */
final class TestEndpoint {

    private static final LoopbackTls TLS = LoopbackTls.create("test CA");
    static final MockWebServer SERVER;
    static final Path CA_PEM = TLS.writeCaPem();

    static {
        try {
            SERVER = TLS.startServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestEndpoint() {}

    /** Drops the requests the endpoint received so far (left over by earlier tests). */
    static void dropReceived() throws InterruptedException {
        while (SERVER.takeRequest(1, TimeUnit.MILLISECONDS) != null) {
            // dropped
        }
    }

    /**
     * An answer that echoes the whole request, as debugging endpoints and many error pages do: the request line
     * as received, the headers, the body, each query parameter decoded and form-encoded, and all of it again as a
     * JSON document (so JSON-escaped). With {@code html}, a 401 error page showing that text HTML-escaped; else a
     * 200 {@code text/plain} answer.
     */
    static MockResponse echo(RecordedRequest request, boolean html) {
        StringBuilder text = new StringBuilder(request.getRequestLine()).append('\n');
        ObjectNode json =
                ApiClient.JSON.createObjectNode().put("url", request.getUrl().toString());
        ObjectNode headers = json.putObject("headers");
        request.getHeaders().forEach(h -> {
            text.append(h.getFirst()).append(": ").append(h.getSecond()).append('\n');
            headers.put(h.getFirst(), h.getSecond());
        });
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        text.append(body).append('\n');
        json.put("body", body);
        for (String name : request.getUrl().queryParameterNames()) {
            String value = request.getUrl().queryParameter(name);
            text.append("decoded ").append(name).append('=').append(value).append('\n');
            json.put("decoded_" + name, value);
            text.append("form ").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            text.append('\n');
        }
        text.append(ApiClient.JSON.writeValueAsString(json));
        if (!html) {
            return new MockResponse.Builder()
                    .addHeader("Content-Type", "text/plain; charset=utf-8")
                    .body(text.toString())
                    .build();
        }
        String escaped = text.toString()
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
        return new MockResponse.Builder()
                .code(401)
                .addHeader("Content-Type", "text/html; charset=utf-8")
                .body("<html><body><h1>401 Unauthorized</h1><pre>" + escaped + "</pre></body></html>")
                .build();
    }

    /** Returns {@code https://127.0.0.1:<port><path>}. */
    static String url(String path) {
        return "https://127.0.0.1:" + SERVER.getPort() + path;
    }
}
