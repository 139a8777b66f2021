package dev.toolgate.core.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsToTenSecondsAnd64KiB() {
        ExecutorConfig config = ExecutorConfig.ofDefaults();

        assertThat(config.maxBudget()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.maxResponseBytes()).isEqualTo(65_536);
        assertThat(config.extraTrustedCertificates()).isEmpty();
        assertThat(config.userAgent()).isEqualTo("Toolgate/0.1.0");
    }

    @Test
    void rejectsOutOfRangeValuesNamingTheValue() {
        assertThatThrownBy(
                        () -> ExecutorConfig.builder().maxBudget(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBudget");
        assertThatThrownBy(() -> ExecutorConfig.builder().maxResponseBytes(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxResponseBytes");
        assertThatThrownBy(() -> ExecutorConfig.builder()
                        .userAgent("Toolgate\r\nX-Evil: 1")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("userAgent");
    }

    @Test
    void readsEveryCertificateOfAPemFile() throws IOException {
        HeldCertificate first = new HeldCertificate.Builder()
                .certificateAuthority(0)
                .commonName("CA one")
                .build();
        HeldCertificate second = new HeldCertificate.Builder()
                .certificateAuthority(0)
                .commonName("CA two")
                .build();
        Path pem =
                Files.writeString(dir.resolve("extra-ca.pem"), first.certificatePem() + "\n" + second.certificatePem());

        List<X509Certificate> certificates = ExecutorConfig.readPemCertificates(pem);

        assertThat(certificates).containsExactly(first.certificate(), second.certificate());
    }

    @Test
    void explainsAMissingFile() {
        Path missing = dir.resolve("nope.pem");

        assertThatThrownBy(() -> ExecutorConfig.readPemCertificates(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("cannot be read");
    }

    @Test
    void explainsAFileWithoutCertificates() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");

        assertThatThrownBy(() -> ExecutorConfig.readPemCertificates(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(empty.toString())
                .hasMessageContaining("no certificate");
    }

    @Test
    void explainsAFileThatIsNotPem() throws IOException {
        Path garbage = Files.writeString(
                dir.resolve("garbage.pem"),
                "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> ExecutorConfig.readPemCertificates(garbage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(garbage.toString())
                .hasMessageContaining("not a valid PEM file");
    }

    @Test
    void summarisesCertificatesBySubjectInToString() {
        HeldCertificate ca = new HeldCertificate.Builder()
                .certificateAuthority(0)
                .commonName("Corp Root")
                .build();

        String text = ExecutorConfig.builder()
                .extraTrustedCertificates(List.of(ca.certificate()))
                .build()
                .toString();

        assertThat(text).contains("CN=Corp Root").doesNotContain("BEGIN CERTIFICATE");
    }
}
