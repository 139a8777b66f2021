package dev.toolgate.core.tool;

import java.util.Objects;

/**
 * Configuration of an {@code extract_variable} tool (docs/voice-runtime.md). The
 * extracted value becomes the call variable {@code {{vars.<variableName>}}}.
 *
 * @param variableName the variable's name, {@code ^[a-zA-Z_][a-zA-Z0-9_]{0,63}$}
 * @param variableType one of {@code email, phone, name, number, date, custom}
 * @param promptText what the agent asks to obtain the value, or null
 * @param exampleFormat an example shown to the model, or null
 * @param confirmationEnabled whether the caller is asked to confirm the value
 * @param pattern for {@code custom}: an RE2 regular expression the whole value must match, or null for any
 *     non-blank text
 */
public record ExtractVariableConfig(
        String variableName,
        String variableType,
        String promptText,
        String exampleFormat,
        boolean confirmationEnabled,
        String pattern)
        implements ToolConfig {
    public ExtractVariableConfig {
        Objects.requireNonNull(variableName, "variableName");
        Objects.requireNonNull(variableType, "variableType");
    }

    /** A seed-003 config, without a custom pattern. */
    public ExtractVariableConfig(
            String variableName,
            String variableType,
            String promptText,
            String exampleFormat,
            boolean confirmationEnabled) {
        this(variableName, variableType, promptText, exampleFormat, confirmationEnabled, null);
    }

    @Override
    public ToolType type() {
        return ToolType.EXTRACT_VARIABLE;
    }
}
