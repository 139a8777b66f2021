package dev.toolgate.core.exec;

import dev.toolgate.core.egress.AllowlistEntry;
import dev.toolgate.core.egress.EgressPolicy;
import dev.toolgate.core.render.RenderedRequest;
import dev.toolgate.core.tool.HttpMethod;
import dev.toolgate.testkit.LoopbackTls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockWebServer;
import okhttp3.Dns;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * Test fixture: real TLS on loopback only. A test CA signs a server certificate for {@code endpoint.toolgate.dev} and
 * {@code 127.0.0.1}; a second CA, never trusted, signs an otherwise identical certificate. The fake resolver maps
 * test names to loopback and nothing else, so no test ever dials off the machine.
 */
final class LoopbackHttps {

    static final InetAddress LOOPBACK = loopback();

    private static final LoopbackTls TRUSTED = LoopbackTls.create("Toolgate test CA", "endpoint.toolgate.dev");
    private static final LoopbackTls UNTRUSTED = LoopbackTls.create("Untrusted test CA", "endpoint.toolgate.dev");

    /** The CA the executor under test trusts (via {@link ExecutorConfig#extraTrustedCertificates()}). */
    static final HeldCertificate TRUSTED_CA = TRUSTED.ca();
    /** A CA nobody trusts. */
    static final HeldCertificate UNTRUSTED_CA = UNTRUSTED.ca();

    static final HandshakeCertificates TRUSTED_SERVER = TRUSTED.serverCertificates();
    static final HandshakeCertificates UNTRUSTED_SERVER = UNTRUSTED.serverCertificates();

    private LoopbackHttps() {}

    /** Returns a config trusting {@link #TRUSTED_CA}. */
    static ExecutorConfig.Builder trustingConfig() {
        return ExecutorConfig.builder().extraTrustedCertificates(List.of(TRUSTED_CA.certificate()));
    }

    /** Returns the policy shape the real egress policy needs to admit loopback: allowlist plus a fake resolver. */
    static EgressPolicy policy(Dns resolver) {
        return EgressPolicy.builder()
                .allowlist(AllowlistEntry.parseList("127.0.0.1/32"))
                .resolver(resolver)
                .build();
    }

    /** A resolver that knows only {@code names}, each mapped to 127.0.0.1; any other name is unknown. */
    static Dns loopbackDns(String... names) {
        Set<String> known = Set.of(names);
        return hostname -> {
            if (known.contains(hostname)) {
                return List.of(LOOPBACK);
            }
            throw new UnknownHostException(hostname);
        };
    }

    /** The default test resolver: {@code endpoint.toolgate.dev} → 127.0.0.1. */
    static Dns loopbackDns() {
        return loopbackDns("endpoint.toolgate.dev");
    }

    /** Starts an HTTP/1.1-only HTTPS server on 127.0.0.1 presenting {@code certificates}. */
    static MockWebServer startServer(HandshakeCertificates certificates) throws IOException {
        MockWebServer server = new MockWebServer();
        server.useHttps(certificates.sslSocketFactory());
        server.setProtocols(List.of(Protocol.HTTP_1_1));
        server.start(LOOPBACK, 0);
        return server;
    }

    /** Returns {@code https://<host>:<port of server><path>}. */
    static HttpUrl url(String host, MockWebServer server, String path) {
        return url(host, server.getPort(), path);
    }

    /** Returns {@code https://<host>:<port><path>}. */
    static HttpUrl url(String host, int port, String path) {
        return HttpUrl.get("https://" + host + ":" + port + path);
    }

    /** A bodyless GET without headers. */
    static RenderedRequest get(HttpUrl url) {
        return RenderedRequest.builder(HttpMethod.GET, url).build();
    }

    /** A request with the given parts. */
    static RenderedRequest request(
            HttpMethod method, HttpUrl url, Map<String, String> headers, byte[] body, String contentType) {
        return RenderedRequest.builder(method, url)
                .headers(Headers.of(headers))
                .body(body)
                .contentType(contentType)
                .build();
    }

    /** Throws a checked exception through a signature that does not declare it (a Dns may only declare UHE). */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("endpoint.toolgate.dev", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
