package dev.toolgate.core.tool;

/**
 * Configuration of an {@code end_call} tool.
 *
 * @param goodbyeMessage what the agent says before hanging up, or null for none
 */
public record EndCallConfig(String goodbyeMessage) implements ToolConfig {
    @Override
    public ToolType type() {
        return ToolType.END_CALL;
    }
}
