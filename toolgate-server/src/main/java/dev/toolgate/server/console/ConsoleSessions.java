package dev.toolgate.server.console;

import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.tenant.ApiKeyService;
import dev.toolgate.server.tenant.Principal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console's server-side sessions and one-time sign-in links, in the database (so every instance behind a load
 * balancer knows them). A token is 32 random bytes (base64url), given to the browser only; the table keeps its
 * SHA-256 hash and the API key's id, never the key. A session ends when it goes unused for
 * {@code toolgate.console.idle-timeout}, on sign-out, or when its key is deleted (the rows cascade, and
 * {@link ApiKeyService#principalOf} no longer finds the key).
 */
@Repository
public class ConsoleSessions {

    /** A session's {@code last_seen_at} is written at most this often, so a busy page costs no write per request. */
    static final Duration TOUCH_INTERVAL = Duration.ofSeconds(30);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ApiKeyService keys;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration linkTtl;

    ConsoleSessions(JdbcClient jdbc, ApiKeyService keys, Clock clock, ToolgateProperties properties) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
        this.idleTimeout = properties.console().idleTimeout();
        this.linkTtl = properties.console().signInLinkTtl();
    }

    /** Returns a new random token: 32 bytes (256 bits), base64url without padding. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Returns how long a session lives unused. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * Opens a session acting as the key {@code keyId}; also drops every session that has gone idle.
     *
     * @return the session's token, for the browser's cookie only
     */
    @Transactional
    public String open(UUID keyId) {
        Instant now = clock.instant();
        jdbc.sql("delete from console_sessions where last_seen_at < ?")
                .param(Timestamp.from(now.minus(idleTimeout)))
                .update();
        String token = newToken();
        jdbc.sql("insert into console_sessions (token_hash, key_id, csrf_token, created_at, last_seen_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(ApiKeyService.hash(token), keyId, newToken(), Timestamp.from(now), Timestamp.from(now))
                .update();
        return token;
    }

    /**
     * Returns the live session of {@code token}, with its key's current scopes, and marks it used; empty when the
     * token is unknown, the session has gone idle (it is deleted then) or its key no longer exists.
     */
    public Optional<ConsoleSession> resolve(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String id = ApiKeyService.hash(token);
        record Row(UUID keyId, String csrfToken, Instant lastSeenAt) {}
        Optional<Row> row = jdbc.sql(
                        "select key_id, csrf_token, last_seen_at from console_sessions where token_hash = ?")
                .param(id)
                .query((rs, n) -> new Row(
                        rs.getObject("key_id", UUID.class),
                        rs.getString("csrf_token"),
                        rs.getTimestamp("last_seen_at").toInstant()))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (row.get().lastSeenAt().plus(idleTimeout).isBefore(now)) {
            close(token);
            return Optional.empty();
        }
        Optional<Principal> principal = keys.principalOf(row.get().keyId());
        if (principal.isEmpty()) {
            close(token);
            return Optional.empty();
        }
        if (row.get().lastSeenAt().plus(TOUCH_INTERVAL).isBefore(now)) {
            jdbc.sql("update console_sessions set last_seen_at = ? where token_hash = ?")
                    .params(Timestamp.from(now), id)
                    .update();
        }
        return Optional.of(new ConsoleSession(id, principal.get(), row.get().csrfToken()));
    }

    /** Ends the session of {@code token} (sign-out); nothing happens for an unknown token. */
    public void close(String token) {
        jdbc.sql("delete from console_sessions where token_hash = ?")
                .param(ApiKeyService.hash(token))
                .update();
    }

    /**
     * Issues a one-time sign-in link token for the key {@code keyId}, usable once within
     * {@code toolgate.console.sign-in-link-ttl}; also drops every link that has expired unused.
     *
     * @return the token (the link's last path segment); only its hash is stored
     */
    @Transactional
    public String issueSignInLink(UUID keyId) {
        jdbc.sql("delete from console_sign_in_links where expires_at < ?")
                .param(Timestamp.from(clock.instant()))
                .update();
        String token = newToken();
        jdbc.sql("insert into console_sign_in_links (token_hash, key_id, expires_at) values (?, ?, ?)")
                .params(
                        ApiKeyService.hash(token),
                        keyId,
                        Timestamp.from(clock.instant().plus(linkTtl)))
                .update();
        return token;
    }

    /**
     * Returns the path of the sign-in link of {@code token}, e.g. for {@code toolgate demo} to print.
     *
     * @param token a token from {@link #issueSignInLink}
     */
    public static String signInLinkPath(String token) {
        return ConsolePaths.SIGN_IN + "/link/" + token;
    }

    /** Returns how long a sign-in link stays usable ({@code toolgate.console.sign-in-link-ttl}). */
    public Duration signInLinkTtl() {
        return linkTtl;
    }

    /**
     * Redeems a sign-in link: deletes it (single use) and returns its key's id, or empty when the token is unknown,
     * already used or expired.
     */
    @Transactional
    public Optional<UUID> redeemSignInLink(String token) {
        String hash = ApiKeyService.hash(token);
        record Link(UUID keyId, Instant expiresAt) {}
        Optional<Link> link = jdbc.sql("select key_id, expires_at from console_sign_in_links where token_hash = ?")
                .param(hash)
                .query((rs, n) -> new Link(
                        rs.getObject("key_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
        int deleted = jdbc.sql("delete from console_sign_in_links where token_hash = ?")
                .param(hash)
                .update();
        if (link.isEmpty() || deleted == 0 || link.get().expiresAt().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(link.get().keyId());
    }
}
