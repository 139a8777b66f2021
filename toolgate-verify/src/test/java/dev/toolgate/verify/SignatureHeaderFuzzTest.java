package dev.toolgate.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fuzz tests of signature-header parsing in the Java verifier (docs/fuzzing.md). The clock is fixed; the
 * headers, body and target come from the fuzz input.
 *
 * <p>Invariants: {@code verify} returns or throws {@link SignatureVerificationException} and nothing else,
 * never with a secret in the message; it accepts a request only if the header really carries the HMAC of the
 * signed content under the secret (recomputed here with {@link Mac}), at a timestamp within the tolerance;
 * and a correctly signed request is accepted whatever unknown entries and optional white space surround its
 * signature.
 */
class SignatureHeaderFuzzTest {

    private static final String TOOLGATE_SECRET = "tgsec_8yHqHjVZQ1o2ZJ0m3hO4nQ6v7XbY0cKZlWw2pTtA9sE";
    private static final byte[] WEBHOOK_KEY = "a webhook key of 32 bytes, fuzz!".getBytes(StandardCharsets.US_ASCII);
    private static final String WEBHOOK_SECRET = "whsec_" + Base64.getEncoder().encodeToString(WEBHOOK_KEY);
    private static final long NOW = 1_700_000_000L;
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.ofEpochSecond(NOW));
    private static final SignatureVerifier TOOLGATE =
            SignatureVerifier.of(Scheme.TOOLGATE, List.of(TOOLGATE_SECRET)).withClock(CLOCK);
    private static final SignatureVerifier WEBHOOKS = SignatureVerifier.of(
                    Scheme.STANDARD_WEBHOOKS, List.of(WEBHOOK_SECRET))
            .withClock(CLOCK);

    @FuzzTest(maxDuration = "2m")
    @DictionaryEntries({"t=", ",v1=", "v1,", " ", "1700000000", "msg_1"})
    void verifyParsesAnyHeaderOrRefusesItWithAReason(FuzzedDataProvider data) {
        boolean toolgate = data.consumeBoolean();
        boolean signsTarget = data.consumeBoolean();
        Map<String, String> headers = new HashMap<>();
        String id = data.consumeString(40);
        String timestamp = data.consumeString(20);
        String signature = data.consumeString(300);
        if (toolgate) {
            headers.put(SignatureVerifier.TOOLGATE_SIGNATURE_HEADER, signature);
        } else {
            headers.put(SignatureVerifier.WEBHOOK_ID_HEADER, id);
            headers.put(SignatureVerifier.WEBHOOK_TIMESTAMP_HEADER, timestamp);
            headers.put(SignatureVerifier.WEBHOOK_SIGNATURE_HEADER, signature);
        }
        byte[] payload;
        VerifiedRequest verified;
        try {
            if (signsTarget) {
                String method = data.consumeBoolean() ? "GET" : "DELETE";
                String target = data.consumeRemainingAsString();
                payload = (method + " " + target).getBytes(StandardCharsets.UTF_8);
                verified = (toolgate ? TOOLGATE : WEBHOOKS).verify(method, target, HeaderSource.of(headers));
            } else {
                payload = data.consumeRemainingAsBytes();
                verified = (toolgate ? TOOLGATE : WEBHOOKS).verify(payload, HeaderSource.of(headers));
            }
        } catch (SignatureVerificationException refused) {
            assertThat(refused.reason()).isNotNull();
            assertThat(refused.getMessage())
                    .isNotBlank()
                    .doesNotContain(TOOLGATE_SECRET)
                    .doesNotContain(WEBHOOK_SECRET);
            return;
        }
        long signedAt = verified.signedAt().getEpochSecond();
        assertThat(Math.abs(signedAt - NOW)).isLessThanOrEqualTo(300);
        assertThat(verified.secretIndex()).isZero();
        String expected = toolgate
                ? HexFormat.of().formatHex(hmac(TOOLGATE_SECRET.getBytes(StandardCharsets.UTF_8), signedAt, payload))
                : Base64.getEncoder().encodeToString(hmac(WEBHOOK_KEY, id + "." + signedAt, payload));
        assertThat(signature)
                .as("an accepted header carries the real signature")
                .contains(expected);
    }

    @FuzzTest(maxDuration = "2m")
    void acceptsACorrectSignatureAmongUnknownEntries(FuzzedDataProvider data) {
        long timestamp = NOW + data.consumeLong(-300, 300);
        byte[] body = data.consumeBytes(200);
        String signature =
                HexFormat.of().formatHex(hmac(TOOLGATE_SECRET.getBytes(StandardCharsets.UTF_8), timestamp, body));
        StringBuilder header = new StringBuilder(ows(data) + "t=" + timestamp + ows(data));
        int extra = data.consumeInt(0, 3);
        for (int i = 0; i < extra; i++) {
            String key = data.consumeAsciiString(8).replaceAll("[,= \\t]", "");
            String value = data.consumeAsciiString(30).replace(",", "");
            if (key.equals("t") || key.isEmpty()) {
                key = "v0";
            }
            header.append(',').append(ows(data)).append(key).append('=').append(value);
        }
        header.append(',').append(ows(data)).append("v1=").append(signature).append(ows(data));

        VerifiedRequest verified;
        try {
            verified = TOOLGATE.verify(
                    body, HeaderSource.of(Map.of(SignatureVerifier.TOOLGATE_SIGNATURE_HEADER, header.toString())));
        } catch (SignatureVerificationException e) {
            throw new AssertionError("refused a correct signature in '" + header + "': " + e.reason(), e);
        }
        assertThat(verified.signedAt().getEpochSecond()).isEqualTo(timestamp);
    }

    /** Optional white space (RFC 9110 §5.6.3): spaces and tabs. */
    private static String ows(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 1 -> " ";
            case 2 -> "\t";
            case 3 -> "  \t";
            default -> "";
        };
    }

    private static byte[] hmac(byte[] key, long timestamp, byte[] payload) {
        return hmac(key, Long.toString(timestamp), payload);
    }

    private static byte[] hmac(byte[] key, String prefix, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((prefix + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(payload);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
