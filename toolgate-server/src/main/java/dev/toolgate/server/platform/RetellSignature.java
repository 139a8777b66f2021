package dev.toolgate.server.platform;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Retell's webhook signature, as its SDK's {@code verify(body, apiKey, signature)} checks it (retell-sdk,
 * {@code lib/webhook_auth}): the header {@code X-Retell-Signature: v=<unix ms>,d=<hex>} where {@code <hex>} is the
 * HMAC-SHA256 (RFC 2104), keyed by the UTF-8 bytes of the Retell API key, of the exact raw body followed by the
 * decimal timestamp; accepted within {@link #TOLERANCE} of now either way. Stateless and thread-safe.
 */
final class RetellSignature {

    /** How far the signature's timestamp may be from now: Retell's SDK's five minutes. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final Pattern HEADER = Pattern.compile("^v=(\\d{1,15}),d=([0-9a-fA-F]{64})$");
    private static final String HMAC = "HmacSHA256";

    private RetellSignature() {}

    /**
     * Returns whether {@code header} signs {@code body} with {@code apiKey} at a time within {@link #TOLERANCE} of
     * {@code now}. Never throws for a malformed header: that is a false.
     */
    static boolean verify(byte[] body, String apiKey, String header, Instant now) {
        if (header == null || apiKey == null || apiKey.isEmpty()) {
            return false;
        }
        Matcher match = HEADER.matcher(header.trim());
        if (!match.matches()) {
            return false;
        }
        long timestamp = Long.parseLong(match.group(1));
        if (Math.abs(now.toEpochMilli() - timestamp) > TOLERANCE.toMillis()) {
            return false;
        }
        byte[] expected = hmac(apiKey, body, match.group(1));
        return MessageDigest.isEqual(
                expected, HexFormat.of().parseHex(match.group(2).toLowerCase()));
    }

    /** Returns the header value for {@code body} signed at {@code timestamp}: what Retell's {@code sign} gives. */
    static String sign(byte[] body, String apiKey, Instant timestamp) {
        String millis = Long.toString(timestamp.toEpochMilli());
        return "v=" + millis + ",d=" + HexFormat.of().formatHex(hmac(apiKey, body, millis));
    }

    private static byte[] hmac(String apiKey, byte[] body, String timestamp) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), HMAC));
            mac.update(body);
            return mac.doFinal(timestamp.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
