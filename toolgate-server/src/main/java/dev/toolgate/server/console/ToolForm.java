package dev.toolgate.server.console;

import dev.toolgate.core.tool.FieldError;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tool editor's fields as submitted: the top-level fields as form inputs, {@code parameters} (the JSON Schema)
 * and {@code config} (the type's fields) as JSON texts. {@link #toBody()} turns them into the REST API's tool body,
 * which {@code ToolService} checks with the API's parser.
 *
 * @param name the function name
 * @param displayName the display name, blank for none
 * @param description the text the model reads
 * @param toolType the tool type's wire name
 * @param enabled whether the tool is enabled
 * @param schema the parameters schema and the config, as typed
 */
public record ToolForm(
        String name, String displayName, String description, String toolType, boolean enabled, Texts schema) {

    /**
     * The JSON texts and the priority of the form.
     *
     * @param priority the priority as typed
     * @param parameters the parameters JSON Schema as typed
     * @param config the config as typed
     */
    public record Texts(String priority, String parameters, String config) {}

    /**
     * The API body of this form, and the errors of texts that are not JSON (or a priority that is not a number).
     *
     * @param body the tool body: fields left blank are left out (so the API's defaults apply)
     * @param errors unreadable fields, by the API's path names ({@code parameters}, {@code config}, {@code priority})
     */
    record Body(ObjectNode body, List<FieldError> errors) {}

    /** Builds the API body. */
    Body toBody() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        List<FieldError> errors = new ArrayList<>();
        body.put("name", name == null ? "" : name.trim());
        if (displayName != null && !displayName.isBlank()) {
            body.put("display_name", displayName.trim());
        }
        body.put("description", description == null ? "" : description);
        body.put("tool_type", toolType == null ? "" : toolType);
        body.put("is_enabled", enabled);
        String priority = schema.priority() == null ? "" : schema.priority().trim();
        if (!priority.isEmpty()) {
            try {
                body.put("priority", Long.parseLong(priority));
            } catch (NumberFormatException e) {
                errors.add(new FieldError("priority", "must be a whole number"));
            }
        }
        json("parameters", schema.parameters(), body, errors);
        json("config", schema.config(), body, errors);
        return new Body(body, errors);
    }

    private static void json(String field, String text, ObjectNode body, List<FieldError> errors) {
        JsonText.Read read = JsonText.read(text);
        if (read.error() != null) {
            errors.add(new FieldError(field, read.error()));
        } else if (read.value() != null) {
            body.set(field, read.value());
        }
    }

    /** The form of a tool body as the API writes it (the stored tool, or a type's example). */
    static ToolForm of(JsonNode tool) {
        return new ToolForm(
                tool.path("name").asString(""),
                tool.path("display_name").isString() ? tool.get("display_name").asString() : "",
                tool.path("description").asString(""),
                tool.path("tool_type").asString("http_request"),
                !tool.has("is_enabled") || tool.get("is_enabled").asBoolean(),
                new Texts(
                        tool.has("priority") ? tool.get("priority").asString() : "0",
                        JsonText.pretty(tool.get("parameters")),
                        JsonText.pretty(tool.get("config"))));
    }

    /** Returns the submitted body as JSON, or null when a text was unreadable (for the lint hints). */
    JsonNode bodyForLint() {
        Body built = toBody();
        return built.body();
    }
}
