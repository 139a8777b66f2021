package dev.toolgate.core.tool;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the body a PATCH stands for: the stored tool (in the writer's unmasked native shape) with the
 * patch applied, and every mask {@code "***"} that points at a stored secret replaced by that secret. The
 * result is then checked whole by {@link ToolDefinitionParser#parse}. See
 * {@link ToolDefinitionParser#patch} for the rules.
 */
final class ToolPatch {

    private ToolPatch() {}

    /**
     * Returns the patched body.
     *
     * @param existing the stored definition (source of the secrets the mask stands for)
     * @param current {@code existing} as unmasked JSON; not modified
     * @param patch the submitted patch object; not modified
     */
    static ObjectNode merge(ToolDefinition existing, ObjectNode current, JsonNode patch) {
        ObjectNode merged = current.deepCopy();
        if (patch.has("http")) {
            merged.remove("tool_type");
            merged.remove("config");
        }
        boolean typeChanges = patch.has("tool_type") && !patch.get("tool_type").equals(current.get("tool_type"));
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (value.isNull()) {
                merged.remove(name);
            } else if (name.equals("config") && value.isObject() && !typeChanges) {
                merged.set(name, JsonMergePatch.apply(current.get("config"), value));
            } else {
                merged.set(name, value.deepCopy());
            }
        }
        Auth storedAuth = existing.config() instanceof HttpRequestConfig http ? http.auth() : new Auth.None();
        unmaskAuth(merged.get("config"), storedAuth);
        unmaskHttpHeaders(merged.get("http"), storedAuth);
        return merged;
    }

    /** {@code config.auth.token} / {@code config.auth.value} of {@code "***"} → the stored token / value. */
    private static void unmaskAuth(JsonNode config, Auth stored) {
        if (config == null || !(config.get("auth") instanceof ObjectNode auth)) {
            return;
        }
        if (isMask(auth.get("token")) && stored instanceof Auth.Bearer bearer) {
            auth.put("token", bearer.token());
        }
        if (isMask(auth.get("value")) && stored instanceof Auth.Header header) {
            auth.put("value", header.value());
        }
    }

    /**
     * In an AssemblyAI {@code http.headers} object: {@code Authorization: "***"} or {@code "Bearer ***"} with a
     * stored bearer token → {@code Bearer <token>}; the stored auth header's name with {@code "***"} → its value.
     */
    private static void unmaskHttpHeaders(JsonNode http, Auth stored) {
        if (http == null || !(http.get("headers") instanceof ObjectNode headers)) {
            return;
        }
        for (String name : List.copyOf(headers.propertyNames())) {
            JsonNode value = headers.get(name);
            boolean mask = isMask(value);
            boolean bearerMask =
                    value.isString() && value.stringValue().equalsIgnoreCase("Bearer " + HttpFieldRules.MASK);
            if (stored instanceof Auth.Bearer bearer
                    && name.equalsIgnoreCase("Authorization")
                    && (mask || bearerMask)) {
                headers.put(name, "Bearer " + bearer.token());
            } else if (stored instanceof Auth.Header header && name.equalsIgnoreCase(header.headerName()) && mask) {
                headers.put(name, header.value());
            }
        }
    }

    private static boolean isMask(JsonNode value) {
        return value != null && value.isString() && value.stringValue().equals(HttpFieldRules.MASK);
    }
}
