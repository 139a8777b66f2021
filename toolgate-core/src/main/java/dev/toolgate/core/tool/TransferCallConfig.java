package dev.toolgate.core.tool;

import java.util.Objects;

/**
 * Configuration of a {@code transfer_call} tool.
 *
 * @param phoneNumber the target number, E.164 (e.g. {@code +4930999888})
 * @param transferMode {@code cold} (immediate) or {@code warm} (agent stays on the line)
 * @param playHoldMusic whether hold music plays while transferring
 */
public record TransferCallConfig(String phoneNumber, String transferMode, boolean playHoldMusic) implements ToolConfig {
    public TransferCallConfig {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        transferMode = transferMode == null ? "cold" : transferMode;
    }

    @Override
    public ToolType type() {
        return ToolType.TRANSFER_CALL;
    }
}
