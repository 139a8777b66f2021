package dev.toolgate.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * Real TLS on loopback for tests: a test CA of its own and a server certificate it signed for {@code 127.0.0.1},
 * {@code localhost} and any further names, valid for one day. The client under test trusts {@link #caCertificate()}
 * (or the PEM file of {@link #writeCaPem()}, for {@code toolgate.egress.extra-ca}); {@link #startServer()} starts a
 * MockWebServer on 127.0.0.1 only, so no test dials off the machine. Two instances never trust each other, which
 * makes a second one the "untrusted CA" of a test.
 */
public final class LoopbackTls {

    /** 127.0.0.1, the only address {@link #startServer()} listens on. */
    public static final InetAddress LOOPBACK = loopback();

    private final HeldCertificate ca;
    private final HeldCertificate server;
    private final HandshakeCertificates serverCertificates;

    private LoopbackTls(String caName, List<String> names) {
        this.ca = new HeldCertificate.Builder()
                .certificateAuthority(0)
                .commonName(caName)
                .duration(1, TimeUnit.DAYS)
                .build();
        HeldCertificate.Builder leaf = new HeldCertificate.Builder()
                .commonName(names.isEmpty() ? "localhost" : names.get(0))
                .addSubjectAlternativeName("127.0.0.1")
                .addSubjectAlternativeName("localhost")
                .duration(1, TimeUnit.DAYS)
                .signedBy(ca);
        names.forEach(leaf::addSubjectAlternativeName);
        this.server = leaf.build();
        this.serverCertificates = new HandshakeCertificates.Builder()
                .heldCertificate(server, ca.certificate())
                .build();
    }

    /**
     * A new CA named {@code caName} and a server certificate for 127.0.0.1, localhost and {@code extraNames}.
     *
     * @param caName the CA's common name, shown in handshake errors
     * @param extraNames further DNS names the server certificate is valid for (its common name is the first)
     */
    public static LoopbackTls create(String caName, String... extraNames) {
        return new LoopbackTls(caName, List.of(extraNames));
    }

    /** The test CA, e.g. to sign a further certificate. */
    public HeldCertificate ca() {
        return ca;
    }

    /** The certificate the client under test must trust. */
    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** The server side of a handshake: the server certificate with its chain. */
    public HandshakeCertificates serverCertificates() {
        return serverCertificates;
    }

    /** Writes the CA certificate as PEM to a new temporary file (deleted when the JVM exits) and returns it. */
    public Path writeCaPem() {
        try {
            Path pem = Files.createTempFile("toolgate-test-ca", ".pem");
            pem.toFile().deleteOnExit();
            Files.writeString(pem, ca.certificatePem());
            return pem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A MockWebServer presenting the server certificate over TLS, not started yet (so that a test can still set its
     * protocols or dispatcher). Start it on a loopback address only, e.g. {@code start(LoopbackTls.LOOPBACK, 0)}.
     */
    public MockWebServer newServer() {
        MockWebServer mock = new MockWebServer();
        mock.useHttps(serverCertificates.sslSocketFactory());
        return mock;
    }

    /** Starts {@link #newServer()} on 127.0.0.1 and a free port. */
    public MockWebServer startServer() throws IOException {
        MockWebServer mock = newServer();
        mock.start(LOOPBACK, 0);
        return mock;
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
