package dev.toolgate.server.secrets;

import dev.toolgate.core.signing.SigningSecret;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.SignatureScheme;
import dev.toolgate.core.tool.ToolDefinition;
import dev.toolgate.server.invalidation.InvalidatingCache;
import dev.toolgate.server.invalidation.InvalidationBus;
import dev.toolgate.server.invalidation.InvalidationEvent;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tool's request-signing secrets in table {@code signing_secrets}, each encrypted with the master key and bound
 * to its tool and row ({@link SecretCipher#signingSecret}).
 *
 * <p>A tool has one current secret ({@code expires_at} null). A {@linkplain #rotate rotation} with overlap
 * {@code d} adds a new current secret and lets every older secret sign until {@code now + d} at the latest: the
 * previous current one gets {@code expires_at = now + d}; one still retiring from an earlier rotation keeps its own,
 * earlier end. Until then each signs next to the new one (one {@code v1} each), after that only the new one does. At
 * most {@value #MAX_RETIRING} older secrets are kept (the newest): a third rotation within the window ends the oldest
 * at once, so a request never carries more than three signatures. An overlap of zero ends every older secret at
 * once (for a leaked secret). Expired rows are deleted at the next rotation. Time comes from the injected
 * {@link InstantSource}.
 */
@Repository
public class SigningSecretStore {

    /** The most rotated-out secrets that keep signing next to the current one. */
    public static final int MAX_RETIRING = 2;

    /**
     * How long a tool's decrypted secrets are reused: the invoke path reads them on every call. Each holds its own
     * end, so a retiring secret stops signing on time even from the cache. A change through this instance applies
     * once its transaction commits; through another, as soon as its {@link InvalidationEvent.SigningSecretChanged}
     * arrives.
     */
    public static final Duration CACHE_TTL = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final InstantSource clock;
    private final InvalidationBus invalidations;
    /** Decrypted secrets per tool. */
    private final InvalidatingCache<UUID, List<Held>> recent;

    SigningSecretStore(JdbcClient jdbc, SecretCipher cipher, InstantSource clock, InvalidationBus invalidations) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
        this.invalidations = invalidations;
        this.recent = invalidations.cache(CACHE_TTL);
        invalidations.subscribe(event -> {
            switch (event) {
                case InvalidationEvent.SigningSecretChanged changed -> recent.invalidate(changed.toolId());
                case InvalidationEvent.ToolChanged changed -> recent.invalidate(changed.toolId());
                case InvalidationEvent.Everything everything -> recent.invalidateAll();
                default -> {}
            }
        });
    }

    /**
     * The outcome of a rotation.
     *
     * @param secret the new current secret (to be shown to the tenant once)
     * @param previousExpiresAt when the previous current secret stops signing: now + overlap; null when the tool
     *     had no current secret
     * @param overlap the overlap used
     * @param activeSecrets how many secrets sign the tool's requests now, the new one included
     */
    public record Rotation(SigningSecret secret, Instant previousExpiresAt, Duration overlap, int activeSecrets) {}

    /**
     * Stores {@code secret} as the tool's current secret. Joins the caller's transaction (a tool's creation).
     *
     * @param toolId an existing tool
     * @param secret a new secret
     */
    public void addCurrent(UUID toolId, SigningSecret secret) {
        invalidations.publish(new InvalidationEvent.SigningSecretChanged(toolId));
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into signing_secrets (id, tool_id, secret, created_at) values (?, ?, ?, ?)")
                .params(
                        id,
                        toolId,
                        cipher.encrypt(secret.reveal(), SecretCipher.signingSecret(toolId, id)),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Returns the secrets that sign the tool's requests now: the current one first, then retiring ones whose end is
     * still ahead, latest end first.
     *
     * @throws SecretCipherException if a secret cannot be decrypted with the master key
     */
    public List<SigningSecret> active(UUID toolId) {
        Instant now = clock.instant();
        List<Held> held = recent.get(toolId, id -> Optional.of(load(id, now))).orElseThrow();
        List<SigningSecret> active = new java.util.ArrayList<>(held.size());
        for (Held secret : held) {
            if (secret.expiresAt() == null || secret.expiresAt().isAfter(now)) {
                active.add(secret.secret());
            }
        }
        return active;
    }

    /** A decrypted secret and the end of its signing life (null while current). */
    private record Held(SigningSecret secret, Instant expiresAt) {}

    private List<Held> load(UUID toolId, Instant now) {
        return jdbc.sql(
                        "select id, secret, expires_at from signing_secrets where tool_id = ?"
                                + " and (expires_at is null or expires_at > ?) order by expires_at desc nulls first, created_at desc")
                .params(toolId, Timestamp.from(now))
                .query((rs, n) -> new Held(
                        SigningSecret.of(cipher.decrypt(
                                rs.getString("secret"),
                                SecretCipher.signingSecret(toolId, rs.getObject("id", UUID.class)))),
                        rs.getTimestamp("expires_at") == null
                                ? null
                                : rs.getTimestamp("expires_at").toInstant()))
                .list();
    }

    /**
     * Rotates the tool's signing secret: a new current secret of {@code scheme}'s form; the previous current one
     * signs until now + {@code overlap}, older ones no later (a zero overlap ends them all at once). Rotations of
     * one tool are serialised by a row lock on the tool.
     *
     * @param toolId an existing tool
     * @param scheme the tool's signature scheme, which decides the new secret's form
     * @param overlap how long the previous secret keeps signing
     * @return the new secret and the previous one's end
     * @throws IllegalArgumentException if {@code overlap} is negative
     */
    @Transactional
    public Rotation rotate(UUID toolId, SignatureScheme scheme, Duration overlap) {
        Objects.requireNonNull(scheme, "scheme");
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("overlap must not be negative: " + overlap);
        }
        lockTool(toolId);
        Instant now = clock.instant();
        Instant previousEnd = now.plus(overlap);
        int current = jdbc.sql("select count(*) from signing_secrets where tool_id = ? and expires_at is null")
                .param(toolId)
                .query(Integer.class)
                .single();
        jdbc.sql("delete from signing_secrets where tool_id = ? and expires_at is not null and expires_at <= ?")
                .params(toolId, Timestamp.from(now))
                .update();
        if (overlap.isZero()) {
            jdbc.sql("delete from signing_secrets where tool_id = ?")
                    .param(toolId)
                    .update();
        } else {
            jdbc.sql(
                            "update signing_secrets set expires_at = ? where tool_id = ? and (expires_at is null or expires_at > ?)")
                    .params(Timestamp.from(previousEnd), toolId, Timestamp.from(previousEnd))
                    .update();
        }
        List<UUID> older = jdbc.sql(
                        "select id from signing_secrets where tool_id = ? order by created_at desc, expires_at desc")
                .param(toolId)
                .query(UUID.class)
                .list();
        for (UUID surplus : older.subList(Math.min(MAX_RETIRING, older.size()), older.size())) {
            jdbc.sql("delete from signing_secrets where id = ?").param(surplus).update();
        }
        SigningSecret secret = SigningSecret.generate(scheme);
        addCurrent(toolId, secret);
        return new Rotation(
                secret, current == 0 ? null : previousEnd, overlap, 1 + Math.min(MAX_RETIRING, older.size()));
    }

    /**
     * Replaces every secret of the tool by a new current one of {@code scheme}'s form, ending the old ones at once
     * (used when a tool's signature scheme changes: a secret of the other form cannot sign under it).
     *
     * @return the new secret (to be shown to the tenant once)
     */
    @Transactional
    public SigningSecret replace(UUID toolId, SignatureScheme scheme) {
        lockTool(toolId);
        jdbc.sql("delete from signing_secrets where tool_id = ?").param(toolId).update();
        SigningSecret secret = SigningSecret.generate(scheme);
        addCurrent(toolId, secret);
        return secret;
    }

    /**
     * Returns the signature scheme of a tool: its {@code signature_scheme} for an {@code http_request} tool, else
     * {@link SignatureScheme#TOOLGATE} (other tool types send no requests, but every tool has a secret).
     */
    public static SignatureScheme schemeOf(ToolDefinition definition) {
        return definition.config() instanceof HttpRequestConfig http
                ? http.signatureScheme()
                : SignatureScheme.TOOLGATE;
    }

    private void lockTool(UUID toolId) {
        jdbc.sql("select id from tools where id = ? for update")
                .param(toolId)
                .query(UUID.class)
                .optional();
    }
}
