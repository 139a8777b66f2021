package dev.toolgate.core.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.render.RenderedRequest;
import dev.toolgate.core.tool.HttpMethod;
import dev.toolgate.core.tool.SignatureScheme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates {@code testdata/signature-vectors.json} from {@link RequestSigner}: the signatures every
 * verification kit (toolgate-verify and examples/*) must agree on. Fails when the committed file differs
 * from what the signer produces today; regenerate with
 * {@code ./mvnw -pl toolgate-core test -Dtest=SignatureVectorsTest -Dtoolgate.vectors.write=true}.
 *
 * <p>Each vector holds the verifier's inputs (scheme, the secrets it holds, method, request target, body as
 * base64 or null for a bodyless request, headers, the verifier's clock {@code now} and tolerance in seconds)
 * and the outcome every kit must report: {@code valid}, or the reason it refuses. Every invalid vector is
 * wrong in exactly one way, so the order in which a kit checks things does not change the expected reason.
 */
class SignatureVectorsTest {

    static final Path FILE = Path.of("..", "testdata", "signature-vectors.json");
    private static final String WRITE_PROPERTY = "toolgate.vectors.write";

    private static final String TG_CURRENT = "tgsec_8yHqHjVZQ1o2ZJ0m3hO4nQ6v7XbY0cKZlWw2pTtA9sE";
    private static final String TG_PREVIOUS = "tgsec_Qm2xN7vLp0sRt4yWz8cEa1dFg5hJk9bUi3oYe6uTr2M";
    private static final String SW_CURRENT = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SW_PREVIOUS = "whsec_"
            + Base64.getEncoder().encodeToString("toolgate-rotation-key-24".getBytes(StandardCharsets.US_ASCII));
    private static final long TS = 1_700_000_000L;
    private static final int TOLERANCE = 300;
    private static final String INVOCATION_ID = "inv_7mXq2ZkT9bRw";
    private static final String ENVELOPE = """
            {"tool":"lookup_order","arguments":{"order_id":"A-1001"},"caller_number":"+14155550123",\
            "call_id":"call_5f2c","agent_id":"0b6c1f9e-2d3a-4c5b-8e7f-9a0b1c2d3e4f",\
            "tenant_id":"7d8e9f0a-1b2c-4d3e-9f5a-6b7c8d9e0f1a","invocation_id":"inv_7mXq2ZkT9bRw",\
            "timestamp":"2023-11-14T22:13:20Z"}""";
    private static final String GET_TARGET = "/v1/orders?order_id=A-1001&note=caf%C3%A9%20au%20lait";

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void committedVectorsMatchWhatTheSignerProduces() throws IOException {
        String generated = JSON.writeValueAsString(document()) + "\n";
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, generated, StandardCharsets.UTF_8);
        }
        assertThat(FILE)
                .as("the committed vectors; regenerate with -D" + WRITE_PROPERTY + "=true")
                .exists();
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("testdata/signature-vectors.json is stale; regenerate with -D" + WRITE_PROPERTY + "=true")
                .isEqualTo(generated);
    }

    @Test
    void everyReasonAndBothSchemesAreCovered() {
        List<Vector> vectors = vectors();
        assertThat(vectors)
                .extracting(Vector::expect)
                .contains(
                        "valid",
                        "MISSING_HEADER",
                        "MALFORMED_HEADER",
                        "NO_SUPPORTED_SIGNATURE",
                        "NO_MATCHING_SIGNATURE",
                        "TIMESTAMP_TOO_OLD",
                        "TIMESTAMP_IN_FUTURE");
        assertThat(vectors)
                .extracting(Vector::scheme)
                .contains(SignatureScheme.TOOLGATE, SignatureScheme.STANDARD_WEBHOOKS);
        assertThat(vectors).extracting(Vector::name).doesNotHaveDuplicates();
    }

    private static ObjectNode document() {
        ObjectNode root = JSON.createObjectNode();
        root.put(
                "about",
                "Signature test vectors generated from Toolgate's RequestSigner. Every verification kit"
                        + " (toolgate-verify, examples/*) must reach the expected outcome for every vector. See docs/signing.md.");
        root.put(
                "regenerate",
                "./mvnw -pl toolgate-core test -Dtest=SignatureVectorsTest -D" + WRITE_PROPERTY + "=true");
        root.put(
                "fields",
                "scheme: toolgate | standard_webhooks; secrets: what the verifier holds; body_base64: the"
                        + " raw body, or null for a bodyless request (then the signed payload is '<method> <target>');"
                        + " body: the same body as UTF-8 text, for reading; now: the verifier's clock, unix seconds;"
                        + " tolerance_seconds: the largest accepted distance between now and the signed timestamp;"
                        + " expect: valid, or the reason the verifier refuses");
        root.put("default_tolerance_seconds", TOLERANCE);
        ArrayNode list = root.putArray("vectors");
        for (Vector vector : vectors()) {
            ObjectNode node = list.addObject();
            node.put("name", vector.name());
            node.put("description", vector.description());
            node.put("scheme", vector.scheme().wireName());
            ArrayNode secrets = node.putArray("secrets");
            vector.secrets().forEach(secrets::add);
            node.put("method", vector.method().name());
            node.put("target", vector.target());
            if (vector.body() == null) {
                node.putNull("body");
                node.putNull("body_base64");
            } else {
                node.put("body", new String(vector.body(), StandardCharsets.UTF_8));
                node.put("body_base64", Base64.getEncoder().encodeToString(vector.body()));
            }
            ObjectNode headers = node.putObject("headers");
            vector.headers().forEach(headers::put);
            node.put("now", vector.now());
            node.put("tolerance_seconds", vector.toleranceSeconds());
            node.put("expect", vector.expect());
        }
        return root;
    }

    /** One vector: a request as it arrives, the verifier's state, and the expected outcome. */
    record Vector(
            String name,
            String description,
            SignatureScheme scheme,
            List<String> secrets,
            HttpMethod method,
            String target,
            byte[] body,
            Map<String, String> headers,
            long now,
            int toleranceSeconds,
            String expect) {

        Vector withName(String newName, String newDescription, String newExpect) {
            return new Vector(
                    newName,
                    newDescription,
                    scheme,
                    secrets,
                    method,
                    target,
                    body,
                    headers,
                    now,
                    toleranceSeconds,
                    newExpect);
        }

        Vector withBody(byte[] newBody) {
            return new Vector(
                    name,
                    description,
                    scheme,
                    secrets,
                    method,
                    target,
                    newBody,
                    headers,
                    now,
                    toleranceSeconds,
                    expect);
        }

        Vector withTarget(String newTarget) {
            return new Vector(
                    name,
                    description,
                    scheme,
                    secrets,
                    method,
                    newTarget,
                    body,
                    headers,
                    now,
                    toleranceSeconds,
                    expect);
        }

        Vector withSecrets(String... newSecrets) {
            return new Vector(
                    name,
                    description,
                    scheme,
                    List.of(newSecrets),
                    method,
                    target,
                    body,
                    headers,
                    now,
                    toleranceSeconds,
                    expect);
        }

        Vector withClock(long newNow, int newTolerance) {
            return new Vector(
                    name, description, scheme, secrets, method, target, body, headers, newNow, newTolerance, expect);
        }

        /** Returns a copy whose header {@code name} is {@code value}, or removed when {@code value} is null. */
        Vector withHeader(String headerName, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            if (value == null) {
                copy.remove(headerName);
            } else {
                copy.put(headerName, value);
            }
            return new Vector(
                    name, description, scheme, secrets, method, target, body, copy, now, toleranceSeconds, expect);
        }
    }

    static List<Vector> vectors() {
        List<Vector> out = new ArrayList<>();
        toolgateVectors(out);
        standardWebhooksVectors(out);
        return out;
    }

    private static void toolgateVectors(List<Vector> out) {
        Vector envelope = signed(
                "toolgate/envelope",
                "The envelope body of a POST, signed with one secret.",
                SignatureScheme.TOOLGATE,
                List.of(TG_CURRENT),
                HttpMethod.POST,
                "/v1/orders",
                utf8(ENVELOPE));
        out.add(envelope);
        out.add(signed(
                "toolgate/empty-body",
                "A POST with an empty body: the signed content is '<ts>.'.",
                SignatureScheme.TOOLGATE,
                List.of(TG_CURRENT),
                HttpMethod.POST,
                "/v1/orders",
                new byte[0]));
        out.add(signed(
                "toolgate/unicode-body",
                "Non-ASCII text is signed as its UTF-8 bytes.",
                SignatureScheme.TOOLGATE,
                List.of(TG_CURRENT),
                HttpMethod.POST,
                "/v1/notes",
                utf8("{\"city\":\"Zürich\",\"note\":\"✓ naïve café — 東京 🚀\"}")));
        out.add(signed(
                "toolgate/trailing-newline",
                "A trailing newline is part of the signed body.",
                SignatureScheme.TOOLGATE,
                List.of(TG_CURRENT),
                HttpMethod.PUT,
                "/v1/orders/A-1001",
                utf8("{\"order_id\":\"A-1001\"}\n")));
        Vector get = signed(
                "toolgate/bodyless-get",
                "A GET without a body signs '<METHOD> <target>', target as sent"
                        + " on the request line (percent-encoding kept).",
                SignatureScheme.TOOLGATE,
                List.of(TG_CURRENT),
                HttpMethod.GET,
                GET_TARGET,
                null);
        out.add(get);
        out.add(signed(
                "toolgate/bodyless-delete",
                "A DELETE without a body signs '<METHOD> <target>'.",
                SignatureScheme.TOOLGATE,
                List.of(TG_CURRENT),
                HttpMethod.DELETE,
                "/v1/orders/A-1001",
                null));
        Vector rotated = signed(
                        "toolgate/rotation-verifier-holds-previous",
                        "Signed with two secrets during a"
                                + " rotation (two v1 entries); a verifier that still holds only the previous secret accepts.",
                        SignatureScheme.TOOLGATE,
                        List.of(TG_CURRENT, TG_PREVIOUS),
                        HttpMethod.POST,
                        "/v1/orders",
                        utf8(ENVELOPE))
                .withSecrets(TG_PREVIOUS);
        out.add(rotated);
        out.add(envelope.withSecrets(TG_PREVIOUS, TG_CURRENT)
                .withName(
                        "toolgate/rotation-verifier-holds-both",
                        "Signed with the current secret only; a verifier holding the previous and the current secret accepts.",
                        "valid"));
        out.add(envelope.withHeader("X-Toolgate-Signature", null)
                .withHeader("x-toolgate-signature", envelope.headers().get("X-Toolgate-Signature"))
                .withName("toolgate/lower-case-header-name", "Header names are case-insensitive.", "valid"));
        Map<String, String> withV0 = envelope.headers();
        out.add(envelope.withHeader(
                        "X-Toolgate-Signature", withV0.get("X-Toolgate-Signature") + ",v0=" + "0".repeat(64))
                .withName(
                        "toolgate/unknown-scheme-ignored",
                        "Entries of other schemes (v0=) next to a v1 are ignored.",
                        "valid"));
        out.add(envelope.withClock(TS + TOLERANCE, TOLERANCE)
                .withName("toolgate/at-tolerance", "Exactly 300 s old: still accepted.", "valid"));

        out.add(envelope.withBody(utf8(ENVELOPE.replace("A-1001", "A-1002")))
                .withName("toolgate/tampered-body", "One body byte changed after signing.", "NO_MATCHING_SIGNATURE"));
        out.add(get.withTarget(GET_TARGET.replace("A-1001", "A-1002"))
                .withName(
                        "toolgate/tampered-target",
                        "One byte of the query changed after signing a bodyless GET.",
                        "NO_MATCHING_SIGNATURE"));
        out.add(envelope.withSecrets(TG_PREVIOUS)
                .withName(
                        "toolgate/wrong-secret",
                        "The verifier holds another secret than the one that signed.",
                        "NO_MATCHING_SIGNATURE"));
        out.add(envelope.withBody(utf8(ENVELOPE + "\n"))
                .withName(
                        "toolgate/added-trailing-newline",
                        "A newline added after signing (e.g. by a proxy) breaks the signature.",
                        "NO_MATCHING_SIGNATURE"));
        out.add(envelope.withClock(TS + TOLERANCE + 1, TOLERANCE)
                .withName("toolgate/expired", "301 s old with a 300 s tolerance.", "TIMESTAMP_TOO_OLD"));
        out.add(envelope.withClock(TS + 61, 60)
                .withName("toolgate/expired-custom-tolerance", "61 s old with a 60 s tolerance.", "TIMESTAMP_TOO_OLD"));
        out.add(envelope.withClock(TS - TOLERANCE - 1, TOLERANCE)
                .withName("toolgate/future-dated", "Dated 301 s after the verifier's clock.", "TIMESTAMP_IN_FUTURE"));
        out.add(envelope.withHeader("X-Toolgate-Signature", null)
                .withName("toolgate/missing-header", "No X-Toolgate-Signature header.", "MISSING_HEADER"));
        String v1 = envelope.headers().get("X-Toolgate-Signature").substring(("t=" + TS + ",").length());
        out.add(envelope.withHeader("X-Toolgate-Signature", "")
                .withName("toolgate/empty-header", "An empty X-Toolgate-Signature header.", "MISSING_HEADER"));
        out.add(envelope.withHeader("X-Toolgate-Signature", v1)
                .withName("toolgate/no-timestamp", "A v1 entry but no t= entry.", "MALFORMED_HEADER"));
        out.add(envelope.withHeader("X-Toolgate-Signature", "t=17OOOOOOOO," + v1)
                .withName("toolgate/timestamp-not-a-number", "t= is not a decimal number.", "MALFORMED_HEADER"));
        out.add(envelope.withHeader("X-Toolgate-Signature", "t=" + TS + ",t=" + TS + "," + v1)
                .withName("toolgate/duplicate-timestamp", "Two t= entries.", "MALFORMED_HEADER"));
        out.add(envelope.withHeader("X-Toolgate-Signature", "garbage")
                .withName("toolgate/garbage", "A header that is not a list of key=value entries.", "MALFORMED_HEADER"));
        out.add(envelope.withHeader("X-Toolgate-Signature", "t=" + TS + ",v0=" + v1.substring(3))
                .withName(
                        "toolgate/non-v1-schemes-only",
                        "Only a v0= entry: no signature this verifier supports.",
                        "NO_SUPPORTED_SIGNATURE"));
    }

    private static void standardWebhooksVectors(List<Vector> out) {
        Vector published = new Vector(
                "standard-webhooks/published-example",
                "The example from the Standard Webhooks specification's reference libraries.",
                SignatureScheme.STANDARD_WEBHOOKS,
                List.of(SW_CURRENT),
                HttpMethod.POST,
                "/webhook",
                utf8("{\"test\": 2432232314}"),
                Map.of(),
                1_614_265_330L,
                TOLERANCE,
                "valid");
        out.add(sign(published, List.of(SW_CURRENT), 1_614_265_330L, "msg_p5jXN8AQM9LWM0D4loKWxJek"));
        Vector envelope = signed(
                "standard-webhooks/envelope",
                "The envelope body of a POST.",
                SignatureScheme.STANDARD_WEBHOOKS,
                List.of(SW_CURRENT),
                HttpMethod.POST,
                "/v1/orders",
                utf8(ENVELOPE));
        out.add(envelope);
        out.add(signed(
                "standard-webhooks/empty-body",
                "An empty body: the signed content is '<id>.<ts>.'.",
                SignatureScheme.STANDARD_WEBHOOKS,
                List.of(SW_CURRENT),
                HttpMethod.POST,
                "/v1/orders",
                new byte[0]));
        out.add(signed(
                "standard-webhooks/unicode-body",
                "Non-ASCII text is signed as its UTF-8 bytes.",
                SignatureScheme.STANDARD_WEBHOOKS,
                List.of(SW_CURRENT),
                HttpMethod.POST,
                "/v1/notes",
                utf8("{\"city\":\"Zürich\",\"note\":\"✓ naïve café — 東京 🚀\"}")));
        out.add(signed(
                "standard-webhooks/trailing-newline",
                "A trailing newline is part of the signed body.",
                SignatureScheme.STANDARD_WEBHOOKS,
                List.of(SW_CURRENT),
                HttpMethod.PATCH,
                "/v1/orders/A-1001",
                utf8("{\"order_id\":\"A-1001\"}\n")));
        out.add(signed(
                "standard-webhooks/bodyless-get",
                "A GET without a body signs '<id>.<ts>.<METHOD> <target>'.",
                SignatureScheme.STANDARD_WEBHOOKS,
                List.of(SW_CURRENT),
                HttpMethod.GET,
                GET_TARGET,
                null));
        out.add(signed(
                        "standard-webhooks/rotation-verifier-holds-previous",
                        "Signed with two secrets"
                                + " (two space-separated v1 entries); a verifier holding only the previous secret accepts.",
                        SignatureScheme.STANDARD_WEBHOOKS,
                        List.of(SW_CURRENT, SW_PREVIOUS),
                        HttpMethod.POST,
                        "/v1/orders",
                        utf8(ENVELOPE))
                .withSecrets(SW_PREVIOUS));
        out.add(envelope.withSecrets(SW_PREVIOUS, SW_CURRENT)
                .withName(
                        "standard-webhooks/rotation-verifier-holds-both",
                        "Signed with the current secret; a verifier holding the previous and the current secret accepts.",
                        "valid"));
        String signature = envelope.headers().get("webhook-signature");
        out.add(envelope.withHeader("webhook-signature", "v1a," + signature.substring(3) + " " + signature)
                .withName(
                        "standard-webhooks/unknown-version-ignored",
                        "Entries of other versions (v1a,) next to a v1 are ignored.",
                        "valid"));

        out.add(envelope.withBody(utf8(ENVELOPE.replace("A-1001", "A-1002")))
                .withName(
                        "standard-webhooks/tampered-body",
                        "One body byte changed after signing.",
                        "NO_MATCHING_SIGNATURE"));
        out.add(envelope.withHeader("webhook-id", INVOCATION_ID + "x")
                .withName(
                        "standard-webhooks/tampered-id",
                        "The webhook-id changed after signing.",
                        "NO_MATCHING_SIGNATURE"));
        out.add(envelope.withSecrets(SW_PREVIOUS)
                .withName(
                        "standard-webhooks/wrong-secret",
                        "The verifier holds another secret than the one that signed.",
                        "NO_MATCHING_SIGNATURE"));
        out.add(envelope.withClock(TS + TOLERANCE + 1, TOLERANCE)
                .withName("standard-webhooks/expired", "301 s old with a 300 s tolerance.", "TIMESTAMP_TOO_OLD"));
        out.add(envelope.withClock(TS - TOLERANCE - 1, TOLERANCE)
                .withName(
                        "standard-webhooks/future-dated",
                        "Dated 301 s after the verifier's clock.",
                        "TIMESTAMP_IN_FUTURE"));
        out.add(envelope.withHeader("webhook-id", null)
                .withName("standard-webhooks/missing-id", "No webhook-id header.", "MISSING_HEADER"));
        out.add(envelope.withHeader("webhook-signature", null)
                .withName("standard-webhooks/missing-signature", "No webhook-signature header.", "MISSING_HEADER"));
        out.add(envelope.withHeader("webhook-timestamp", "yesterday")
                .withName(
                        "standard-webhooks/timestamp-not-a-number",
                        "webhook-timestamp is not a decimal number.",
                        "MALFORMED_HEADER"));
        out.add(envelope.withHeader("webhook-signature", signature.replace(",", ""))
                .withName(
                        "standard-webhooks/signature-without-version",
                        "A webhook-signature entry without '<version>,'.",
                        "MALFORMED_HEADER"));
        out.add(envelope.withHeader("webhook-signature", "v1a," + signature.substring(3))
                .withName(
                        "standard-webhooks/non-v1-versions-only",
                        "Only a v1a, entry: no signature this verifier supports.",
                        "NO_SUPPORTED_SIGNATURE"));
    }

    /** A valid vector: a request signed at {@link #TS} with {@code signers}, verified at {@link #TS} by the same secrets. */
    private static Vector signed(
            String name,
            String description,
            SignatureScheme scheme,
            List<String> signers,
            HttpMethod method,
            String target,
            byte[] body) {
        Vector unsigned =
                new Vector(name, description, scheme, signers, method, target, body, Map.of(), TS, TOLERANCE, "valid");
        return sign(unsigned, signers, TS, INVOCATION_ID);
    }

    /** Signs the vector's request through {@link RequestSigner#sign} and keeps the headers a verifier reads. */
    private static Vector sign(Vector vector, List<String> signers, long timestamp, String messageId) {
        HttpUrl url = HttpUrl.get("https://tenant.example" + vector.target());
        RenderedRequest request = RenderedRequest.builder(vector.method(), url)
                .headers(Headers.of(
                        "X-Toolgate-Invocation-Id", messageId, "X-Toolgate-Timestamp", Long.toString(timestamp)))
                .body(vector.body())
                .contentType(vector.body() == null ? null : "application/json; charset=utf-8")
                .build();
        assertThat(request.target())
                .as("the target survives URL parsing unchanged")
                .isEqualTo(vector.target());
        RenderedRequest signed = RequestSigner.sign(
                request,
                vector.scheme(),
                signers.stream().map(SigningSecret::of).toList(),
                timestamp,
                messageId);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < signed.headers().size(); i++) {
            headers.put(signed.headers().name(i), signed.headers().value(i));
        }
        return new Vector(
                vector.name(),
                vector.description(),
                vector.scheme(),
                vector.secrets(),
                vector.method(),
                vector.target(),
                vector.body(),
                headers,
                vector.now(),
                vector.toleranceSeconds(),
                vector.expect());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
