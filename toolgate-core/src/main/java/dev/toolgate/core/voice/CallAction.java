package dev.toolgate.core.voice;

import dev.toolgate.core.telephony.Destination;
import java.util.Objects;

/**
 * A provider-neutral call-control action: what the voice runtime must do after a {@code transfer_call},
 * {@code monitored_transfer}, {@code end_call} or {@code play_tone} tool call. Its JSON form
 * ({@link ActionJson#toJson}) follows the JSON Schema {@value ActionJson#SCHEMA_RESOURCE}, shown in
 * docs/voice-runtime.md; {@link #type()} is the JSON {@code type}.
 */
public sealed interface CallAction
        permits CallAction.Transfer, CallAction.MonitoredTransfer, CallAction.EndCall, CallAction.SendDtmf {

    /** Returns the action's JSON {@code type}: {@code transfer}, {@code monitored_transfer}, {@code end_call} or {@code send_dtmf}. */
    String type();

    /**
     * Transfer the caller (from {@code transfer_call}).
     *
     * @param mode cold or warm
     * @param destination where to: an E.164 number or a SIP URI
     * @param extension DTMF digits to dial once the destination answers, or null
     * @param holdMusic whether the caller hears hold music meanwhile
     * @param whisper what the receiving party hears before being connected (warm only), or null
     * @param summary the model's summary of the call for the receiving party (warm only), or null
     */
    record Transfer(
            TransferMode mode,
            Destination destination,
            String extension,
            boolean holdMusic,
            String whisper,
            String summary)
            implements CallAction {
        public Transfer {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(destination, "destination");
            if (mode == TransferMode.COLD && (whisper != null || summary != null)) {
                throw new IllegalArgumentException("a cold transfer has no whisper or summary");
            }
        }

        @Override
        public String type() {
            return "transfer";
        }
    }

    /**
     * Send a SIP INVITE to a target and take the call back when it does not answer in time (from
     * {@code monitored_transfer}).
     *
     * @param destination the INVITE target: an E.164 number (through the runtime's trunk) or a SIP URI
     * @param extension DTMF digits to dial once the target answers, or null
     * @param timeoutSeconds how long it may ring, 1–300 seconds
     */
    record MonitoredTransfer(Destination destination, String extension, int timeoutSeconds) implements CallAction {
        public MonitoredTransfer {
            Objects.requireNonNull(destination, "destination");
            if (timeoutSeconds < 1 || timeoutSeconds > 300) {
                throw new IllegalArgumentException("timeoutSeconds must be between 1 and 300: " + timeoutSeconds);
            }
        }

        @Override
        public String type() {
            return "monitored_transfer";
        }
    }

    /**
     * Hang up (from {@code end_call}).
     *
     * @param goodbyeMessage what the agent says first, or null
     */
    record EndCall(String goodbyeMessage) implements CallAction {
        @Override
        public String type() {
            return "end_call";
        }
    }

    /**
     * Play DTMF tones into the call (from {@code play_tone}).
     *
     * @param digits the sequence, by the rules of {@link dev.toolgate.core.telephony.Dtmf}
     * @param durationMs each tone's length, 40–500 ms
     * @param volume 0.0–1.0 of full scale
     */
    record SendDtmf(String digits, int durationMs, double volume) implements CallAction {
        public SendDtmf {
            Objects.requireNonNull(digits, "digits");
        }

        @Override
        public String type() {
            return "send_dtmf";
        }
    }
}
