package dev.toolgate.core.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps an AssemblyAI-style HTTP tool onto an {@code http_request} config:
 * <pre>
 * {"http": {"url": ..., "http_method": "GET", "headers": {"Authorization": "Bearer X", "X-Team": "a"}},
 *  "timeout_seconds": 10, "execution_mode": "interactive"}
 * </pre>
 * becomes {@code url}, {@code method} = {@code http_method} (default POST), {@code body_mode} = arguments
 * (AssemblyAI's argument placement), {@code timeout} = {@code timeout_seconds} (same deployment limit),
 * {@code Authorization: Bearer X} → bearer auth, any other {@code Authorization} value → header auth, other
 * headers → plain headers. {@code execution_mode} is accepted and ignored: Toolgate always answers the call
 * before the model continues. Problems are reported under the user's own field names
 * ({@code http.url}, {@code http.http_method}, {@code http.headers.Authorization}, {@code timeout_seconds}).
 */
final class AssemblyAiForm {

    /** The top-level fields only this form has. */
    static final List<String> TOP_LEVEL_FIELDS = List.of("http", "timeout_seconds", "execution_mode");

    private static final List<String> HTTP_FIELDS = List.of("url", "http_method", "headers");

    private AssemblyAiForm() {}

    /** Returns the config of the body read by {@code top}, or null after recording every problem. */
    static HttpRequestConfig parse(FieldReader top, HttpConfigParser parser) {
        top.optionalString("execution_mode");
        JsonNode block = top.node("http");
        if (block == null || !block.isObject()) {
            top.error("http", "must be an object {\"url\": ..., \"http_method\": ..., \"headers\": {...}}");
            return null;
        }
        List<FieldError> errors = top.errors();
        Map<String, String> renames = new LinkedHashMap<>();
        renames.put("config", "http");
        renames.put("config.url", "http.url");
        renames.put("config.method", "http.http_method");
        renames.put("config.timeout", "timeout_seconds");
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        FieldReader http = new FieldReader(block, "http", errors, HTTP_FIELDS, "the http block");
        copy(http.node("url"), config, "url");
        copy(http.node("http_method"), config, "method");
        copy(top.node("timeout_seconds"), config, "timeout");
        config.put("body_mode", BodyMode.ARGUMENTS.wireName());
        headers(http, config, renames);
        http.rejectUnknown();
        List<FieldError> configErrors = new ArrayList<>();
        HttpRequestConfig result = parser.parse(config, "config", configErrors);
        configErrors.forEach(error -> errors.add(rename(error, renames)));
        return result;
    }

    /** Turns {@code {"Name": "value"}} into {@code [{"key": "Name", "value": "value"}]}, remembering each path. */
    private static void headers(FieldReader http, ObjectNode config, Map<String, String> renames) {
        JsonNode headers = http.node("headers");
        if (headers == null) {
            return;
        }
        if (!headers.isObject()) {
            http.error(
                    "headers",
                    "must be an object of header names to values, e.g. {\"Authorization\": \"Bearer {{secrets.KEY}}\"}");
            return;
        }
        ArrayNode list = config.putArray("headers");
        for (Map.Entry<String, JsonNode> header : headers.properties()) {
            String path = http.path("headers") + "." + header.getKey();
            if (!header.getValue().isString()) {
                http.errors().add(new FieldError(path, "must be a string"));
                continue;
            }
            renames.put("config.headers[" + list.size() + "]", path);
            list.addObject()
                    .put("key", header.getKey())
                    .put("value", header.getValue().stringValue());
        }
    }

    private static void copy(JsonNode value, ObjectNode config, String field) {
        if (value != null) {
            config.set(field, value.deepCopy());
        }
    }

    /**
     * Rewrites a config path to the user's field: the longest matching prefix wins; a header entry's own
     * paths ({@code config.headers[2].value}) collapse to the header ({@code http.headers.X-Team}).
     */
    private static FieldError rename(FieldError error, Map<String, String> renames) {
        String field = error.field();
        String best = null;
        for (String prefix : renames.keySet()) {
            boolean matches = field.equals(prefix) || field.startsWith(prefix + ".") || field.startsWith(prefix + "[");
            if (matches && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best == null) {
            return error;
        }
        String target = renames.get(best);
        String renamed = best.startsWith("config.headers[") ? target : target + field.substring(best.length());
        return new FieldError(renamed, error.message());
    }
}
