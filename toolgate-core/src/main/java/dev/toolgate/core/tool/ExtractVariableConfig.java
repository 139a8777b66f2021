package dev.toolgate.core.tool;

import java.util.Objects;

/**
 * Configuration of an {@code extract_variable} tool. The extracted value becomes the call
 * variable {@code {{vars.<variableName>}}}.
 *
 * @param variableName the variable's name, {@code ^[a-zA-Z_][a-zA-Z0-9_]{0,63}$}
 * @param variableType one of {@code email, phone, name, number, date, custom}
 * @param promptText what the agent asks to obtain the value, or null
 * @param exampleFormat an example shown to the model, or null
 * @param confirmationEnabled whether the caller is asked to confirm the value
 */
public record ExtractVariableConfig(
        String variableName, String variableType, String promptText, String exampleFormat, boolean confirmationEnabled)
        implements ToolConfig {
    public ExtractVariableConfig {
        Objects.requireNonNull(variableName, "variableName");
        Objects.requireNonNull(variableType, "variableType");
    }

    @Override
    public ToolType type() {
        return ToolType.EXTRACT_VARIABLE;
    }
}
