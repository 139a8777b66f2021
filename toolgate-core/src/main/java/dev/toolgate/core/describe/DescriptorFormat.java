package dev.toolgate.core.describe;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The LLM function-descriptor formats Toolgate exports ({@code GET /v1/agents/{agentId}/functions?format=...}).
 */
public enum DescriptorFormat {
    /** OpenAI Chat Completions tools: {@code {"type": "function", "function": {"name", "description", "parameters"}}}. */
    OPENAI("openai"),
    /** Anthropic Messages tools: {@code {"name", "description", "input_schema"}}. */
    ANTHROPIC("anthropic"),
    /**
     * Gemini function declarations: {@code {"name", "description", "parameters"}}, the parameters converted
     * to Gemini's OpenAPI 3.0 subset (see {@link GeminiSchemaConverter}).
     */
    GEMINI("gemini");

    private final String wireName;

    DescriptorFormat(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the name used in the REST API, e.g. {@code openai}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Returns the format named {@code name}, ignoring case and surrounding white space.
     *
     * @throws IllegalArgumentException if {@code name} is null or names no format; the message lists the valid names
     */
    public static DescriptorFormat fromWireName(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (DescriptorFormat format : values()) {
            if (format.wireName.equals(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown descriptor format '" + name + "': use one of "
                + Arrays.stream(values()).map(DescriptorFormat::wireName).collect(Collectors.joining(", ")));
    }
}
