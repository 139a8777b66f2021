package dev.toolgate.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every vector of {@code testdata/signature-vectors.json} (generated from Toolgate's own signer by
 * toolgate-core) through {@link SignatureVerifier}: the verdict must be the expected one, reason included.
 */
class SignatureVectorsTest {

    private static final Path VECTORS = Path.of("..", "testdata", "signature-vectors.json");

    static Stream<JsonNode> vectors() {
        List<JsonNode> list = new ArrayList<>();
        JsonMapper.builder().build().readTree(VECTORS.toFile()).get("vectors").forEach(list::add);
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void agreesWithTheVector(JsonNode vector) {
        String expected = vector.get("expect").asString();
        try {
            VerifiedRequest verified = verify(vector);
            assertThat("valid").as(vector.get("name").asString()).isEqualTo(expected);
            assertThat(verified.scheme().wireName())
                    .isEqualTo(vector.get("scheme").asString());
        } catch (SignatureVerificationException e) {
            assertThat(e.reason().name())
                    .as(vector.get("name").asString() + ": " + e.getMessage())
                    .isEqualTo(expected);
        }
    }

    @Test
    void theFileHasVectorsForEveryReason() {
        List<String> outcomes = vectors().map(v -> v.get("expect").asString()).toList();
        assertThat(outcomes).contains("valid");
        for (SignatureVerificationException.Reason reason : SignatureVerificationException.Reason.values()) {
            assertThat(outcomes).as("a vector expecting " + reason).contains(reason.name());
        }
    }

    private static VerifiedRequest verify(JsonNode vector) throws SignatureVerificationException {
        List<String> secrets = new ArrayList<>();
        vector.get("secrets").forEach(s -> secrets.add(s.asString()));
        Map<String, String> headers = new LinkedHashMap<>();
        vector.get("headers")
                .properties()
                .forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
        SignatureVerifier verifier = SignatureVerifier.of(
                        Scheme.fromWireName(vector.get("scheme").asString()), secrets)
                .withTolerance(
                        Duration.ofSeconds(vector.get("tolerance_seconds").asLong()))
                .withClock(InstantSource.fixed(
                        Instant.ofEpochSecond(vector.get("now").asLong())));
        JsonNode body = vector.get("body_base64");
        if (body.isNull()) {
            if (!SignatureVerifier.signsTarget(vector.get("method").asString())) {
                fail("a bodyless vector with a method that carries a body: " + vector.get("name"));
            }
            return verifier.verify(
                    vector.get("method").asString(), vector.get("target").asString(), HeaderSource.of(headers));
        }
        return verifier.verify(Base64.getDecoder().decode(body.asString()), HeaderSource.of(headers));
    }
}
