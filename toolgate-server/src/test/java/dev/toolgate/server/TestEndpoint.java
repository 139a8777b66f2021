package dev.toolgate.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A tenant endpoint for server tests: a loopback MockWebServer over real TLS, its certificate signed by a test
 * CA written to a PEM file that the gateway trusts through {@code toolgate.egress.extra-ca}.
 */
final class TestEndpoint {

    static final MockWebServer SERVER = new MockWebServer();
    static final Path CA_PEM;

    static {
        try {
            HeldCertificate ca = new HeldCertificate.Builder()
                    .certificateAuthority(0)
                    .commonName("test CA")
                    .duration(1, TimeUnit.DAYS)
                    .build();
            HeldCertificate cert = new HeldCertificate.Builder()
                    .signedBy(ca)
                    .addSubjectAlternativeName("127.0.0.1")
                    .addSubjectAlternativeName("localhost")
                    .duration(1, TimeUnit.DAYS)
                    .build();
            CA_PEM = Files.createTempFile("toolgate-test-ca", ".pem");
            Files.writeString(CA_PEM, ca.certificatePem());
            SERVER.useHttps(new HandshakeCertificates.Builder()
                    .heldCertificate(cert, ca.certificate())
                    .build()
                    .sslSocketFactory());
            SERVER.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
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

    /** Returns {@code https://127.0.0.1:<port><path>}. */
    static String url(String path) {
        return "https://127.0.0.1:" + SERVER.getPort() + path;
    }
}
