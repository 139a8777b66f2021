package dev.toolgate.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String SECRET = "crm-token-Zx81!é";
    private final SecretCipher cipher = SecretCipher.fromKeysetJson(SecretCipher.generateKeysetJson(), "test key");

    @Test
    void roundTripsAndNeverWritesThePlaintext() {
        UUID toolId = UUID.randomUUID();

        String first = cipher.encrypt(SECRET, SecretCipher.toolAuth(toolId));
        String second = cipher.encrypt(SECRET, SecretCipher.toolAuth(toolId));

        assertThat(first).startsWith(SecretCipher.PREFIX).doesNotContain(SECRET).isNotEqualTo(second);
        assertThat(new String(
                        Base64.getDecoder().decode(first.substring(SecretCipher.PREFIX.length())),
                        java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("crm-token");
        assertThat(cipher.decrypt(first, SecretCipher.toolAuth(toolId))).isEqualTo(SECRET);
        assertThat(cipher.decrypt(second, SecretCipher.toolAuth(toolId))).isEqualTo(SECRET);
    }

    @Test
    void aCiphertextMovedToAnotherRowOrTenantDoesNotDecrypt() {
        UUID tenant = UUID.randomUUID();
        UUID toolA = UUID.randomUUID();
        UUID toolB = UUID.randomUUID();
        String auth = cipher.encrypt(SECRET, SecretCipher.toolAuth(toolA));
        String tenantSecret = cipher.encrypt(SECRET, SecretCipher.tenantSecret(tenant, "crm"));

        assertThatThrownBy(() -> cipher.decrypt(auth, SecretCipher.toolAuth(toolB)))
                .isInstanceOf(SecretCipherException.class)
                .hasMessageContaining("tool-auth:" + toolB)
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> cipher.decrypt(auth, SecretCipher.signingSecret(toolA, UUID.randomUUID())))
                .isInstanceOf(SecretCipherException.class);
        assertThatThrownBy(() -> cipher.decrypt(tenantSecret, SecretCipher.tenantSecret(UUID.randomUUID(), "crm")))
                .isInstanceOf(SecretCipherException.class);
        assertThatThrownBy(() -> cipher.decrypt(tenantSecret, SecretCipher.tenantSecret(tenant, "crm2")))
                .isInstanceOf(SecretCipherException.class);
    }

    @Test
    void anAlteredCiphertextAnotherKeyOrPlaintextIsRefused() {
        String binding = SecretCipher.tenantSecret(UUID.randomUUID(), "crm");
        String sealed = cipher.encrypt(SECRET, binding);
        byte[] raw = Base64.getDecoder().decode(sealed.substring(SecretCipher.PREFIX.length()));
        raw[raw.length - 1] ^= 1;
        String altered = SecretCipher.PREFIX + Base64.getEncoder().encodeToString(raw);
        SecretCipher otherKey = SecretCipher.fromKeysetJson(SecretCipher.generateKeysetJson(), "other key");

        assertThatThrownBy(() -> cipher.decrypt(altered, binding)).isInstanceOf(SecretCipherException.class);
        assertThatThrownBy(() -> otherKey.decrypt(sealed, binding))
                .isInstanceOf(SecretCipherException.class)
                .hasMessageContaining("other key");
        assertThatThrownBy(() -> cipher.decrypt(SECRET, binding))
                .isInstanceOf(SecretCipherException.class)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aKeysetWithANewPrimaryKeyStillDecryptsWhatTheOldKeyWrote() throws Exception {
        String binding = SecretCipher.toolAuth(UUID.randomUUID());
        String oldJson = SecretCipher.generateKeysetJson();
        String written = SecretCipher.fromKeysetJson(oldJson, "old").encrypt(SECRET, binding);
        KeysetHandle old = TinkJsonProtoKeysetFormat.parseKeyset(oldJson, InsecureSecretKeyAccess.get());
        KeysetHandle rotated = KeysetHandle.newBuilder(old)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId()
                        .makePrimary())
                .build();
        SecretCipher both = SecretCipher.fromKeysetJson(
                TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get()), "rotated");

        assertThat(both.decrypt(written, binding)).isEqualTo(SECRET);
        assertThatThrownBy(() ->
                        SecretCipher.fromKeysetJson(oldJson, "old").decrypt(both.encrypt(SECRET, binding), binding))
                .isInstanceOf(SecretCipherException.class);
    }

    @Test
    void rejectsTextThatIsNotAKeysetWithoutQuotingIt() {
        assertThatThrownBy(
                        () -> SecretCipher.fromKeysetJson("{\"primaryKeyId\": \"hunter2-key\"}", "TOOLGATE_MASTER_KEY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TOOLGATE_MASTER_KEY")
                .hasMessageNotContaining("hunter2");
    }
}
