package dev.toolgate.core.render;

import dev.toolgate.core.tool.Tool;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code Idempotency-Key} header value, which is also the duplicate-call identity: calls that would render
 * the same request get the same key, so a tenant endpoint can drop a duplicate (a retry, or a model that calls
 * twice) and Toolgate can reuse the first call's answer. Anything that shapes the rendered request is part of it:
 * the tool and its version, the call id, the caller number, the call variables and the arguments. Described in
 * {@code docs/signing.md}, "Idempotency-Key".
 *
 * <p>Key = lower-case hex SHA-256 (FIPS 180-4) over the UTF-8 bytes of the canonical JSON array
 * {@code ["tg-idem-2", callId, toolId, toolVersion, callerNumber, variables, arguments]}: {@code toolVersion} is
 * the tool's {@code updated_at} as an ISO-8601 instant (null for a tool never stored), {@code callerNumber} null
 * when unknown, {@code variables} the call variables as an object. The canonical JSON is compact, UTF-8 characters
 * kept, object properties sorted by name at every depth; array order and number spelling are kept ({@code 1.0} and
 * {@code 1} differ).
 *
 * <p>Not part of the key: the invocation id and timestamp (new for every call, by design), and the values of
 * tenant secrets and auth tokens. The key is shown in the invocation log; a hash over a secret would let a reader
 * test guesses of it. A tool's auth change still changes the key, through its {@code updated_at}.
 */
public final class IdempotencyKey {

    /** The first element of the hashed array; names this version of the key's material. */
    static final String VERSION = "tg-idem-2";

    private static final JsonMapper CANONICAL =
            JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private IdempotencyKey() {}

    /**
     * Computes the key of one call of {@code tool}.
     *
     * @param tool the tool; its id and {@code updated_at} are used
     * @param call the call: its id (may be empty for a test fire), caller number and variables are used
     * @param arguments the model's arguments (any JSON; normally an object)
     * @return 64 lower-case hex characters
     */
    public static String of(Tool tool, CallContext call, JsonNode arguments) {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(arguments, "arguments");
        ArrayNode material = JsonNodeFactory.instance.arrayNode();
        material.add(VERSION);
        material.add(call.callId());
        material.add(tool.id().toString());
        material.add(tool.updatedAt() == null ? null : tool.updatedAt().toString());
        material.add(call.callerNumber());
        ObjectNode variables = material.addObject();
        call.variables().forEach(variables::put);
        material.add(arguments);
        return HexFormat.of().formatHex(sha256(canonicalJson(material).getBytes(StandardCharsets.UTF_8)));
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
