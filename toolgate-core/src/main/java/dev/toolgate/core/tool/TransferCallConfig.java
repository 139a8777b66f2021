package dev.toolgate.core.tool;

import java.util.List;
import java.util.Objects;

/**
 * Configuration of a {@code transfer_call} tool (docs/voice-runtime.md).
 *
 * @param phoneNumber the default destination: an E.164 number (e.g. {@code +4930999888}) or a SIP URI
 *     (e.g. {@code sip:frontdesk@pbx.example.com}), normalized
 * @param transferMode {@code cold} (immediate) or {@code warm} (agent stays on the line)
 * @param playHoldMusic whether hold music plays while transferring
 * @param allowedDestinations further destinations the model may name (normalized E.164 numbers or SIP URIs, at
 *     most 20); never null, empty when the model may not choose
 * @param extension DTMF digits dialled after the destination answers, or null; the model may then give
 *     plain digits itself
 * @param whisperMessage what the receiving party hears before being connected (warm only), or null
 * @param summary whether the model is asked for a short summary of the call for the receiving party (warm
 *     only)
 */
public record TransferCallConfig(
        String phoneNumber,
        String transferMode,
        boolean playHoldMusic,
        List<String> allowedDestinations,
        String extension,
        String whisperMessage,
        boolean summary)
        implements ToolConfig {

    public TransferCallConfig {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        transferMode = transferMode == null ? "cold" : transferMode;
        allowedDestinations = List.copyOf(allowedDestinations == null ? List.of() : allowedDestinations);
    }

    /** A seed-003 config: one destination, no extension, no whisper, no summary. */
    public TransferCallConfig(String phoneNumber, String transferMode, boolean playHoldMusic) {
        this(phoneNumber, transferMode, playHoldMusic, List.of(), null, null, false);
    }

    /** Returns whether this is a warm transfer. */
    public boolean warm() {
        return "warm".equals(transferMode);
    }

    @Override
    public ToolType type() {
        return ToolType.TRANSFER_CALL;
    }
}
