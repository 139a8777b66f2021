package dev.toolgate.server.secrets;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.render.RenderException;
import dev.toolgate.core.render.SecretResolver;
import dev.toolgate.core.tool.TemplateSyntax;
import dev.toolgate.core.tool.ToolDefinitionWriter;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.api.LogSafe;
import dev.toolgate.server.invalidation.InvalidationBus;
import dev.toolgate.server.invalidation.InvalidationEvent;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant secret store behind {@code {{secrets.NAME}}}: table {@code tenant_secrets}, one row per (tenant, name),
 * the value encrypted with the master key and bound to its tenant and name ({@link SecretCipher#tenantSecret}).
 * As the renderer's {@link SecretResolver} it decrypts on every lookup (one indexed query and one AES-GCM
 * decryption; no cache, so a change or deletion takes effect on the next call on every instance). Writes still
 * announce themselves ({@link InvalidationEvent.SecretChanged}) for whatever caches what a secret feeds. Every
 * lookup is confined to one tenant. Thread-safe.
 */
@Repository
public class TenantSecretStore implements SecretResolver {

    /** A secret's name: what {@code {{secrets.NAME}}} accepts (core {@code TemplateSyntax}), as a regex. */
    public static final String NAME_REGEX = "^" + TemplateSyntax.SECRET_NAME + "$";

    /** {@link #NAME_REGEX}, compiled. */
    public static final Pattern NAME = Pattern.compile(NAME_REGEX);

    private static final Logger log = LoggerFactory.getLogger(TenantSecretStore.class);

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final InstantSource clock;
    private final InvalidationBus invalidations;

    TenantSecretStore(JdbcClient jdbc, SecretCipher cipher, InstantSource clock, InvalidationBus invalidations) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
        this.invalidations = invalidations;
    }

    /**
     * The outcome of {@link #put}.
     *
     * @param secret the stored secret (without its value)
     * @param created whether it was new (else its value was replaced)
     */
    public record Saved(TenantSecret secret, boolean created) {}

    /**
     * Checks a value before {@link #put}: the REST API's and the console's rule.
     *
     * @throws ApiException 422 at {@code value} when it is empty, the mask {@code "***"} that reads show, or longer
     *     than {@value TenantSecretController#MAX_VALUE_BYTES} UTF-8 bytes
     */
    public static void requireStorable(String value) {
        if (value == null || value.isEmpty()) {
            throw ApiException.invalid("value", SecretIn.RULE);
        }
        if (value.equals(ToolDefinitionWriter.MASK)) {
            throw ApiException.invalid(
                    "value", "is the masked placeholder \"***\" that reads show; send the real value");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > TenantSecretController.MAX_VALUE_BYTES) {
            throw ApiException.invalid("value", SecretIn.RULE);
        }
    }

    /**
     * Creates or replaces the tenant's secret {@code name}.
     *
     * @param tenantId the owner
     * @param name a name matching {@link #NAME}
     * @param value the value (stored encrypted)
     * @throws IllegalArgumentException if the name does not match {@link #NAME}
     */
    @Transactional
    public Saved put(UUID tenantId, String name, String value) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid secret name");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what the database keeps
        String sealed = cipher.encrypt(value, SecretCipher.tenantSecret(tenantId, name));
        invalidations.publish(new InvalidationEvent.SecretChanged(tenantId, name));
        if (update(tenantId, name, sealed, now)) {
            return new Saved(find(tenantId, name).orElseThrow(), false);
        }
        try {
            jdbc.sql(
                            "insert into tenant_secrets (id, tenant_id, name, ciphertext, created_at, updated_at) values (?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), tenantId, name, sealed, Timestamp.from(now), Timestamp.from(now))
                    .update();
            return new Saved(new TenantSecret(name, now, now), true);
        } catch (DuplicateKeyException concurrentlyCreated) {
            update(tenantId, name, sealed, now);
            return new Saved(find(tenantId, name).orElseThrow(), false);
        }
    }

    /** Returns the tenant's secrets by name. */
    public List<TenantSecret> list(UUID tenantId) {
        return jdbc.sql("select name, created_at, updated_at from tenant_secrets where tenant_id = ? order by name")
                .param(tenantId)
                .query(TenantSecretStore::map)
                .list();
    }

    /** Returns the tenant's secret {@code name} (without its value), or empty. */
    public Optional<TenantSecret> find(UUID tenantId, String name) {
        return jdbc.sql("select name, created_at, updated_at from tenant_secrets where tenant_id = ? and name = ?")
                .params(tenantId, name)
                .query(TenantSecretStore::map)
                .optional();
    }

    /** Deletes the tenant's secret {@code name}; returns whether it existed. */
    public boolean delete(UUID tenantId, String name) {
        boolean deleted = jdbc.sql("delete from tenant_secrets where tenant_id = ? and name = ?")
                        .params(tenantId, name)
                        .update()
                > 0;
        if (deleted) {
            invalidations.publish(new InvalidationEvent.SecretChanged(tenantId, name));
        }
        return deleted;
    }

    /**
     * Returns the decrypted value of the tenant's secret {@code name}, or empty when the tenant has none.
     *
     * @throws RenderException {@code HTTP_TOOL_INTERNAL} if the stored value cannot be decrypted with the master
     *     key (logged as an error for the operator; the message names the secret, never a value)
     */
    @Override
    public Optional<String> resolve(UUID tenantId, String name) {
        Optional<String> sealed = jdbc.sql("select ciphertext from tenant_secrets where tenant_id = ? and name = ?")
                .params(tenantId, name)
                .query(String.class)
                .optional();
        try {
            return sealed.map(value -> cipher.decrypt(value, SecretCipher.tenantSecret(tenantId, name)));
        } catch (SecretCipherException e) {
            log.error("Tenant secret lookup failed: {}", LogSafe.text(e.getMessage()));
            throw new RenderException(ToolError.of(
                    ErrorCode.HTTP_TOOL_INTERNAL,
                    "the tool uses the secret '" + name + "', which cannot be decrypted; the operator must check the"
                            + " master key"));
        }
    }

    private boolean update(UUID tenantId, String name, String sealed, Instant now) {
        return jdbc.sql("update tenant_secrets set ciphertext = ?, updated_at = ? where tenant_id = ? and name = ?")
                        .params(sealed, Timestamp.from(now), tenantId, name)
                        .update()
                > 0;
    }

    private static TenantSecret map(ResultSet rs, int row) throws SQLException {
        return new TenantSecret(
                rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
