package dev.toolgate.server.toolimport;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps an operation's {@code requestBody} into the tool's arguments: a JSON object body ({@code application/json},
 * {@code *+json} or the wildcard type) gives its properties, which the tool sends as its JSON body ({@code body_mode:
 * arguments}); a top-level {@code allOf} is merged; {@code required} counts only when the body is required. A
 * multipart or form body ({@code multipart_body}), another media type, a body that is not an object, or one on a
 * GET or DELETE ({@code unsupported_body}) is left out, and the operation makes no tool when that body is required.
 */
final class RequestBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RequestBodies() {}

    /**
     * Where the body's arguments go.
     *
     * @param properties the {@code parameters} properties
     * @param required the {@code parameters} required names
     * @param parametersExtra other {@code parameters} keywords ({@code additionalProperties})
     * @param taken the argument names in use
     */
    record Target(ObjectNode properties, List<String> required, ObjectNode parametersExtra, Set<String> taken) {}

    /**
     * Maps the request body into {@code properties}; returns false when the operation cannot make a tool (a
     * required body that does not map).
     */
    static boolean map(
            String method,
            JsonNode operation,
            SchemaConverter schemas,
            Target target,
            String label,
            List<ImportWarning> warnings) {
        ObjectNode properties = target.properties();
        List<String> required = target.required();
        ObjectNode parametersExtra = target.parametersExtra();
        Set<String> taken = target.taken();
        JsonNode body = schemas.resolve(operation.path("requestBody"), 0);
        if (body == null || !body.isObject() || !body.has("content")) {
            return true;
        }
        boolean bodyRequired = body.path("required").asBoolean(false);
        JsonNode json = null;
        String other = null;
        for (Map.Entry<String, JsonNode> media : body.path("content").properties()) {
            String type =
                    media.getKey().toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
            if (type.equals("application/json") || type.endsWith("+json") || type.equals("*/*")) {
                json = media.getValue().path("schema");
                break;
            }
            other = other == null ? type : other;
        }
        String problem = null;
        ImportWarning.Code code = ImportWarning.Code.UNSUPPORTED_BODY;
        ObjectNode schema = null;
        if (method.equals("get") || method.equals("delete")) {
            problem = "a " + method.toUpperCase(Locale.ROOT) + " request body is not sent by a tool";
        } else if (json == null) {
            boolean form = other != null && (other.startsWith("multipart/") || other.contains("form-urlencoded"));
            code = form ? ImportWarning.Code.MULTIPART_BODY : ImportWarning.Code.UNSUPPORTED_BODY;
            problem = "the request body is " + other + "; a tool sends only JSON bodies";
        } else {
            schema = flattened(schemas.convert(json, 1));
            if (!schema.has("properties")
                    && !schema.path("additionalProperties").isObject()) {
                problem = "the request body is not a JSON object with properties; a tool sends its arguments"
                        + " object as the body";
                schema = null;
            }
        }
        if (problem != null) {
            warnings.add(ImportWarning.of(
                    code, label, problem + (bodyRequired ? ": the operation made no tool" : ": it is left out")));
            return !bodyRequired;
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            properties.set(property.getKey(), property.getValue());
            taken.add(property.getKey());
        }
        if (bodyRequired) {
            schema.path("required").forEach(name -> required.add(name.asString("")));
        }
        if (schema.has("additionalProperties")) {
            parametersExtra.set("additionalProperties", schema.get("additionalProperties"));
        }
        return true;
    }

    /** Merges the properties of a top-level {@code allOf} into the schema itself (a common way to extend a type). */
    static ObjectNode flattened(ObjectNode schema) {
        JsonNode parts = schema.remove("allOf");
        if (parts == null) {
            return schema;
        }
        ObjectNode properties = schema.has("properties") ? (ObjectNode) schema.get("properties") : NODES.objectNode();
        ArrayNode required = schema.has("required") ? (ArrayNode) schema.get("required") : NODES.arrayNode();
        for (JsonNode part : parts) {
            ObjectNode flat = flattened((ObjectNode) part);
            if (flat.has("properties")) {
                properties.setAll((ObjectNode) flat.get("properties"));
            }
            flat.path("required").forEach(required::add);
        }
        if (!properties.isEmpty()) {
            schema.set("properties", properties);
            schema.put("type", "object");
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }
}
