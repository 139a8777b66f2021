package dev.toolgate.server.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tenants and their API keys. Keys are {@code tg_} + 32 random bytes (base64url), shown once when created
 * and stored only as their SHA-256 hash, so a database dump reveals no usable key.
 */
@Service
public class ApiKeyService {

    /** The tenant that owns the bootstrap admin key. */
    public static final UUID DEFAULT_TENANT_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    ApiKeyService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A newly created key: its id and its plaintext value, returned to the creator once. */
    public record CreatedKey(UUID id, String key, Set<Scope> scopes) {
        @Override
        public String toString() {
            return "CreatedKey[id=" + id + ", key=***, scopes=" + scopes + "]";
        }
    }

    /** Generates a new random key value: {@code tg_} followed by 43 base64url characters (256 bits). */
    public static String generateKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "tg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Returns the lower-case hex SHA-256 of {@code key}. */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** Creates the default tenant if it does not exist yet. */
    @Transactional
    public void ensureDefaultTenant() {
        int count = jdbc.sql("select count(*) from tenants where id = ?").param(DEFAULT_TENANT_ID).query(Integer.class).single();
        if (count == 0) {
            jdbc.sql("insert into tenants (id, name, created_at) values (?, ?, ?)")
                    .params(DEFAULT_TENANT_ID, "default", Timestamp.from(Instant.now())).update();
        }
    }

    /** Creates a tenant and returns its id. */
    @Transactional
    public UUID createTenant(String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into tenants (id, name, created_at) values (?, ?, ?)")
                .params(id, name, Timestamp.from(Instant.now())).update();
        return id;
    }

    /** Returns how many API keys exist across all tenants. */
    public long countKeys() {
        return jdbc.sql("select count(*) from api_keys").query(Long.class).single();
    }

    /**
     * Stores a key for {@code tenantId}.
     *
     * @param key the plaintext key (e.g. from {@link #generateKey()} or the bootstrap setting); only its hash is kept
     */
    @Transactional
    public CreatedKey createKey(UUID tenantId, String name, Set<Scope> scopes, String key) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into api_keys (id, tenant_id, name, key_hash, key_prefix, scopes, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, tenantId, name, hash(key), key.substring(0, Math.min(8, key.length())),
                        Scope.format(scopes), Timestamp.from(Instant.now()))
                .update();
        return new CreatedKey(id, key, scopes);
    }

    /** Returns the principal of the key with this plaintext value, or empty for an unknown key. */
    public Optional<Principal> authenticate(String key) {
        return jdbc.sql("select id, tenant_id, scopes from api_keys where key_hash = ?")
                .param(hash(key))
                .query((rs, n) -> new Principal(rs.getObject("tenant_id", UUID.class), rs.getObject("id", UUID.class),
                        Scope.parseList(rs.getString("scopes"))))
                .optional();
    }
}
