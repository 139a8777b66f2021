package dev.toolgate.server.secrets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Flyway migration 2.1 (run once, after {@code V2__secrets.sql}): encrypts what V1 stored in plaintext — every
 * signing secret not yet in {@code tgenc1:} form, and the auth token or value inside each tool definition (moved to
 * {@code tools.auth_secret}, {@code "***"} left in its place). A Spring bean, which Spring Boot hands to Flyway, so
 * it can use the master key.
 */
@Component
class EncryptPlaintextSecretsMigration implements JavaMigration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecretCipher cipher;
    private final ToolAuthSecrets toolAuth;

    EncryptPlaintextSecretsMigration(SecretCipher cipher, ToolAuthSecrets toolAuth) {
        this.cipher = cipher;
        this.toolAuth = toolAuth;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2.1");
    }

    @Override
    public String getDescription() {
        return "encrypt plaintext secrets";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        encryptSigningSecrets(connection);
        encryptToolAuth(connection);
    }

    private void encryptSigningSecrets(Connection connection) throws SQLException {
        List<Object[]> updates = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                        "select id, tool_id, secret from signing_secrets where secret not like '" + SecretCipher.PREFIX
                                + "%'");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                UUID id = rs.getObject("id", UUID.class);
                UUID toolId = rs.getObject("tool_id", UUID.class);
                updates.add(
                        new Object[] {cipher.encrypt(rs.getString("secret"), SecretCipher.signingSecret(toolId, id)), id
                        });
            }
        }
        try (PreparedStatement update =
                connection.prepareStatement("update signing_secrets set secret = ? where id = ?")) {
            for (Object[] row : updates) {
                update.setString(1, (String) row[0]);
                update.setObject(2, row[1]);
                update.executeUpdate();
            }
        }
    }

    private void encryptToolAuth(Connection connection) throws SQLException {
        List<Object[]> updates = new ArrayList<>();
        try (PreparedStatement select =
                        connection.prepareStatement("select id, definition from tools where auth_secret is null");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                UUID id = rs.getObject("id", UUID.class);
                ObjectNode definition = (ObjectNode) JSON.readTree(rs.getString("definition"));
                String sealed = toolAuth.seal(id, definition);
                if (sealed != null) {
                    updates.add(new Object[] {JSON.writeValueAsString(definition), sealed, id});
                }
            }
        }
        try (PreparedStatement update =
                connection.prepareStatement("update tools set definition = ?, auth_secret = ? where id = ?")) {
            for (Object[] row : updates) {
                update.setString(1, (String) row[0]);
                update.setString(2, (String) row[1]);
                update.setObject(3, row[2]);
                update.executeUpdate();
            }
        }
    }
}
