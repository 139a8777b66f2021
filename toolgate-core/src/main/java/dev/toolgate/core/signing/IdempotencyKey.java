package dev.toolgate.core.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} header value: the same call repeating the same tool with the same arguments
 * gets the same key, so a tenant endpoint can drop a duplicate (a retry, or a model that calls twice).
 *
 * <p>Key = lower-case hex SHA-256 over the UTF-8 bytes of {@code callId + "\n" + toolId + "\n" +
 * canonicalJson(arguments)}, where the canonical JSON is compact with object properties sorted by name at
 * every depth; array order and number spelling are kept ({@code 1.0} and {@code 1} differ).
 */
public final class IdempotencyKey {

    private static final JsonMapper CANONICAL =
            JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private IdempotencyKey() {}

    /**
     * Computes the key.
     *
     * @param callId the voice runtime's call id (may be empty for a test fire)
     * @param toolId the tool's id
     * @param arguments the model's arguments (any JSON; normally an object)
     * @return 64 lower-case hex characters
     */
    public static String of(String callId, UUID toolId, JsonNode arguments) {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(toolId, "toolId");
        Objects.requireNonNull(arguments, "arguments");
        String material = callId + "\n" + toolId + "\n" + canonicalJson(arguments);
        return HexFormat.of().formatHex(sha256(material.getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns compact JSON with object properties sorted by name at every depth. */
    static String canonicalJson(JsonNode node) {
        return CANONICAL.writeValueAsString(node);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
    }
}
