package dev.toolgate.core.tool;

import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What a tenant defines for one tool, already validated (see {@link ToolDefinitionParser}).
 *
 * @param name the function name the model calls, {@code ^[a-zA-Z0-9_-]{1,64}$} (64: the cap of OpenAI,
 *     Anthropic and Gemini function names), unique per agent
 * @param displayName a human-readable name (≤ 255 characters), or null
 * @param description the text shown to the model (≤ 2,000 characters)
 * @param parameters a JSON Schema of {@code "type": "object"} for the model's arguments
 * @param config the per-type configuration; its {@link ToolConfig#type()} is the tool's type
 * @param enabled whether the tool is exported to the model and may be invoked
 * @param priority export order, lower first
 */
public record ToolDefinition(
        String name,
        String displayName,
        String description,
        JsonNode parameters,
        ToolConfig config,
        boolean enabled,
        int priority) {

    /** The function-name rule shared by OpenAI, Anthropic and Gemini. */
    public static final Pattern NAME_PATTERN = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(config, "config");
    }

    /** Returns the tool's type, the type of its {@link #config()}. */
    public ToolType type() {
        return config.type();
    }
}
