package dev.toolgate.core.tool;

import java.util.Objects;

/**
 * Configuration of a {@code play_tone} tool.
 *
 * @param toneType the tone family; {@code dtmf}
 * @param dtmfDigits the DTMF digits to play, from {@code 0-9*#A-D}, 1–32 of them
 * @param durationMs how long each tone plays, in milliseconds (40–5,000)
 * @param volume the volume from 0.0 to 1.0
 */
public record PlayToneConfig(String toneType, String dtmfDigits, int durationMs, double volume) implements ToolConfig {
    public PlayToneConfig {
        Objects.requireNonNull(toneType, "toneType");
        Objects.requireNonNull(dtmfDigits, "dtmfDigits");
    }

    @Override
    public ToolType type() {
        return ToolType.PLAY_TONE;
    }
}
