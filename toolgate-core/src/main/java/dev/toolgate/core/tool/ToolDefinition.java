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

    /**
     * Returns a builder of a {@code ToolDefinition} with {@code name}, {@code description}, {@code parameters}, {@code
     * config}; every other component starts at the default its setter names.
     */
    public static Builder builder(String name, String description, JsonNode parameters, ToolConfig config) {
        return new Builder(name, description, parameters, config);
    }

    /** Builds a {@link ToolDefinition} one component at a time. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final String description;
        private final JsonNode parameters;
        private final ToolConfig config;
        private String displayName;
        private boolean enabled = true;
        private int priority = 0;

        private Builder(String name, String description, JsonNode parameters, ToolConfig config) {
            this.name = name;
            this.description = description;
            this.parameters = parameters;
            this.config = config;
        }

        /** Sets {@link ToolDefinition#displayName()} (default null); returns this builder. */
        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        /** Sets {@link ToolDefinition#enabled()} (default true); returns this builder. */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** Sets {@link ToolDefinition#priority()} (default 0); returns this builder. */
        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /**
         * Returns the {@code ToolDefinition}.
         *
         * @throws NullPointerException when a required component is null
         */
        public ToolDefinition build() {
            return new ToolDefinition(name, displayName, description, parameters, config, enabled, priority);
        }
    }
}
