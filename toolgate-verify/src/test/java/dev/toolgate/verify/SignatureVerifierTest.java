package dev.toolgate.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.verify.SignatureVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** What a tenant sees of the API beyond the shared vectors: defaults, rotation bookkeeping, secrecy. */
class SignatureVerifierTest {

    private static final String SECRET = "tgsec_8yHqHjVZQ1o2ZJ0m3hO4nQ6v7XbY0cKZlWw2pTtA9sE";
    private static final String OLD_SECRET = "tgsec_Qm2xN7vLp0sRt4yWz8cEa1dFg5hJk9bUi3oYe6uTr2M";
    private static final long TS = 1_700_000_000L;
    private static final byte[] BODY = "{\"order_id\":\"A-1001\"}".getBytes(StandardCharsets.UTF_8);

    private static SignatureVerifier verifierAt(long now, String... secrets) {
        return SignatureVerifier.of(Scheme.TOOLGATE, List.of(secrets))
                .withClock(InstantSource.fixed(Instant.ofEpochSecond(now)));
    }

    private static HeaderSource signedBy(String secret, long ts) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((ts + ".").getBytes(StandardCharsets.UTF_8));
        String header = "t=" + ts + ",v1=" + HexFormat.of().formatHex(mac.doFinal(BODY));
        return HeaderSource.of(Map.of("X-Toolgate-Signature", header));
    }

    @Test
    void acceptsAndReportsTheSignedTimeAndWhichSecretMatched() throws Exception {
        VerifiedRequest verified = verifierAt(TS + 10, OLD_SECRET, SECRET).verify(BODY, signedBy(SECRET, TS));

        assertThat(verified).isEqualTo(new VerifiedRequest(Scheme.TOOLGATE, Instant.ofEpochSecond(TS), 1));
    }

    @Test
    void theDefaultToleranceIsFiveMinutesEitherWay() throws Exception {
        SignatureVerifier verifier = verifierAt(TS, SECRET);

        assertThat(verifier.tolerance()).isEqualTo(Duration.ofSeconds(300));
        assertThat(verifier.verify(BODY, signedBy(SECRET, TS - 300)).signedAt())
                .isEqualTo(Instant.ofEpochSecond(TS - 300));
        assertThat(verifier.verify(BODY, signedBy(SECRET, TS + 300)).signedAt())
                .isEqualTo(Instant.ofEpochSecond(TS + 300));
        assertThatThrownBy(() -> verifier.verify(BODY, signedBy(SECRET, TS - 301)))
                .isInstanceOfSatisfying(
                        SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMESTAMP_TOO_OLD));
        assertThatThrownBy(() -> verifier.verify(BODY, signedBy(SECRET, TS + 301)))
                .isInstanceOfSatisfying(
                        SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMESTAMP_IN_FUTURE));
    }

    @Test
    void aFailureMessageNamesTheProblemButNeverASecretOrTheExpectedSignature() throws Exception {
        String expectedHex =
                signedBy(SECRET, TS).first("x-toolgate-signature").substring(("t=" + TS + ",v1=").length());

        assertThatThrownBy(() -> verifierAt(TS, SECRET)
                        .verify("tampered".getBytes(StandardCharsets.UTF_8), signedBy(SECRET, TS)))
                .isInstanceOfSatisfying(SignatureVerificationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
                    assertThat(e.getMessage())
                            .contains("raw body")
                            .doesNotContain(SECRET)
                            .doesNotContain(expectedHex);
                });
    }

    @Test
    void refusesUnusableSecretsWithoutEchoingThem() {
        assertThatThrownBy(() -> SignatureVerifier.of(Scheme.TOOLGATE, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignatureVerifier.of(Scheme.TOOLGATE, List.of(SECRET, " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("#1");
        assertThatThrownBy(() -> SignatureVerifier.of(Scheme.STANDARD_WEBHOOKS, List.of("whsec_not*base64!")))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("not*base64");
        assertThatThrownBy(() -> verifierAt(TS, SECRET).withTolerance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void standardWebhooksSecretsWorkWithOrWithoutTheirPrefix() throws Exception {
        // The published Standard Webhooks example (also in testdata/signature-vectors.json).
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
        HeaderSource headers = HeaderSource.of(Map.of(
                "webhook-id",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                "webhook-timestamp",
                "1614265330",
                "webhook-signature",
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
        InstantSource then = InstantSource.fixed(Instant.ofEpochSecond(1_614_265_330L));

        for (String secret : List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")) {
            VerifiedRequest verified = SignatureVerifier.of(Scheme.STANDARD_WEBHOOKS, List.of(secret))
                    .withClock(then)
                    .verify(body, headers);
            assertThat(verified.scheme()).isEqualTo(Scheme.STANDARD_WEBHOOKS);
        }
    }

    @Test
    void toStringShowsNoSecret() {
        assertThat(verifierAt(TS, SECRET, OLD_SECRET).toString())
                .isEqualTo("SignatureVerifier[toolgate, 2 secret(s), tolerance 300 s]");
    }

    @Test
    void onlyBodylessMethodsSignTheTarget() {
        assertThat(List.of("GET", "get", "HEAD", "DELETE")).allMatch(SignatureVerifier::signsTarget);
        assertThat(List.of("POST", "PUT", "PATCH")).noneMatch(SignatureVerifier::signsTarget);
    }

    @Test
    void headerSourceOfAMapIgnoresCaseAndTakesTheFirstOfSeveralValues() {
        HeaderSource headers =
                HeaderSource.of(Map.of("X-Toolgate-Signature", List.of("first", "second"), "Other", "x"));

        assertThat(headers.first("x-toolgate-signature")).isEqualTo("first");
        assertThat(headers.first("OTHER")).isEqualTo("x");
        assertThat(headers.first("missing")).isNull();
    }

    @Test
    void schemesUseToolgatesWireNames() {
        assertThat(Scheme.fromWireName("standard_webhooks")).isEqualTo(Scheme.STANDARD_WEBHOOKS);
        assertThat(Scheme.TOOLGATE.wireName()).isEqualTo("toolgate");
        assertThatThrownBy(() -> Scheme.fromWireName("stripe")).isInstanceOf(IllegalArgumentException.class);
    }
}
