package dev.toolgate.server.secrets;

import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At startup, decrypts one stored signing secret, tool auth value and tenant secret (those that exist) and stops the
 * service with a clear message if the master key cannot: a wrong {@code TOOLGATE_MASTER_KEY} or a lost keyset file
 * would otherwise surface only as failing tool calls.
 */
@Component
@Order(-10)
class MasterKeyCheck implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    MasterKeyCheck(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * @throws IllegalStateException if a stored secret cannot be decrypted with the master key
     */
    @Override
    public void run(ApplicationArguments args) {
        try {
            jdbc.sql("select id, tool_id, secret from signing_secrets fetch first 1 rows only")
                    .query((rs, n) -> cipher.decrypt(
                            rs.getString("secret"),
                            SecretCipher.signingSecret(
                                    rs.getObject("tool_id", UUID.class), rs.getObject("id", UUID.class))))
                    .list();
            jdbc.sql("select id, auth_secret from tools where auth_secret is not null fetch first 1 rows only")
                    .query((rs, n) -> cipher.decrypt(
                            rs.getString("auth_secret"), SecretCipher.toolAuth(rs.getObject("id", UUID.class))))
                    .list();
            jdbc.sql("select tenant_id, name, ciphertext from tenant_secrets fetch first 1 rows only")
                    .query((rs, n) -> cipher.decrypt(
                            rs.getString("ciphertext"),
                            SecretCipher.tenantSecret(rs.getObject("tenant_id", UUID.class), rs.getString("name"))))
                    .list();
        } catch (SecretCipherException e) {
            throw new IllegalStateException("The stored secrets cannot be decrypted with the master key from "
                    + cipher.keySource() + ": it is not the key this database was written with. Set TOOLGATE_MASTER_KEY"
                    + " (or restore the data directory's master-keyset.json) to that key. (" + e.getMessage() + ")");
        }
    }
}
