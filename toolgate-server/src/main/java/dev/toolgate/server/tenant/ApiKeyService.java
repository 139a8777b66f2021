package dev.toolgate.server.tenant;

import dev.toolgate.server.invalidation.InvalidatingCache;
import dev.toolgate.server.invalidation.InvalidationBus;
import dev.toolgate.server.invalidation.InvalidationEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
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

    /** The request header that carries the API key. */
    public static final String API_KEY_HEADER = "X-API-Key";

    /** The paths (a Spring path pattern) on which every request needs an API key. */
    public static final String SECURED_PATHS = "/v1/**";

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * How long an authenticated key stays cached in this instance. A key deleted through this instance stops at
     * once; through another, as soon as its {@link InvalidationEvent.ApiKeyChanged} arrives (within a second), or
     * within {@code toolgate.invalidation.fallback-ttl} while the bus is disconnected.
     */
    public static final Duration CACHE_TTL = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final InvalidationBus invalidations;
    /** Principals by key hash. */
    private final InvalidatingCache<String, Principal> principals;
    /** Principals by key id: the console's sessions. */
    private final InvalidatingCache<UUID, Principal> principalsById;

    ApiKeyService(JdbcClient jdbc, InvalidationBus invalidations) {
        this.jdbc = jdbc;
        this.invalidations = invalidations;
        this.principals = invalidations.cache(CACHE_TTL);
        this.principalsById = invalidations.cache(CACHE_TTL);
        invalidations.subscribe(event -> {
            switch (event) {
                case InvalidationEvent.ApiKeyChanged changed -> {
                    principals.invalidateIf(
                            (hash, principal) -> principal.keyId().equals(changed.keyId()));
                    principalsById.invalidate(changed.keyId());
                }
                case InvalidationEvent.Everything everything -> {
                    principals.invalidateAll();
                    principalsById.invalidateAll();
                }
                default -> {}
            }
        });
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
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** Creates the default tenant if it does not exist yet. */
    @Transactional
    public void ensureDefaultTenant() {
        int count = jdbc.sql("select count(*) from tenants where id = ?")
                .param(DEFAULT_TENANT_ID)
                .query(Integer.class)
                .single();
        if (count == 0) {
            jdbc.sql("insert into tenants (id, name, created_at) values (?, ?, ?)")
                    .params(DEFAULT_TENANT_ID, "default", Timestamp.from(Instant.now()))
                    .update();
        }
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
        jdbc.sql(
                        "insert into api_keys (id, tenant_id, name, key_hash, key_prefix, scopes, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        tenantId,
                        name,
                        hash(key),
                        key.substring(0, Math.min(8, key.length())),
                        Scope.format(scopes),
                        Timestamp.from(Instant.now()))
                .update();
        return new CreatedKey(id, key, scopes);
    }

    /**
     * One stored key as listed: never its value, only its first characters.
     *
     * @param id the key's id
     * @param name the name given at creation
     * @param prefix the key's first 8 characters, to recognise it
     * @param scopes its scopes
     * @param createdAt creation time
     */
    public record KeyInfo(UUID id, String name, String prefix, Set<Scope> scopes, Instant createdAt) {}

    /** Returns the tenant's keys, oldest first. */
    public java.util.List<KeyInfo> list(UUID tenantId) {
        return jdbc.sql(
                        "select id, name, key_prefix, scopes, created_at from api_keys where tenant_id = ? order by created_at, id")
                .param(tenantId)
                .query((rs, n) -> new KeyInfo(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("key_prefix"),
                        Scope.parseList(rs.getString("scopes")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /**
     * Deletes one of the tenant's keys.
     *
     * @return false when the tenant has no such key
     * @throws IllegalStateException when it is the tenant's last admin key (a tenant must keep a way in)
     */
    @Transactional
    public boolean delete(UUID tenantId, UUID keyId) {
        java.util.List<KeyInfo> keys = list(tenantId);
        KeyInfo target =
                keys.stream().filter(k -> k.id().equals(keyId)).findFirst().orElse(null);
        if (target == null) {
            return false;
        }
        long admins =
                keys.stream().filter(k -> k.scopes().contains(Scope.ADMIN)).count();
        if (target.scopes().contains(Scope.ADMIN) && admins == 1) {
            throw new IllegalStateException("the tenant's last admin key cannot be deleted");
        }
        boolean deleted = jdbc.sql("delete from api_keys where id = ? and tenant_id = ?")
                        .params(keyId, tenantId)
                        .update()
                > 0;
        if (deleted) {
            invalidations.publish(new InvalidationEvent.ApiKeyChanged(tenantId, keyId));
        }
        return deleted;
    }

    /**
     * Returns the principal of the key with this id as it is now (its current scopes), or empty once the key has been
     * deleted. The console's sessions hold only the key id and ask here on every request, so revoking a key ends its
     * sessions: at once on this instance, on the others within {@link #CACHE_TTL} (or as soon as its
     * {@link InvalidationEvent.ApiKeyChanged} arrives).
     *
     * @param keyId the key's id
     * @return the key's tenant, id and scopes, or empty for an unknown or deleted key
     */
    public Optional<Principal> principalOf(UUID keyId) {
        return principalsById.get(
                keyId,
                id -> jdbc.sql("select id, tenant_id, scopes from api_keys where id = ?")
                        .param(id)
                        .query((rs, n) -> new Principal(
                                rs.getObject("tenant_id", UUID.class),
                                rs.getObject("id", UUID.class),
                                Scope.parseList(rs.getString("scopes"))))
                        .optional());
    }

    /**
     * Returns the name given to one of the tenant's keys, or empty when it has none with this id.
     *
     * @param tenantId the tenant
     * @param keyId the key's id
     */
    public Optional<String> nameOf(UUID tenantId, UUID keyId) {
        return jdbc.sql("select name from api_keys where id = ? and tenant_id = ?")
                .params(keyId, tenantId)
                .query(String.class)
                .optional();
    }

    /** Returns the principal of the key with this plaintext value, or empty for an unknown key. */
    public Optional<Principal> authenticate(String key) {
        return principals.get(
                hash(key),
                hash -> jdbc.sql("select id, tenant_id, scopes from api_keys where key_hash = ?")
                        .param(hash)
                        .query((rs, n) -> new Principal(
                                rs.getObject("tenant_id", UUID.class),
                                rs.getObject("id", UUID.class),
                                Scope.parseList(rs.getString("scopes"))))
                        .optional());
    }
}
