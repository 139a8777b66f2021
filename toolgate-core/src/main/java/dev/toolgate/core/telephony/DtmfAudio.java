package dev.toolgate.core.telephony;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Renders a DTMF sequence as a WAV file for runtimes that play audio rather than send RFC 4733 events:
 * RIFF/WAVE, {@value #SAMPLE_RATE_HZ} Hz, 16-bit signed little-endian PCM, mono (the telephony band; G.711
 * transcodes it without resampling).
 *
 * <p>Timing: each key sounds for the tone duration and is followed by a silent gap of the same length
 * (except after the last symbol); {@code w} and {@code W} add {@value Dtmf#SHORT_PAUSE_MS} ms and
 * {@value Dtmf#LONG_PAUSE_MS} ms of silence. A tone is the sum of its Q.23 row and column sine waves, each at
 * half the volume, so the peak is {@code volume × 32767}. So {@code "12"} at 100 ms is 300 ms long
 * (tone, gap, tone); the longest sequence (64 keys at 500 ms) is about 64 s, about 1 MB.
 *
 * <p>The WAV header is written by {@link AudioSystem#write}. Thread-safe; all methods are static.
 */
public final class DtmfAudio {

    /** The sample rate, in Hz. */
    public static final int SAMPLE_RATE_HZ = 8000;

    /** The audio format: 8 kHz, 16-bit, mono, signed, little-endian. */
    public static final AudioFormat FORMAT = new AudioFormat(SAMPLE_RATE_HZ, 16, 1, true, false);

    /** The media type of the result. */
    public static final String MEDIA_TYPE = "audio/wav";

    private DtmfAudio() {}

    /**
     * Renders a sequence.
     *
     * @param digits a valid sequence ({@link Dtmf#problem} is null)
     * @param durationMs the tone duration, {@value Dtmf#MIN_DURATION_MS}–{@value Dtmf#MAX_DURATION_MS} ms; also
     *     the gap after each key
     * @param volume 0.0–1.0 of full scale
     * @return the bytes of a WAV file
     * @throws IllegalArgumentException if an argument breaks those rules
     */
    public static byte[] wav(String digits, int durationMs, double volume) {
        String problem = Dtmf.problem(digits);
        if (problem != null) {
            throw new IllegalArgumentException("digits " + problem);
        }
        if (durationMs < Dtmf.MIN_DURATION_MS || durationMs > Dtmf.MAX_DURATION_MS) {
            throw new IllegalArgumentException("durationMs must be between " + Dtmf.MIN_DURATION_MS + " and "
                    + Dtmf.MAX_DURATION_MS + ": " + durationMs);
        }
        if (!(volume >= 0 && volume <= 1)) {
            throw new IllegalArgumentException("volume must be between 0 and 1: " + volume);
        }
        short[] samples = samples(digits, durationMs, volume);
        byte[] pcm = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            pcm[2 * i] = (byte) samples[i];
            pcm[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(pcm.length + 64);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), FORMAT, samples.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a WAV file to memory failed", e);
        }
        return out.toByteArray();
    }

    /** Returns the length of the audio {@link #wav} renders, in milliseconds. */
    public static long lengthMs(String digits, int durationMs) {
        long total = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            total += c == 'w' ? Dtmf.SHORT_PAUSE_MS : c == 'W' ? Dtmf.LONG_PAUSE_MS : durationMs;
            if (Dtmf.isKey(c) && i < digits.length() - 1) {
                total += durationMs;
            }
        }
        return total;
    }

    private static short[] samples(String digits, int durationMs, double volume) {
        int perMs = SAMPLE_RATE_HZ / 1000;
        short[] samples = new short[Math.toIntExact(lengthMs(digits, durationMs) * perMs)];
        double amplitude = volume * Short.MAX_VALUE / 2;
        int position = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c == 'w' || c == 'W') {
                position += (c == 'w' ? Dtmf.SHORT_PAUSE_MS : Dtmf.LONG_PAUSE_MS) * perMs;
                continue;
            }
            int[] pair = Dtmf.frequencies(c);
            int length = durationMs * perMs;
            for (int n = 0; n < length; n++) {
                double t = (double) n / SAMPLE_RATE_HZ;
                double value = Math.sin(2 * Math.PI * pair[0] * t) + Math.sin(2 * Math.PI * pair[1] * t);
                samples[position + n] = (short) Math.round(amplitude * value);
            }
            position += length;
            if (i < digits.length() - 1) {
                position += length;
            }
        }
        return samples;
    }
}
