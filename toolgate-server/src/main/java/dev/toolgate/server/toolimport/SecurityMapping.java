package dev.toolgate.server.toolimport;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps an operation's security requirement (its own {@code security}, else the document's) to the tool's
 * {@code auth} and query parameters, with every credential a tenant-secret reference {@code {{secrets.NAME}}}
 * (docs/secrets.md) named after the security scheme, which the tenant sets once under {@code /v1/secrets}:
 *
 * <table>
 *   <caption>scheme → tool</caption>
 *   <tr><td>{@code apiKey} in header</td><td>{@code auth: {type: header, header_name, value: "{{secrets.S}}"}}</td></tr>
 *   <tr><td>{@code apiKey} in query</td><td>a {@code query_params} entry {@code {key, value: "{{secrets.S}}"}}</td></tr>
 *   <tr><td>{@code http} {@code bearer}</td><td>{@code auth: {type: bearer, token: "{{secrets.S}}"}}</td></tr>
 *   <tr><td>{@code http} {@code basic}</td><td>{@code Authorization: Basic {{secrets.S}}} (the secret holds
 *       base64 of {@code user:password}, RFC 7617)</td></tr>
 *   <tr><td>{@code oauth2}, {@code openIdConnect}</td><td>bearer, with {@code oauth_as_bearer}</td></tr>
 *   <tr><td>{@code apiKey} in cookie, {@code mutualTLS}, other {@code http} schemes</td><td>nothing, with
 *       {@code unsupported_security}</td></tr>
 * </table>
 *
 * The first requirement of the list is used; an empty one ({@code {}}, "no auth") means no auth.
 */
final class SecurityMapping {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * What the requirement maps to.
     *
     * @param auth the {@code auth} object, or null for none
     * @param queryParams {@code query_params} entries carrying an API key
     * @param secrets the secret names used
     * @param warnings what did not map
     */
    record Result(ObjectNode auth, List<ObjectNode> queryParams, Set<String> secrets, List<ImportWarning> warnings) {}

    private SecurityMapping() {}

    static Result map(JsonNode document, JsonNode operation, String label, List<ImportWarning> warnings) {
        JsonNode requirements = operation.has("security") ? operation.get("security") : document.path("security");
        Set<String> secrets = new LinkedHashSet<>();
        List<ObjectNode> query = new java.util.ArrayList<>();
        ObjectNode auth = null;
        if (!requirements.isArray()
                || requirements.isEmpty()
                || !requirements.get(0).isObject()) {
            return new Result(null, query, secrets, warnings);
        }
        JsonNode schemes = document.path("components").path("securitySchemes");
        for (Map.Entry<String, JsonNode> entry : requirements.get(0).properties()) {
            String name = entry.getKey();
            JsonNode scheme = schemes.path(name);
            if (scheme.has("$ref")) {
                scheme = document.at(scheme.path("$ref").asString("#").substring(1));
            }
            String secret = Names.secret(name);
            String type = scheme.path("type").asString("");
            String in = scheme.path("in").asString("");
            String reference = "{{secrets." + secret + "}}";
            if (type.equals("apiKey")
                    && in.equals("query")
                    && scheme.path("name").isString()) {
                ObjectNode param = NODES.objectNode();
                param.put("key", scheme.path("name").stringValue());
                param.put("value", reference);
                query.add(param);
                secrets.add(secret);
                continue;
            }
            ObjectNode mapped = null;
            if (type.equals("apiKey")
                    && in.equals("header")
                    && scheme.path("name").isString()) {
                mapped = NODES.objectNode()
                        .put("type", "header")
                        .put("header_name", scheme.path("name").stringValue());
                mapped.put("value", reference);
            } else if (type.equals("http") && scheme.path("scheme").asString("").equalsIgnoreCase("bearer")) {
                mapped = NODES.objectNode().put("type", "bearer").put("token", reference);
            } else if (type.equals("http") && scheme.path("scheme").asString("").equalsIgnoreCase("basic")) {
                mapped = NODES.objectNode().put("type", "header").put("header_name", "Authorization");
                mapped.put("value", "Basic " + reference);
            } else if (type.equals("oauth2") || type.equals("openIdConnect")) {
                mapped = NODES.objectNode().put("type", "bearer").put("token", reference);
                warnings.add(ImportWarning.of(
                        ImportWarning.Code.OAUTH_AS_BEARER,
                        label,
                        "security scheme '" + name + "' is " + type + ": the tool sends the access token stored as"
                                + " the secret '" + secret + "' as a bearer token; Toolgate does not obtain or refresh"
                                + " it"));
            }
            if (mapped == null) {
                warnings.add(ImportWarning.of(
                        ImportWarning.Code.UNSUPPORTED_SECURITY,
                        label,
                        "security scheme '" + name + "' (" + describe(type, in, scheme) + ") does not map to a"
                                + " tool's auth and is not sent"));
            } else if (auth != null) {
                warnings.add(ImportWarning.of(
                        ImportWarning.Code.UNSUPPORTED_SECURITY,
                        label,
                        "security scheme '" + name + "' is a second credential in one requirement; a tool has one"
                                + " auth, so it is not sent"));
            } else {
                auth = mapped;
                secrets.add(secret);
            }
        }
        return new Result(auth, query, secrets, warnings);
    }

    private static String describe(String type, String in, JsonNode scheme) {
        if (type.isEmpty()) {
            return "not defined in components.securitySchemes";
        }
        if (type.equals("http")) {
            return "http " + scheme.path("scheme").asString("").toLowerCase(Locale.ROOT);
        }
        return in.isEmpty() ? type : type + " in " + in;
    }
}
