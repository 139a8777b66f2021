package dev.toolgate.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyLoaderTest {

    private static final String BINDING = "tenant-secret:test:crm";

    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedDefaultCreatesAnOwnerOnlyKeysetFileOnceAndReusesIt() throws Exception {
        SecretCipher first = MasterKeyLoader.load(null, null, dataDir);
        Path file = dataDir.resolve(MasterKeyLoader.KEYSET_FILE);
        String written = Files.readString(file);
        String sealed = first.encrypt("s3cret", BINDING);

        SecretCipher second = MasterKeyLoader.load("", "", dataDir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo(written);
        assertThat(second.decrypt(sealed, BINDING)).isEqualTo("s3cret");
        assertThat(second.keySource()).contains(file.toString());
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactly(MasterKeyLoader.KEYSET_FILE);
        }
    }

    @Test
    void theMasterKeySettingTakesJsonOrBase64AndWinsOverTheFile() {
        String json = SecretCipher.generateKeysetJson();
        String base64 = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        String sealed = MasterKeyLoader.load(json, null, dataDir).encrypt("s3cret", BINDING);

        SecretCipher fromBase64 = MasterKeyLoader.load(base64, "jdbc:postgresql://127.0.0.1:5432/test", dataDir);

        assertThat(fromBase64.decrypt(sealed, BINDING)).isEqualTo("s3cret");
        assertThat(fromBase64.keySource()).isEqualTo("TOOLGATE_MASTER_KEY");
        assertThat(Files.exists(dataDir.resolve(MasterKeyLoader.KEYSET_FILE))).isFalse();
    }

    @Test
    void anExternalDatabaseWithoutAMasterKeyRefusesToStart() {
        assertThatThrownBy(() -> MasterKeyLoader.load(null, "jdbc:postgresql://127.0.0.1:5432/test", dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TOOLGATE_MASTER_KEY")
                .hasMessageContaining("TOOLGATE_DB_URL");
        assertThat(Files.exists(dataDir.resolve(MasterKeyLoader.KEYSET_FILE))).isFalse();
    }

    @Test
    void aMasterKeyThatIsNotAKeysetIsRefusedWithoutQuotingIt() {
        String notAKeyset = Base64.getEncoder().encodeToString("{\"key\": \"top-secret-material\"}".getBytes());

        assertThatThrownBy(() -> MasterKeyLoader.load(notAKeyset, null, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keygen")
                .hasMessageNotContaining("top-secret-material")
                .hasMessageNotContaining(notAKeyset);
    }

    @Test
    void aDamagedKeysetFileIsRefusedNotReplaced() throws Exception {
        Path file = dataDir.resolve(MasterKeyLoader.KEYSET_FILE);
        Files.writeString(file, "{\"damaged\": true}");

        assertThatThrownBy(() -> MasterKeyLoader.load(null, null, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString());
        assertThat(Files.readString(file)).isEqualTo("{\"damaged\": true}");
    }
}
