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

    /**
     * Returns a builder of a {@code TransferCallConfig} with {@code phoneNumber}; every other component starts at the
     * default its setter names.
     */
    public static Builder builder(String phoneNumber) {
        return new Builder(phoneNumber);
    }

    /** Builds a {@link TransferCallConfig} one component at a time. Not thread-safe. */
    public static final class Builder {
        private final String phoneNumber;
        private String transferMode = "cold";
        private boolean playHoldMusic;
        private List<String> allowedDestinations = List.of();
        private String extension;
        private String whisperMessage;
        private boolean summary;

        private Builder(String phoneNumber) {
            this.phoneNumber = phoneNumber;
        }

        /** Sets {@link TransferCallConfig#transferMode()} (default {@code cold}); returns this builder. */
        public Builder transferMode(String transferMode) {
            this.transferMode = transferMode;
            return this;
        }

        /** Sets {@link TransferCallConfig#playHoldMusic()} (default false); returns this builder. */
        public Builder playHoldMusic(boolean playHoldMusic) {
            this.playHoldMusic = playHoldMusic;
            return this;
        }

        /** Sets {@link TransferCallConfig#allowedDestinations()} (default none); returns this builder. */
        public Builder allowedDestinations(List<String> allowedDestinations) {
            this.allowedDestinations = allowedDestinations;
            return this;
        }

        /** Sets {@link TransferCallConfig#extension()} (default null); returns this builder. */
        public Builder extension(String extension) {
            this.extension = extension;
            return this;
        }

        /** Sets {@link TransferCallConfig#whisperMessage()} (default null); returns this builder. */
        public Builder whisperMessage(String whisperMessage) {
            this.whisperMessage = whisperMessage;
            return this;
        }

        /** Sets {@link TransferCallConfig#summary()} (default false); returns this builder. */
        public Builder summary(boolean summary) {
            this.summary = summary;
            return this;
        }

        /**
         * Returns the {@code TransferCallConfig}.
         *
         * @throws NullPointerException when {@code phoneNumber} is null
         */
        public TransferCallConfig build() {
            return new TransferCallConfig(
                    phoneNumber, transferMode, playHoldMusic, allowedDestinations, extension, whisperMessage, summary);
        }
    }
}
