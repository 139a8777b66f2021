package dev.toolgate.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.server.ToolgateApplication;
import dev.toolgate.server.tenant.ApiKeyService;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The service refuses to start with a master key that cannot decrypt the secrets already stored. */
class MasterKeyStartupIntegrationTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String masterKey) {
        return new SpringApplicationBuilder(ToolgateApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--toolgate.data-dir=" + dataDir,
                        "--toolgate.bootstrap-api-key=tg_test_startup_admin_key_0123456789",
                        "--toolgate.master-key=" + masterKey);
    }

    @Test
    void aDifferentMasterKeyStopsTheServiceAndTheRightOneStillDecrypts() {
        String right = SecretCipher.generateKeysetJson();
        try (ConfigurableApplicationContext context = start(right)) {
            context.getBean(TenantSecretStore.class).put(ApiKeyService.DEFAULT_TENANT_ID, "crm", "kept-value");
        }

        assertThatThrownBy(() -> start(SecretCipher.generateKeysetJson()).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be decrypted with the master key from TOOLGATE_MASTER_KEY")
                .hasMessageNotContaining("kept-value");
        try (ConfigurableApplicationContext context = start(right)) {
            assertThat(context.getBean(TenantSecretStore.class).resolve(ApiKeyService.DEFAULT_TENANT_ID, "crm"))
                    .contains("kept-value");
        }
    }
}
