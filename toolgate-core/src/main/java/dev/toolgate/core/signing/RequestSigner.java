package dev.toolgate.core.signing;

import dev.toolgate.core.render.RenderedRequest;
import dev.toolgate.core.tool.SignatureScheme;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Headers;

/**
 * Signs a {@link RenderedRequest} so the tenant endpoint can prove it came from Toolgate and is fresh
 * (docs/signing.md). Two schemes:
 *
 * <ul>
 *   <li>{@link SignatureScheme#TOOLGATE}: {@code X-Toolgate-Signature: t=<ts>,v1=<hex>[,v1=<hex>…]}, each
 *       {@code v1} the lower-case hex HMAC-SHA256 (RFC 2104, FIPS 180-4) of {@code <ts>.<payload>} under one
 *       active secret, keyed by the UTF-8 bytes of the whole secret string. Byte-compatible with Stripe's
 *       {@code Stripe-Signature} scheme, so Stripe's verifiers accept it.</li>
 *   <li>{@link SignatureScheme#STANDARD_WEBHOOKS} (Standard Webhooks 1.0, standardwebhooks.com):
 *       {@code webhook-id}, {@code webhook-timestamp}, and {@code webhook-signature: v1,<base64>[ v1,<base64>…]}
 *       over {@code <id>.<ts>.<payload>}, keyed by the base64-decoded bytes after {@code whsec_}.</li>
 * </ul>
 *
 * <p>The payload is the raw body bytes, exactly as sent; for a request without a body it is the UTF-8 bytes
 * of {@code <METHOD> <target>} (e.g. {@code GET /weather?city=Berlin}), so query arguments are signed too.
 * One signature per active secret lets a tenant rotate secrets without rejecting requests. The signature header
 * ({@code X-Toolgate-Signature} or {@code webhook-signature}) is marked sensitive, and its value, each signature
 * in it and the signing secrets join the request's {@link RenderedRequest#secrets()}: a signature is a credential
 * for as long as the verifier's tolerance accepts its timestamp, so it is shown as {@code ***} and masked in an
 * echo of the request. Stateless and thread-safe.
 */
public final class RequestSigner {

    /** The Toolgate-scheme signature header. */
    public static final String TOOLGATE_SIGNATURE_HEADER = "X-Toolgate-Signature";
    /** The Standard Webhooks message-id header. */
    public static final String WEBHOOK_ID_HEADER = "webhook-id";
    /** The Standard Webhooks timestamp header (unix seconds). */
    public static final String WEBHOOK_TIMESTAMP_HEADER = "webhook-timestamp";
    /** The Standard Webhooks signature header. */
    public static final String WEBHOOK_SIGNATURE_HEADER = "webhook-signature";

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final String TIMESTAMP_HEADER = "X-Toolgate-Timestamp";

    private RequestSigner() {}

    /**
     * Returns a copy of {@code request} with the scheme's signature headers added after the existing ones.
     *
     * @param request the rendered, unsigned request
     * @param scheme the tool's signature scheme
     * @param activeSecrets the tool's active secrets, newest first; one signature each; non-empty
     * @param timestampSeconds unix seconds; must equal the request's {@code X-Toolgate-Timestamp} if it has one
     * @param messageId the Standard Webhooks {@code webhook-id} (normally the invocation id); must not contain
     *     {@code '.'}, which separates the signed parts. Ignored by the Toolgate scheme, whose id travels in
     *     {@code X-Toolgate-Invocation-Id}
     * @throws IllegalArgumentException if {@code activeSecrets} is empty, a Standard Webhooks secret is not
     *     {@code whsec_<base64>}, the message id is blank or holds {@code '.'}, or the timestamp disagrees
     *     with {@code X-Toolgate-Timestamp}; messages never contain secret values
     */
    public static RenderedRequest sign(
            RenderedRequest request,
            SignatureScheme scheme,
            List<SigningSecret> activeSecrets,
            long timestampSeconds,
            String messageId) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(scheme, "scheme");
        String stamped = request.headers().get(TIMESTAMP_HEADER);
        if (stamped != null && !stamped.equals(Long.toString(timestampSeconds))) {
            throw new IllegalArgumentException(
                    "timestamp " + timestampSeconds + " disagrees with " + TIMESTAMP_HEADER + ": " + stamped);
        }
        byte[] payload = payload(request);
        String signatureHeader;
        Headers signatureHeaders;
        switch (scheme) {
            case TOOLGATE -> {
                signatureHeader = TOOLGATE_SIGNATURE_HEADER;
                signatureHeaders =
                        Headers.of(signatureHeader, toolgateSignatureHeader(timestampSeconds, payload, activeSecrets));
            }
            case STANDARD_WEBHOOKS -> {
                signatureHeader = WEBHOOK_SIGNATURE_HEADER;
                signatureHeaders = Headers.of(
                        WEBHOOK_ID_HEADER,
                        messageId,
                        WEBHOOK_TIMESTAMP_HEADER,
                        Long.toString(timestampSeconds),
                        signatureHeader,
                        standardWebhooksSignatureHeader(messageId, timestampSeconds, payload, activeSecrets));
            }
            default -> throw new IllegalArgumentException("unknown signature scheme " + scheme);
        }
        List<String> secretValues = new ArrayList<>(signatureParts(signatureHeaders.get(signatureHeader)));
        activeSecrets.forEach(secret -> secretValues.add(secret.reveal()));
        return request.withAddedHeaders(signatureHeaders, Set.of(signatureHeader), secretValues);
    }

    /** The whole signature header value and each signature in it (the text after {@code v1=} or {@code v1,}). */
    private static List<String> signatureParts(String headerValue) {
        List<String> parts = new ArrayList<>(List.of(headerValue));
        for (String entry : headerValue.split("[, ]")) {
            if (entry.startsWith("v1=")) {
                parts.add(entry.substring(3));
            }
        }
        for (String entry : headerValue.split(" ")) {
            if (entry.startsWith("v1,")) {
                parts.add(entry.substring(3));
            }
        }
        return parts;
    }

    /**
     * Returns what is signed for a request, before the scheme's prefix: the body bytes, or for a request
     * without a body the UTF-8 bytes of {@code <METHOD> <target>} ({@link RenderedRequest#target()}).
     *
     * @param request the rendered request
     * @return a fresh array
     */
    public static byte[] payload(RenderedRequest request) {
        if (request.body() != null) {
            return request.body().clone();
        }
        return (request.method().name() + " " + request.target()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns the exact bytes the Toolgate scheme signs: {@code <ts>.} followed by the payload.
     *
     * @param timestampSeconds unix seconds, written in decimal
     * @param payload the body bytes, or {@code <METHOD> <target>} for a bodyless request (see {@link #payload})
     */
    public static byte[] signedContent(long timestampSeconds, byte[] payload) {
        return concat((timestampSeconds + ".").getBytes(StandardCharsets.UTF_8), payload);
    }

    /**
     * Returns the exact bytes the Standard Webhooks scheme signs: {@code <id>.<ts>.} followed by the payload.
     *
     * @param messageId the {@code webhook-id}
     * @param timestampSeconds unix seconds, written in decimal
     * @param payload the body bytes, or {@code <METHOD> <target>} for a bodyless request
     * @throws IllegalArgumentException if {@code messageId} is blank or contains {@code '.'}
     */
    public static byte[] standardWebhooksSignedContent(String messageId, long timestampSeconds, byte[] payload) {
        checkMessageId(messageId);
        return concat((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8), payload);
    }

    /**
     * Returns the {@code X-Toolgate-Signature} value {@code t=<ts>,v1=<hex>[,v1=<hex>…]}, one {@code v1} per
     * secret in the given order.
     *
     * @param timestampSeconds unix seconds
     * @param payload the body bytes, or {@code <METHOD> <target>} for a bodyless request; the {@code <ts>.}
     *     prefix is added here
     * @param secrets the active secrets; non-empty
     * @throws IllegalArgumentException if {@code secrets} is empty
     */
    public static String toolgateSignatureHeader(long timestampSeconds, byte[] payload, List<SigningSecret> secrets) {
        checkSecrets(secrets);
        byte[] content = signedContent(timestampSeconds, payload);
        StringJoiner header = new StringJoiner(",", "t=" + timestampSeconds + ",", "");
        for (SigningSecret secret : secrets) {
            header.add("v1=" + HexFormat.of().formatHex(hmacSha256(secret.toolgateKey(), content)));
        }
        return header.toString();
    }

    /**
     * Returns the {@code webhook-signature} value {@code v1,<base64>[ v1,<base64>…]}, one per secret.
     *
     * @param messageId the {@code webhook-id}; must not be blank or contain {@code '.'}
     * @param timestampSeconds unix seconds
     * @param payload the body bytes, or {@code <METHOD> <target>} for a bodyless request
     * @param secrets the active {@code whsec_} secrets; non-empty
     * @throws IllegalArgumentException if an argument breaks the rules above
     */
    public static String standardWebhooksSignatureHeader(
            String messageId, long timestampSeconds, byte[] payload, List<SigningSecret> secrets) {
        checkSecrets(secrets);
        byte[] content = standardWebhooksSignedContent(messageId, timestampSeconds, payload);
        StringJoiner header = new StringJoiner(" ");
        for (SigningSecret secret : secrets) {
            header.add("v1," + Base64.getEncoder().encodeToString(hmacSha256(secret.standardWebhooksKey(), content)));
        }
        return header.toString();
    }

    private static void checkSecrets(List<SigningSecret> secrets) {
        Objects.requireNonNull(secrets, "secrets");
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one active signing secret is required");
        }
    }

    private static void checkMessageId(String messageId) {
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("webhook-id must not be blank");
        }
        if (messageId.indexOf('.') >= 0) {
            throw new IllegalArgumentException("webhook-id must not contain '.': " + messageId);
        }
    }

    private static byte[] hmacSha256(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return mac.doFinal(content);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required on every Java platform", e);
        }
    }

    private static byte[] concat(byte[] prefix, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(prefix.length + payload.length);
        out.writeBytes(prefix);
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
