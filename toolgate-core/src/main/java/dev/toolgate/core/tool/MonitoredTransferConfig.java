package dev.toolgate.core.tool;

import java.util.List;
import java.util.Objects;

/**
 * Configuration of a {@code monitored_transfer} tool (docs/voice-runtime.md).
 *
 * @param phoneNumber the default SIP INVITE target: an E.164 number or a SIP URI, normalized
 * @param timeoutSeconds how long the transfer may ring before the AI takes the call back, in seconds (1–300)
 * @param allowedDestinations further targets the model may name (normalized, at most 20); never null
 * @param extension DTMF digits dialled after the target answers, or null
 */
public record MonitoredTransferConfig(
        String phoneNumber, int timeoutSeconds, List<String> allowedDestinations, String extension)
        implements ToolConfig {

    public MonitoredTransferConfig {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        allowedDestinations = List.copyOf(allowedDestinations == null ? List.of() : allowedDestinations);
    }

    /** A seed-003 config: one target, no extension. */
    public MonitoredTransferConfig(String phoneNumber, int timeoutSeconds) {
        this(phoneNumber, timeoutSeconds, List.of(), null);
    }

    @Override
    public ToolType type() {
        return ToolType.MONITORED_TRANSFER;
    }
}
