package dev.toolgate.server.secrets;

import dev.toolgate.core.tool.ToolDefinitionWriter;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps a tool's auth secret out of its stored definition: the definition JSON (the native shape, as
 * {@link ToolDefinitionWriter#toJson} writes it) is stored with {@code config.auth.token} (bearer) or
 * {@code config.auth.value} (header) replaced by {@code "***"}, and the value itself is stored apart, encrypted
 * and bound to the tool ({@link SecretCipher#toolAuth}). Thread-safe.
 */
@Component
public class ToolAuthSecrets {

    private static final String[] SECRET_FIELDS = {"token", "value"};

    private final SecretCipher cipher;

    /**
     * @param cipher the master-key cipher
     */
    public ToolAuthSecrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * Masks the auth secret of a definition and returns it encrypted.
     *
     * @param toolId the tool the definition belongs to
     * @param definition the unmasked definition JSON; modified in place: the auth token or value becomes {@code "***"}
     * @return the encrypted auth value, or null when the tool has none (no auth, or not an {@code http_request})
     */
    public String seal(UUID toolId, ObjectNode definition) {
        Objects.requireNonNull(toolId, "toolId");
        ObjectNode auth = auth(definition);
        if (auth == null) {
            return null;
        }
        for (String field : SECRET_FIELDS) {
            JsonNode value = auth.get(field);
            if (value != null && value.isString()) {
                auth.put(field, ToolDefinitionWriter.MASK);
                return cipher.encrypt(value.stringValue(), SecretCipher.toolAuth(toolId));
            }
        }
        return null;
    }

    /**
     * Puts the decrypted auth secret back into a stored definition.
     *
     * @param toolId the tool the definition belongs to
     * @param definition the stored (masked) definition JSON; modified in place
     * @param sealed what {@link #seal} returned for it, or null
     * @throws SecretCipherException if the value cannot be decrypted for this tool
     * @throws IllegalStateException if a sealed value exists but the definition has no auth secret field
     */
    public void unseal(UUID toolId, ObjectNode definition, String sealed) {
        if (sealed == null) {
            return;
        }
        ObjectNode auth = auth(definition);
        if (auth != null) {
            for (String field : SECRET_FIELDS) {
                if (auth.has(field)) {
                    auth.put(field, cipher.decrypt(sealed, SecretCipher.toolAuth(toolId)));
                    return;
                }
            }
        }
        throw new IllegalStateException(
                "tool " + toolId + " has a stored auth secret but its definition has no auth" + " token or value");
    }

    private static ObjectNode auth(ObjectNode definition) {
        JsonNode config = definition.get("config");
        JsonNode auth = config == null ? null : config.get("auth");
        return auth instanceof ObjectNode object ? object : null;
    }
}
