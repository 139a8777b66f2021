package dev.toolgate.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.server.cli.ToolgateMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

class KeygenCommandTest {

    @TempDir
    Path dataDir;

    private String run(String... args) {
        return runExpecting(0, args);
    }

    private String runExpecting(int exitCode, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(new ToolgateMain()).execute(args)).isEqualTo(exitCode);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).strip();
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dataDir.resolve(name), content);
    }

    @Test
    void rotateAddsANewPrimaryKeyAndKeepsTheOldOneDecrypting() throws IOException {
        String old = run("keygen", "--json");
        SecretCipher oldCipher = SecretCipher.fromKeysetJson(old, "old");
        String binding = SecretCipher.tenantSecret(UUID.randomUUID(), "crm");
        String written = oldCipher.encrypt("kept", binding);

        String rotated = run("keygen", "--rotate", file("old.json", old).toString(), "--json");
        SecretCipher cipher = SecretCipher.fromKeysetJson(rotated, "rotated");
        String rotatedFromBase64 = run(
                "keygen",
                "--rotate",
                file("old.b64", Base64.getEncoder().encodeToString(old.getBytes()))
                        .toString());

        assertThat(cipher.primaryKeyId()).isNotEqualTo(oldCipher.primaryKeyId());
        assertThat(cipher.decrypt(written, binding)).isEqualTo("kept");
        assertThat(cipher.needsReencryption(written)).isTrue();
        assertThat(cipher.needsReencryption(cipher.encrypt("new", binding))).isFalse();
        assertThat(oldCipher.needsReencryption(written)).isFalse();
        assertThat(rotatedFromBase64).matches("[A-Za-z0-9+/=]+");
        assertThat(MasterKeyLoader.load(rotatedFromBase64, null, dataDir).decrypt(written, binding))
                .isEqualTo("kept");
    }

    @Test
    void stageAddsAKeyBesideThePrimaryAndPromoteMakesItThePrimary() throws IOException {
        String old = run("keygen", "--json");
        int oldPrimary = SecretCipher.fromKeysetJson(old, "old").primaryKeyId();

        String staged = run("keygen", "--stage", file("old.json", old).toString(), "--json");
        List<Long> ids = new ArrayList<>();
        JsonMapper.builder()
                .build()
                .readTree(staged)
                .get("key")
                .forEach(key -> ids.add(key.get("keyId").asLong()));
        long added = ids.stream()
                .filter(id -> id != Integer.toUnsignedLong(oldPrimary))
                .findFirst()
                .orElseThrow();
        String promoted = run(
                "keygen",
                "--promote",
                file("staged.json", staged).toString(),
                "--key-id",
                Long.toString(added),
                "--json");

        assertThat(ids).hasSize(2);
        assertThat(SecretCipher.fromKeysetJson(staged, "staged").primaryKeyId()).isEqualTo(oldPrimary);
        assertThat(Integer.toUnsignedLong(
                        SecretCipher.fromKeysetJson(promoted, "promoted").primaryKeyId()))
                .isEqualTo(added);
    }

    @Test
    void aFileThatIsNoKeysetOrAnUnknownKeyIdFailsWithExitCode1() throws IOException {
        String old = run("keygen", "--json");

        assertThat(runExpecting(
                        1,
                        "keygen",
                        "--rotate",
                        file("bad.txt", "not a keyset!").toString()))
                .isEmpty();
        assertThat(runExpecting(
                        1, "keygen", "--rotate", dataDir.resolve("missing.json").toString()))
                .isEmpty();
        assertThat(runExpecting(1, "keygen", "--promote", file("k.json", old).toString(), "--key-id", "12345"))
                .isEmpty();
        assertThat(runExpecting(1, "keygen", "--promote", file("k2.json", old).toString()))
                .isEmpty();
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
