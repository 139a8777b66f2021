package dev.toolgate.core.tool;

import java.util.Objects;

/**
 * Configuration of a {@code monitored_transfer} tool.
 *
 * @param phoneNumber the target number, E.164
 * @param timeoutSeconds how long the transfer may ring before the AI takes the call back, in seconds (1–300)
 */
public record MonitoredTransferConfig(String phoneNumber, int timeoutSeconds) implements ToolConfig {
    public MonitoredTransferConfig {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
    }

    @Override
    public ToolType type() {
        return ToolType.MONITORED_TRANSFER;
    }
}
