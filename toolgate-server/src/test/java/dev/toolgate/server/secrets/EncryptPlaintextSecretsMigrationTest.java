package dev.toolgate.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Migration 2.1 on a database written by V1 (secrets in plaintext), on the embedded H2 as the service opens it. */
class EncryptPlaintextSecretsMigrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "v1-plaintext-bearer-token";
    private static final String SIGNING = "tgsec_v1PlaintextSigningSecretValue0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void encryptsWhatV1StoredInPlaintextAndLeavesToolsWithoutAuthAlone() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("toolgate")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .target("1")
                .load()
                .migrate();
        UUID tenant = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        UUID withAuth = UUID.randomUUID();
        UUID withoutAuth = UUID.randomUUID();
        UUID secretRow = UUID.randomUUID();
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            insert(db, "insert into tenants (id, name, created_at) values (?, ?, ?)", tenant, "t", now());
            insert(
                    db,
                    "insert into agents (id, tenant_id, name, created_at, updated_at) values (?, ?, ?, ?, ?)",
                    agent,
                    tenant,
                    "a",
                    now(),
                    now());
            insertTool(
                    db, withAuth, tenant, agent, "with_auth", "{\"type\": \"bearer\", \"token\": \"" + TOKEN + "\"}");
            insertTool(db, withoutAuth, tenant, agent, "without_auth", "{\"type\": \"none\"}");
            insert(
                    db,
                    "insert into signing_secrets (id, tool_id, secret, created_at) values (?, ?, ?, ?)",
                    secretRow,
                    withAuth,
                    SIGNING,
                    now());
        }
        SecretCipher cipher = SecretCipher.fromKeysetJson(SecretCipher.generateKeysetJson(), "test key");
        ToolAuthSecrets toolAuth = new ToolAuthSecrets(cipher);

        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .javaMigrations(new EncryptPlaintextSecretsMigration(cipher, toolAuth))
                .load()
                .migrate();

        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            String storedSecret = single(db, "select secret from signing_secrets where id = ?", secretRow);
            assertThat(storedSecret).startsWith(SecretCipher.PREFIX);
            assertThat(cipher.decrypt(storedSecret, SecretCipher.signingSecret(withAuth, secretRow)))
                    .isEqualTo(SIGNING);

            String definition = single(db, "select definition from tools where id = ?", withAuth);
            String authSecret = single(db, "select auth_secret from tools where id = ?", withAuth);
            assertThat(definition).doesNotContain(TOKEN);
            assertThat(JSON.readTree(definition)
                            .get("config")
                            .get("auth")
                            .get("token")
                            .asString())
                    .isEqualTo("***");
            ObjectNode restored = (ObjectNode) JSON.readTree(definition);
            toolAuth.unseal(withAuth, restored, authSecret);
            assertThat(restored.get("config").get("auth").get("token").asString())
                    .isEqualTo(TOKEN);

            assertThat(single(db, "select auth_secret from tools where id = ?", withoutAuth))
                    .isNull();
            JsonNode untouched = JSON.readTree(single(db, "select definition from tools where id = ?", withoutAuth));
            assertThat(untouched.get("config").get("auth").get("type").asString())
                    .isEqualTo("none");
        }
    }

    private static void insertTool(Connection db, UUID id, UUID tenant, UUID agent, String name, String auth)
            throws Exception {
        String definition = """
                {"name": "%s", "description": "d", "tool_type": "http_request", "parameters": {"type": "object"},
                 "config": {"url": "https://api.example.com/x", "method": "POST", "auth": %s}, "is_enabled": true,
                 "priority": 0}
                """.formatted(name, auth);
        insert(
                db,
                "insert into tools (id, tenant_id, agent_id, name, tool_type, is_enabled, priority, definition,"
                        + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                tenant,
                agent,
                name,
                "http_request",
                true,
                0,
                definition,
                now(),
                now());
    }

    private static void insert(Connection db, String sql, Object... params) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }

    private static String single(Connection db, String sql, UUID id) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
