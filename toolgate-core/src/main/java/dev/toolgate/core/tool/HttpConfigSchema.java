package dev.toolgate.core.tool;

import static dev.toolgate.core.tool.SchemaNodes.bool;
import static dev.toolgate.core.tool.SchemaNodes.integer;
import static dev.toolgate.core.tool.SchemaNodes.number;
import static dev.toolgate.core.tool.SchemaNodes.object;
import static dev.toolgate.core.tool.SchemaNodes.oneOf;
import static dev.toolgate.core.tool.SchemaNodes.string;
import static dev.toolgate.core.tool.SchemaNodes.text;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema of an {@code http_request} tool's config, part of {@link ToolSchemas}: the URL, method, headers and
 * query parameters, body mode, auth, budget, response cap, speech, signing, duplicate window and response variables,
 * from the constants and defaults {@link HttpConfigParser} applies.
 */
final class HttpConfigSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HttpConfigSchema() {}

    /** Puts the properties of an {@code http_request} config into {@code p}, with {@code limits}' bounds. */
    static void properties(ObjectNode p, ToolLimits limits) {
        ObjectNode url = string(
                "The endpoint: an absolute https:// URL without user info or fragment. A whole path segment may be"
                        + " {{args.NAME}}, filled with that argument as one percent-encoded segment.");
        url.put("format", "uri").put("maxLength", HttpFieldRules.MAX_URL_LENGTH);
        url.putArray("examples").add("https://crm.example.com/customers/lookup");
        p.set("url", url);
        p.set(
                "method",
                oneOf(
                        HttpConfigParser.METHODS,
                        HttpMethod.POST.name(),
                        "The HTTP method; the envelope body mode always POSTs."));
        p.set("headers", pairs("Extra request headers; values may hold templates."));
        p.set("query_params", pairs("Extra query parameters; values may hold templates."));
        p.set(
                "body_mode",
                oneOf(HttpConfigParser.BODY_MODES, BodyMode.ENVELOPE.wireName(), "How the arguments travel."));
        p.set("auth", auth());
        ObjectNode timeout = number(
                0,
                limits.maxTimeout().toMillis() / 1000.0,
                limits.defaultTimeout().toMillis() / 1000.0,
                "The call's total budget in seconds, at most the deployment budget.");
        timeout.remove("minimum");
        timeout.put("exclusiveMinimum", 0);
        p.set("timeout", timeout);
        p.set(
                "max_response_bytes",
                integer(
                        1,
                        limits.maxResponseBytes(),
                        limits.defaultMaxResponseBytes(),
                        "Response body bytes read at most."));
        p.set("speak_during_execution", bool(false, "Whether the agent speaks while waiting."));
        p.set("speak_after_execution", bool(true, "Whether the agent speaks the result."));
        p.set(
                "speak_during_message",
                text(
                        HttpRequestConfig.MAX_SPEAK_DURING_MESSAGE,
                        "What the agent says while waiting (with speak_during_execution); null: a filler of its own."));
        p.set("error_hint", text(HttpConfigParser.MAX_ERROR_HINT, "The hint the model gets on any failure."));
        p.set(
                "signature_scheme",
                oneOf(HttpConfigParser.SCHEMES, SignatureScheme.TOOLGATE.wireName(), "How requests are signed."));
        ObjectNode window = number(
                0,
                HttpRequestConfig.MAX_DUPLICATE_WINDOW.toSeconds(),
                null,
                "Seconds a result is reused for a repeated call; 0 turns it off; null: the deployment default.");
        window.set("type", NODES.arrayNode().add("number").add("null"));
        p.set("duplicate_window", window);
        ObjectNode variables = NODES.objectNode()
                .put("type", "object")
                .put(
                        "description",
                        "Call variables taken from the endpoint's JSON answer: a name to a JSON Pointer (RFC 6901,"
                                + " starting with /) or a JSONPath (RFC 9535, starting with $); usable as"
                                + " {{vars.NAME}} in later tools of the call.");
        ObjectNode expression =
                string("A JSON Pointer or a JSONPath.").put("maxLength", ResponseExpressions.MAX_EXPRESSION);
        variables.set("additionalProperties", expression);
        variables.put("maxProperties", ResponseExpressions.MAX_VARIABLES);
        variables.putObject("default");
        p.set("response_variables", variables);
    }

    /** {@code none}, {@code bearer} or {@code header}; token and value may be {@code {{secrets.NAME}}} templates. */
    private static ObjectNode auth() {
        ObjectNode none = authVariant("none", "No auth header.", new String[0]);
        ObjectNode bearer = authVariant(
                "bearer", "Sends Authorization: Bearer <token>.", "token", "The token, e.g. {{secrets.CRM_TOKEN}}.");
        ObjectNode header = authVariant(
                "header",
                "Sends <header_name>: <value>.",
                "header_name",
                "An HTTP header name (RFC 9110 token).",
                "value",
                "The header value, e.g. {{secrets.CRM_KEY}}.");
        ObjectNode auth = NODES.objectNode();
        auth.put("description", "How the endpoint is authenticated; reads show token and value as \"***\".");
        auth.putArray("oneOf").add(none).add(bearer).add(header);
        auth.putObject("default").put("type", AuthParser.TYPES.getFirst());
        return auth;
    }

    /** An auth object of {@code type} with the given (name, description) fields, all required. */
    private static ObjectNode authVariant(String type, String description, String... fields) {
        ObjectNode variant = object(description);
        ObjectNode properties = variant.putObject("properties");
        ArrayNode required = variant.putArray("required").add("type");
        ObjectNode typeField = string("The auth type.");
        properties.set("type", typeField.put("const", type));
        for (int i = 0; i < fields.length; i += 2) {
            ObjectNode field = string(fields[i + 1]).put("minLength", 1);
            properties.set(fields[i], fields[i].equals("header_name") ? field : field.put("writeOnly", true));
            required.add(fields[i]);
        }
        return variant;
    }

    private static ObjectNode pairs(String description) {
        ObjectNode pair = object("One header or query parameter.");
        ObjectNode properties = pair.putObject("properties");
        properties.set("key", string("The name."));
        properties.set("value", string("The value; may hold templates such as {{args.phone}}."));
        pair.putArray("required").add("key").add("value");
        ObjectNode array = NODES.objectNode().put("type", "array").put("description", description);
        array.set("items", pair);
        array.put("maxItems", HttpConfigParser.MAX_PAIRS);
        array.putArray("default");
        return array;
    }
}
