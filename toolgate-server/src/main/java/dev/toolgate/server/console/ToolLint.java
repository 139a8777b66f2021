package dev.toolgate.server.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Advice on a tool that the parser accepts but a model handles worse (docs/best-practices.md): a parameters schema
 * without {@code "type": "object"}, a description shorter than a sentence, a parameter without a description. Hints
 * never block a save.
 */
public final class ToolLint {

    /** A description with fewer words than this is shorter than a sentence the model can act on. */
    static final int MIN_DESCRIPTION_WORDS = 4;

    private ToolLint() {}

    /**
     * One hint.
     *
     * @param field the path it is about ({@code description}, {@code parameters.properties.city})
     * @param message what to improve
     */
    public record Hint(String field, String message) {}

    /**
     * Returns the hints for a submitted tool body (any JSON; fields that are missing or of another type give no
     * hint, the parser reports them).
     */
    static List<Hint> of(JsonNode body) {
        List<Hint> hints = new ArrayList<>();
        if (body == null || !body.isObject()) {
            return hints;
        }
        JsonNode description = body.get("description");
        if (description != null
                && description.isString()
                && !description.asString().isBlank()
                && description.asString().trim().split("\\s+").length < MIN_DESCRIPTION_WORDS) {
            hints.add(new Hint(
                    "description",
                    "is shorter than a sentence: say what the tool does and when the model should call it"));
        }
        JsonNode parameters = body.get("parameters");
        if (parameters != null && parameters.isObject()) {
            JsonNode type = parameters.get("type");
            if (type == null || !type.isString() || !type.asString().equals("object")) {
                hints.add(new Hint(
                        "parameters",
                        "has no \"type\": \"object\": every LLM API expects the arguments to be one JSON object"));
            }
            JsonNode properties = parameters.get("properties");
            if (properties != null && properties.isObject()) {
                for (Map.Entry<String, JsonNode> property : properties.properties()) {
                    JsonNode described = property.getValue().get("description");
                    if (described == null
                            || !described.isString()
                            || described.asString().isBlank()) {
                        hints.add(new Hint(
                                "parameters.properties." + property.getKey(),
                                "has no description: the model guesses what to put in it"));
                    }
                }
            }
        }
        return hints;
    }
}
