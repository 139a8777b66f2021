package dev.toolgate.core.signing;

import dev.toolgate.core.tool.SignatureScheme;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A tool's request-signing secret. The value is key material: it never appears in {@link #toString()},
 * and {@link #equals(Object)} compares in constant time. Only {@link #reveal()} hands it out (to store it
 * encrypted, or to show it to the tenant once after a rotation).
 *
 * <p>Formats: {@code tgsec_<43 base64url chars>} (32 random bytes, RFC 4648 §5 without padding) for the
 * Toolgate scheme, where the HMAC key is the UTF-8 bytes of the whole string, prefix included, as with
 * Stripe's {@code whsec_} secrets; {@code whsec_<base64>} (24 random bytes, RFC 4648 §4) for Standard
 * Webhooks, where the key is the base64-decoded part after the prefix. Immutable and thread-safe.
 */
public final class SigningSecret {

    /** The prefix of secrets generated for {@link SignatureScheme#TOOLGATE}. */
    public static final String TOOLGATE_PREFIX = "tgsec_";
    /** The prefix Standard Webhooks requires for its secrets. */
    public static final String STANDARD_WEBHOOKS_PREFIX = "whsec_";

    private static final int TOOLGATE_KEY_BYTES = 32;
    private static final int STANDARD_WEBHOOKS_KEY_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private SigningSecret(String value) {
        this.value = value;
    }

    /**
     * Generates a fresh secret for {@code scheme} from {@link SecureRandom}.
     *
     * @param scheme the scheme the secret will sign with
     * @return {@code tgsec_} + 32 random bytes base64url (no padding), or {@code whsec_} + 24 random bytes base64
     */
    public static SigningSecret generate(SignatureScheme scheme) {
        Objects.requireNonNull(scheme, "scheme");
        return switch (scheme) {
            case TOOLGATE ->
                new SigningSecret(TOOLGATE_PREFIX
                        + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(TOOLGATE_KEY_BYTES)));
            case STANDARD_WEBHOOKS ->
                new SigningSecret(STANDARD_WEBHOOKS_PREFIX
                        + Base64.getEncoder().encodeToString(randomBytes(STANDARD_WEBHOOKS_KEY_BYTES)));
        };
    }

    /**
     * Wraps a stored secret.
     *
     * @param value the whole secret string, prefix included
     * @throws IllegalArgumentException if {@code value} is blank (the message never contains the value)
     */
    public static SigningSecret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("signing secret must not be blank");
        }
        return new SigningSecret(value);
    }

    /** Returns the whole secret string. Handle with care: never log it. */
    public String reveal() {
        return value;
    }

    /** Returns the Toolgate-scheme HMAC key: the UTF-8 bytes of the whole secret string. */
    byte[] toolgateKey() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns the Standard Webhooks HMAC key: the base64-decoded bytes after {@code whsec_}.
     *
     * @throws IllegalArgumentException if the secret has no {@code whsec_} prefix or is not base64 after it
     */
    byte[] standardWebhooksKey() {
        if (!value.startsWith(STANDARD_WEBHOOKS_PREFIX)) {
            throw new IllegalArgumentException(
                    "a Standard Webhooks secret must start with " + STANDARD_WEBHOOKS_PREFIX);
        }
        try {
            return Base64.getDecoder().decode(value.substring(STANDARD_WEBHOOKS_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "a Standard Webhooks secret must be base64 after " + STANDARD_WEBHOOKS_PREFIX);
        }
    }

    /** Compares the secret values in constant time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SigningSecret that
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns a hash of a SHA-256 digest of the value, so the hash code says nothing usable about the secret. */
    @Override
    public int hashCode() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return (digest[0] & 0xff) << 24 | (digest[1] & 0xff) << 16 | (digest[2] & 0xff) << 8 | (digest[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
    }

    /** Returns {@code SigningSecret[tgsec_***]}: the known prefix, if any, and never the value. */
    @Override
    public String toString() {
        String prefix = value.startsWith(TOOLGATE_PREFIX)
                ? TOOLGATE_PREFIX
                : value.startsWith(STANDARD_WEBHOOKS_PREFIX) ? STANDARD_WEBHOOKS_PREFIX : "";
        return "SigningSecret[" + prefix + "***]";
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
