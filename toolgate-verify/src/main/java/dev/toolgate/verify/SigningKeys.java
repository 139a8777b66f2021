package dev.toolgate.verify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC side of verification: a signing secret turned into key bytes per {@link Scheme}, HMAC-SHA256
 * (RFC 2104, with the JDK's {@code HmacSHA256}), and the constant-time comparison of signatures.
 */
final class SigningKeys {
    private static final String STANDARD_WEBHOOKS_PREFIX = "whsec_";
    private static final String HMAC_SHA256 = "HmacSHA256";

    private SigningKeys() {}

    /**
     * Returns the HMAC key of one secret: a Toolgate secret's UTF-8 bytes; a Standard Webhooks secret's base64 after
     * its optional {@code whsec_} prefix.
     *
     * @param index the secret's position, for the error message
     * @throws IllegalArgumentException if the secret is blank, not base64, or empty after its prefix; the message
     *     names the position, never the secret
     */
    static byte[] key(Scheme scheme, String secret, int index) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("signing secret #" + index + " is blank");
        }
        if (scheme == Scheme.TOOLGATE) {
            return secret.getBytes(StandardCharsets.UTF_8);
        }
        String encoded = secret.startsWith(STANDARD_WEBHOOKS_PREFIX)
                ? secret.substring(STANDARD_WEBHOOKS_PREFIX.length())
                : secret;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signing secret #" + index + " is not whsec_<base64>");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException(
                    "signing secret #" + index + " is empty after " + STANDARD_WEBHOOKS_PREFIX);
        }
        return key;
    }

    /** Returns HMAC-SHA256 of {@code content} under {@code key}: 32 bytes. */
    static byte[] hmacSha256(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return mac.doFinal(content);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required on every Java platform", e);
        }
    }

    /** Compares {@code expected} with each candidate in constant time (per candidate of equal length). */
    static boolean anyEquals(String expected, List<String> candidates) {
        byte[] wanted = expected.getBytes(StandardCharsets.US_ASCII);
        boolean found = false;
        for (String candidate : candidates) {
            found |= MessageDigest.isEqual(wanted, candidate.getBytes(StandardCharsets.UTF_8));
        }
        return found;
    }

    /** Returns {@code prefix} followed by {@code payload}, as a new array. */
    static byte[] concat(byte[] prefix, byte[] payload) {
        byte[] out = new byte[prefix.length + payload.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(payload, 0, out, prefix.length, payload.length);
        return out;
    }
}
