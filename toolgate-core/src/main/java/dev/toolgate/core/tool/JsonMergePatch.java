package dev.toolgate.core.tool;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Merge Patch (RFC 7396, section 2): an object patch merges key by key, a {@code null} member deletes
 * the key, any other value replaces the target whole. Neither input is modified.
 */
final class JsonMergePatch {

    private JsonMergePatch() {}

    /**
     * Returns {@code target} with {@code patch} applied.
     *
     * @param target the current document, or null when there is none
     * @param patch the patch document
     */
    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? (ObjectNode) target.deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
