package dev.toolgate.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.core.render.RenderedRequest;
import dev.toolgate.core.tool.HttpMethod;
import dev.toolgate.core.tool.SignatureScheme;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * Known-answer tests. Every expected value was computed outside Java with OpenSSL, e.g.
 * {@code printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'tgsec_8yHq…'}.
 */
class RequestSignerTest {

    private static final SigningSecret CURRENT = SigningSecret.of("tgsec_8yHqHjVZQ1o2ZJ0m3hO4nQ6v7XbY0cKZlWw2pTtA9sE");
    private static final SigningSecret PREVIOUS = SigningSecret.of("tgsec_old0000000000000000000000000000000000000000");
    private static final long TS = 1_700_000_000L;

    @Test
    void signsTheTimestampAndTheRawBody() {
        RenderedRequest request = post("{\"a\":1}");

        RenderedRequest signed = RequestSigner.sign(request, SignatureScheme.TOOLGATE, List.of(CURRENT), TS, "inv_1");

        assertThat(signed.headers().get("X-Toolgate-Signature"))
                .isEqualTo("t=1700000000,v1=ea5aa8792c85f469b68f06edd6223088fd982c76aff0c79cde376ca5eff7a3af");
    }

    @Test
    void signsAnEmptyBody() {
        // printf '%s' '1700000000.' | openssl dgst -sha256 -hmac "$CURRENT"
        assertThat(RequestSigner.toolgateSignatureHeader(TS, new byte[0], List.of(CURRENT)))
                .isEqualTo("t=1700000000,v1=a2e16eb1161a0c4f9c6c4c8e4e3eb0defd5de1215542ac031a1420f9ee584944");
    }

    @Test
    void signsTheUtf8BytesOfAUnicodeBody() {
        RenderedRequest request = post("{\"city\":\"Zürich\",\"note\":\"✓ naïve\"}");

        RenderedRequest signed = RequestSigner.sign(request, SignatureScheme.TOOLGATE, List.of(CURRENT), TS, "inv_1");

        assertThat(signed.headers().get("X-Toolgate-Signature"))
                .isEqualTo("t=1700000000,v1=847e9e7504b4aade4107664d5a40f73f820afc49dcbf276577fe51c06374e4e0");
    }

    @Test
    void aTrailingNewlineIsPartOfTheSignedBody() {
        // printf '1700000000.{"a":1}\n' | openssl dgst -sha256 -hmac "$CURRENT"
        byte[] body = "{\"a\":1}\n".getBytes(StandardCharsets.UTF_8);

        String header = RequestSigner.toolgateSignatureHeader(TS, body, List.of(CURRENT));

        assertThat(header)
                .isEqualTo("t=1700000000,v1=d998df143381f136458b69b2be220f8fa37ab1794ff40047506170bbe11b1880");
    }

    @Test
    void signsMethodAndTargetOfABodylessRequest() {
        RenderedRequest request = RenderedRequest.builder(
                        HttpMethod.GET, HttpUrl.get("https://api.example.com/v1/weather?city=S%C3%A3o%20Paulo&days=3"))
                .headers(Headers.of("X-Toolgate-Timestamp", "1700000000"))
                .build();

        RenderedRequest signed = RequestSigner.sign(request, SignatureScheme.TOOLGATE, List.of(CURRENT), TS, "inv_1");

        // printf '%s' '1700000000.GET /v1/weather?city=S%C3%A3o%20Paulo&days=3' | openssl dgst -sha256 -hmac "$CURRENT"
        assertThat(signed.headers().get("X-Toolgate-Signature"))
                .isEqualTo("t=1700000000,v1=a7d399494267fd88dd190c7755b1d23bddeed33334368a799cd74dcdbb61eae5");
    }

    @Test
    void signsOncePerActiveSecretDuringARotation() {
        RenderedRequest signed = RequestSigner.sign(
                post("{\"a\":1}"), SignatureScheme.TOOLGATE, List.of(CURRENT, PREVIOUS), TS, "inv_1");

        assertThat(signed.headers().get("X-Toolgate-Signature"))
                .isEqualTo("t=1700000000"
                        + ",v1=ea5aa8792c85f469b68f06edd6223088fd982c76aff0c79cde376ca5eff7a3af"
                        + ",v1=57f3796c4a4bc60ff560bfb070f10b6392b82428249ed0fb0e889ef7655c4f89");
    }

    @Test
    void keepsTheRequestAndMasksTheSignatureAndTheSecretsWhereverTheyAreShown() {
        RenderedRequest request = post("{\"a\":1}");

        RenderedRequest signed =
                RequestSigner.sign(request, SignatureScheme.TOOLGATE, List.of(CURRENT, PREVIOUS), TS, "inv_1");

        String header = signed.headers().get("X-Toolgate-Signature");
        String second = header.substring(header.lastIndexOf("v1=") + 3);
        assertThat(signed.body()).isEqualTo(request.body());
        assertThat(signed.url()).isEqualTo(request.url());
        assertThat(signed.headers().get("X-Toolgate-Timestamp")).isEqualTo("1700000000");
        assertThat(signed.maskedHeaders().get("X-Toolgate-Signature")).isEqualTo("***");
        assertThat(signed.secrets()
                        .mask("echo: " + header + " | " + second + " | " + CURRENT.reveal() + " | "
                                + PREVIOUS.reveal()))
                .isEqualTo("echo: *** | *** | *** | ***");
        assertThat(request.headers().get("X-Toolgate-Signature")).isNull();
    }

    @Test
    void masksTheStandardWebhooksSignatureButNotItsIdAndTimestamp() {
        SigningSecret secret = SigningSecret.generate(SignatureScheme.STANDARD_WEBHOOKS);

        RenderedRequest signed =
                RequestSigner.sign(post("{\"a\":1}"), SignatureScheme.STANDARD_WEBHOOKS, List.of(secret), TS, "inv_1");

        String signature = signed.headers().get("webhook-signature");
        assertThat(signed.maskedHeaders())
                .containsEntry("webhook-signature", "***")
                .containsEntry("webhook-id", "inv_1")
                .containsEntry("webhook-timestamp", "1700000000");
        assertThat(signed.secrets().mask(signature.substring(3) + " " + secret.reveal()))
                .isEqualTo("*** ***");
    }

    @Test
    void matchesThePublishedStandardWebhooksVector() {
        // From the Standard Webhooks specification's reference libraries and test suite.
        SigningSecret secret = SigningSecret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        RenderedRequest request = RenderedRequest.builder(HttpMethod.POST, HttpUrl.get("https://api.example.com/hook"))
                .body("{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8))
                .contentType("application/json")
                .build();

        RenderedRequest signed = RequestSigner.sign(
                request,
                SignatureScheme.STANDARD_WEBHOOKS,
                List.of(secret),
                1_614_265_330L,
                "msg_p5jXN8AQM9LWM0D4loKWxJek");

        assertThat(signed.headers().get("webhook-id")).isEqualTo("msg_p5jXN8AQM9LWM0D4loKWxJek");
        assertThat(signed.headers().get("webhook-timestamp")).isEqualTo("1614265330");
        assertThat(signed.headers().get("webhook-signature"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(signed.headers().get("X-Toolgate-Signature")).isNull();
    }

    @Test
    void standardWebhooksSignsABodylessRequestAndEverySecret() {
        SigningSecret published = SigningSecret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        RenderedRequest request = RenderedRequest.builder(
                        HttpMethod.GET, HttpUrl.get("https://api.example.com/v1/weather?city=Berlin"))
                .build();

        RenderedRequest signed = RequestSigner.sign(
                request, SignatureScheme.STANDARD_WEBHOOKS, List.of(published, published), TS, "msg_1");

        // printf '%s' 'msg_1.1700000000.GET /v1/weather?city=Berlin' | openssl dgst -sha256 -mac HMAC \
        //     -macopt hexkey:$(printf '%s' MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw | base64 -d | xxd -p -c 256) -binary |
        // base64
        assertThat(signed.headers().get("webhook-signature"))
                .isEqualTo(
                        "v1,moa1VOdSZJZK+apwgFeXGHdYe9NUjXpUfjH2kVBwqI0= v1,moa1VOdSZJZK+apwgFeXGHdYe9NUjXpUfjH2kVBwqI0=");
    }

    @Test
    void exposesTheExactSignedContent() {
        byte[] payload = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

        assertThat(new String(RequestSigner.signedContent(TS, payload), StandardCharsets.UTF_8))
                .isEqualTo("1700000000.{\"a\":1}");
        assertThat(new String(
                        RequestSigner.standardWebhooksSignedContent("msg_1", TS, payload), StandardCharsets.UTF_8))
                .isEqualTo("msg_1.1700000000.{\"a\":1}");
        assertThat(new String(
                        RequestSigner.payload(get("https://api.example.com/a/b?x=1%202")), StandardCharsets.UTF_8))
                .isEqualTo("GET /a/b?x=1%202");
    }

    @Test
    void refusesAWebhookIdContainingADot() {
        SigningSecret secret = SigningSecret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertThatThrownBy(() ->
                        RequestSigner.sign(post("{}"), SignatureScheme.STANDARD_WEBHOOKS, List.of(secret), TS, "msg.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'.'");
    }

    @Test
    void refusesAStandardWebhooksSecretWithoutItsPrefixAndDoesNotEchoIt() {
        assertThatThrownBy(() -> RequestSigner.sign(
                        post("{}"), SignatureScheme.STANDARD_WEBHOOKS, List.of(CURRENT), TS, "msg_1"))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain(CURRENT.reveal());
    }

    @Test
    void refusesToSignWithoutASecret() {
        assertThatThrownBy(() -> RequestSigner.sign(post("{}"), SignatureScheme.TOOLGATE, List.of(), TS, "inv_1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesATimestampThatDisagreesWithTheRenderedOne() {
        assertThatThrownBy(() ->
                        RequestSigner.sign(post("{}"), SignatureScheme.TOOLGATE, List.of(CURRENT), TS + 1, "inv_1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RenderedRequest post(String body) {
        return RenderedRequest.builder(HttpMethod.POST, HttpUrl.get("https://api.example.com/hook"))
                .headers(Headers.of("X-Toolgate-Timestamp", "1700000000"))
                .body(body.getBytes(StandardCharsets.UTF_8))
                .contentType("application/json; charset=utf-8")
                .build();
    }

    private static RenderedRequest get(String url) {
        return RenderedRequest.builder(HttpMethod.GET, HttpUrl.get(url)).build();
    }
}
