package dev.toolgate.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.server.ToolgateMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KeygenCommandTest {

    @TempDir
    Path dataDir;

    private String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(new ToolgateMain()).execute(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void printsAFreshUsableMasterKeyAsOneBase64LineOrAsJson() {
        String base64 = run("keygen");
        String json = run("keygen", "--json");
        String binding = SecretCipher.tenantSecret(UUID.randomUUID(), "crm");

        assertThat(base64).matches("[A-Za-z0-9+/=]+");
        assertThat(json).startsWith("{");
        assertThat(run("keygen")).isNotEqualTo(base64);
        SecretCipher fromBase64 = MasterKeyLoader.load(base64, "jdbc:postgresql://127.0.0.1:5432/test", dataDir);
        assertThat(fromBase64.decrypt(fromBase64.encrypt("v", binding), binding))
                .isEqualTo("v");
        SecretCipher fromJson = MasterKeyLoader.load(json, null, dataDir);
        assertThat(fromJson.decrypt(fromJson.encrypt("v", binding), binding)).isEqualTo("v");
    }
}
