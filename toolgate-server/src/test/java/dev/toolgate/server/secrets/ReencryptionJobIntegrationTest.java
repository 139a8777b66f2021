package dev.toolgate.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import dev.toolgate.core.signing.SigningSecret;
import dev.toolgate.core.tool.Auth;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.ParseResult;
import dev.toolgate.core.tool.ToolDefinition;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.server.ToolgateApplication;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.tenant.ApiKeyService;
import dev.toolgate.server.tool.ToolStore;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Master-key rotation on the embedded database: rows written under key 1, a restart with the keyset {1, 2 primary}
 * re-encrypts them all under key 2 in the background (checked through the key id that starts each ciphertext),
 * resumes after being stopped midway, and afterwards key 2 alone decrypts every value.
 */
class ReencryptionJobIntegrationTest {

    static final UUID TENANT = ApiKeyService.DEFAULT_TENANT_ID;
    static final int ROWS = 10; // 3 tool auth values, 3 signing secrets, 4 tenant secrets

    @TempDir
    Path dataDir;

    /** Settings that choose the database; the embedded one here. */
    List<String> databaseSettings() {
        return List.of();
    }

    ConfigurableApplicationContext start(String keyset, String... settings) {
        List<String> args = new ArrayList<>(databaseSettings());
        args.addAll(List.of(
                "--spring.main.web-application-type=none",
                "--toolgate.data-dir=" + dataDir,
                "--toolgate.bootstrap-api-key=tg_test_reencryption_admin_key_0123456789",
                "--toolgate.master-key=" + keyset));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(ToolgateApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void rotatingTheMasterKeyReencryptsEveryRowResumablyAndValuesStillDecrypt() throws Exception {
        String keyset1 = SecretCipher.generateKeysetJson();
        MasterKeysets.Edited rotated = MasterKeysets.addKey(keyset1, true);
        int key1 = SecretCipher.fromKeysetJson(keyset1, "1").primaryKeyId();
        int key2 = rotated.primaryKeyId();
        Map<String, String> tenantSecrets = new LinkedHashMap<>();
        Map<UUID, String> authTokens = new LinkedHashMap<>();
        Map<UUID, String> signingSecrets = new LinkedHashMap<>();
        try (ConfigurableApplicationContext context = start(keyset1)) {
            write(context, tenantSecrets, authTokens, signingSecrets);
            assertThat(keyIds(context)).containsOnly(key1).hasSize(ROWS);
        }

        try (ConfigurableApplicationContext context = start(
                rotated.keysetJson(),
                "--toolgate.reencryption.batch-size=2",
                "--toolgate.reencryption.batch-pause=1m")) {
            await(context, ids -> ids.contains(key2), "the first batch");
            // the job now waits a minute before its next batch; closing the context stops it there
            List<Integer> ids = keyIds(context);
            assertThat(ids.stream().filter(id -> id == key2)).hasSize(2);
            assertThat(ids.stream().filter(id -> id == key1)).hasSize(ROWS - 2);
            // a write while the job runs goes under key 2 at once, and the job keeps it
            context.getBean(TenantSecretStore.class).put(TENANT, "secret_3", "changed-during-the-job");
            tenantSecrets.put("secret_3", "changed-during-the-job");
        }

        try (ConfigurableApplicationContext context = start(
                rotated.keysetJson(),
                "--toolgate.reencryption.batch-size=2",
                "--toolgate.reencryption.batch-pause=0s")) {
            await(context, ids -> ids.stream().allMatch(id -> id == key2), "every row under key 2");
            assertValues(context, tenantSecrets, authTokens, signingSecrets);
        }

        try (ConfigurableApplicationContext context = start(withoutKey(rotated.keysetJson(), key1))) {
            assertValues(context, tenantSecrets, authTokens, signingSecrets);
        }
    }

    private static void write(
            ConfigurableApplicationContext context,
            Map<String, String> tenantSecrets,
            Map<UUID, String> authTokens,
            Map<UUID, String> signingSecrets) {
        UUID agentId = context.getBean(AgentStore.class)
                .create(TENANT, "rotation", null)
                .id();
        ToolDefinitionParser parser = context.getBean(ToolDefinitionParser.class);
        for (int i = 0; i < 3; i++) {
            String token = "tok-" + UUID.randomUUID();
            ToolDefinition definition = ((ParseResult.Valid)
                            parser.parse(JsonMapper.builder().build().readTree("""
                                    {"name": "tool_%d", "description": "d", "tool_type": "http_request",
                                     "config": {"url": "https://api.example.com/x",
                                                "auth": {"type": "bearer", "token": "%s"}}}
                                    """.formatted(i, token))))
                    .definition();
            SigningSecret secret = SigningSecret.generate(SigningSecretStore.schemeOf(definition));
            UUID toolId = context.getBean(ToolStore.class)
                    .create(TENANT, agentId, definition, secret)
                    .id();
            authTokens.put(toolId, token);
            signingSecrets.put(toolId, secret.reveal());
        }
        for (int i = 0; i < 4; i++) {
            String value = "value-" + UUID.randomUUID();
            context.getBean(TenantSecretStore.class).put(TENANT, "secret_" + i, value);
            tenantSecrets.put("secret_" + i, value);
        }
    }

    /** The id of the key that wrote each stored ciphertext (Tink's prefix: a version byte, then the id). */
    private static List<Integer> keyIds(ConfigurableApplicationContext context) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        List<String> stored = new ArrayList<>();
        stored.addAll(
                jdbc.sql("select auth_secret from tools").query(String.class).list());
        stored.addAll(jdbc.sql("select secret from signing_secrets")
                .query(String.class)
                .list());
        stored.addAll(jdbc.sql("select ciphertext from tenant_secrets")
                .query(String.class)
                .list());
        return stored.stream()
                .map(value -> ByteBuffer.wrap(Base64.getDecoder().decode(value.substring(SecretCipher.PREFIX.length())))
                        .getInt(1))
                .toList();
    }

    private static void await(
            ConfigurableApplicationContext context, java.util.function.Predicate<List<Integer>> done, String what) {
        org.awaitility.Awaitility.await("waiting for " + what)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> done.test(keyIds(context)));
    }

    private static void assertValues(
            ConfigurableApplicationContext context,
            Map<String, String> tenantSecrets,
            Map<UUID, String> authTokens,
            Map<UUID, String> signingSecrets) {
        TenantSecretStore secrets = context.getBean(TenantSecretStore.class);
        tenantSecrets.forEach(
                (name, value) -> assertThat(secrets.resolve(TENANT, name)).contains(value));
        ToolStore tools = context.getBean(ToolStore.class);
        UUID agentId = context.getBean(AgentStore.class).list(TENANT).getFirst().id();
        authTokens.forEach((toolId, token) -> {
            HttpRequestConfig config = (HttpRequestConfig)
                    tools.require(TENANT, agentId, toolId).definition().config();
            assertThat(((Auth.Bearer) config.auth()).token()).isEqualTo(token);
        });
        signingSecrets.forEach((toolId, secret) -> assertThat(tools.activeSigningSecrets(toolId))
                .extracting(SigningSecret::reveal)
                .containsExactly(secret));
    }

    /** The keyset without the key {@code keyId}. */
    private static String withoutKey(String keysetJson, int keyId) throws Exception {
        KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
        for (int i = 0; i < handle.size(); i++) {
            if (handle.getAt(i).getId() == keyId) {
                builder.deleteAt(i);
                break;
            }
        }
        return TinkJsonProtoKeysetFormat.serializeKeyset(builder.build(), InsecureSecretKeyAccess.get());
    }
}
