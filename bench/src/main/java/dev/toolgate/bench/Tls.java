package dev.toolgate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * The benchmark's TLS material, made fresh for every run: a CA and one server certificate for {@code 127.0.0.1}
 * and {@code localhost} (ECDSA P-256, okhttp-tls's default), shared by the tenant endpoint and nginx, written as
 * PEM files into the run's folder.
 *
 * @param ca the certificate authority that every client trusts
 * @param server the server certificate with its private key
 * @param caPem the CA certificate as a PEM file (Toolgate's {@code TOOLGATE_EGRESS_EXTRA_CA}, nginx's upstream trust)
 * @param serverPem the server certificate followed by its PKCS#8 private key, as PEM (read by the endpoint)
 * @param serverCertPem the server certificate alone, as PEM (nginx {@code ssl_certificate})
 * @param serverKeyPem the server's private key alone, as PKCS#8 PEM (nginx {@code ssl_certificate_key})
 */
public record Tls(
        HeldCertificate ca, HeldCertificate server, Path caPem, Path serverPem, Path serverCertPem, Path serverKeyPem) {

    /**
     * Generates the CA and the server certificate (valid one day) and writes the PEM files into {@code dir}.
     *
     * @throws UncheckedIOException if a file cannot be written
     */
    public static Tls generate(Path dir) {
        HeldCertificate ca = new HeldCertificate.Builder()
                .certificateAuthority(0)
                .commonName("toolgate bench CA")
                .duration(1, TimeUnit.DAYS)
                .build();
        HeldCertificate server = new HeldCertificate.Builder()
                .signedBy(ca)
                .commonName("localhost")
                .addSubjectAlternativeName("127.0.0.1")
                .addSubjectAlternativeName("localhost")
                .duration(1, TimeUnit.DAYS)
                .build();
        try {
            Path caPem = Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
            Path serverPem =
                    Files.writeString(dir.resolve("server.pem"), server.certificatePem() + server.privateKeyPkcs8Pem());
            Path certPem = Files.writeString(dir.resolve("server-cert.pem"), server.certificatePem());
            Path keyPem = Files.writeString(dir.resolve("server-key.pem"), server.privateKeyPkcs8Pem());
            return new Tls(ca, server, caPem, serverPem, certPem, keyPem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns client-side trust: the platform CAs are not needed, only the bench CA. */
    public HandshakeCertificates clientTrust() {
        return new HandshakeCertificates.Builder()
                .addTrustedCertificate(ca.certificate())
                .build();
    }
}
