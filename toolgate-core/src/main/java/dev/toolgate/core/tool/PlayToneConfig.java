package dev.toolgate.core.tool;

import java.util.Objects;

/**
 * Configuration of a {@code play_tone} tool (docs/voice-runtime.md). The rules of the
 * digits, duration and volume are those of {@link dev.toolgate.core.telephony.Dtmf}.
 *
 * @param toneType the tone family; {@code dtmf}
 * @param dtmfDigits the DTMF sequence to play ({@code 0-9*#A-D}, pauses {@code w}/{@code W}, 1–64 symbols), or
 *     null when the model gives the digits in its {@code digits} argument
 * @param durationMs how long each tone plays, in milliseconds (40–500)
 * @param volume the volume from 0.0 to 1.0
 */
public record PlayToneConfig(String toneType, String dtmfDigits, int durationMs, double volume) implements ToolConfig {
    public PlayToneConfig {
        Objects.requireNonNull(toneType, "toneType");
    }

    /** Returns whether the model chooses the digits (the config leaves them open). */
    public boolean digitsOpen() {
        return dtmfDigits == null;
    }

    @Override
    public ToolType type() {
        return ToolType.PLAY_TONE;
    }
}
