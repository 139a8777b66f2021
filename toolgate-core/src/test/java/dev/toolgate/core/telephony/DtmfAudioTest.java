package dev.toolgate.core.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The WAV rendering decodes back to the same keys and pauses (Goertzel detection, as a DTMF receiver does). */
class DtmfAudioTest {

    private static final int BLOCK_MS = 20;

    @Test
    void writesAn8kHz16BitMonoPcmWave() throws Exception {
        byte[] wav = DtmfAudio.wav("123A*#", 100, 0.8);

        AudioFileFormat file = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav));
        AudioFormat format = file.getFormat();
        assertThat(file.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
        assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
        assertThat(format.getSampleRate()).isEqualTo(8000f);
        assertThat(format.getSampleSizeInBits()).isEqualTo(16);
        assertThat(format.getChannels()).isEqualTo(1);
        assertThat(format.isBigEndian()).isFalse();
        // 6 tones and 5 gaps of 100 ms.
        assertThat(file.getFrameLength()).isEqualTo(1100 * 8);
        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(wav, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
    }

    @CsvSource({
        "123A*#, 100",
        "12w3AW*#, 100",
        "0123456789*#ABCD, 40",
        "W9w, 500",
        "D, 60",
    })
    @ParameterizedTest(name = "{0} at {1} ms")
    void decodesBackToTheSameKeysAndPauses(String digits, int durationMs) throws Exception {
        short[] samples = samples(DtmfAudio.wav(digits, durationMs, 0.5));

        assertThat(samples).hasSize((int) DtmfAudio.lengthMs(digits, durationMs) * 8);
        assertThat(decode(samples, durationMs)).isEqualTo(digits);
    }

    @Test
    void scalesThePeakToTheVolume() throws Exception {
        short[] loud = samples(DtmfAudio.wav("5", 100, 1.0));
        short[] quiet = samples(DtmfAudio.wav("5", 100, 0.25));
        short[] silent = samples(DtmfAudio.wav("5", 100, 0.0));

        assertThat(peak(loud)).isBetween(30_000, 32_767);
        assertThat(peak(quiet)).isBetween(7_500, 8_192);
        assertThat(peak(silent)).isZero();
    }

    @Test
    void refusesWhatTheRulesRefuse() {
        assertThatThrownBy(() -> DtmfAudio.wav("1".repeat(65), 100, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DtmfAudio.wav("1E", 100, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DtmfAudio.wav("1", 39, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DtmfAudio.wav("1", 501, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DtmfAudio.wav("1", 100, 1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DtmfAudio.wav("1", 100, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static short[] samples(byte[] wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            byte[] pcm = in.readAllBytes();
            short[] samples = new short[pcm.length / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
            }
            return samples;
        }
    }

    private static int peak(short[] samples) {
        int peak = 0;
        for (short sample : samples) {
            peak = Math.max(peak, Math.abs(sample));
        }
        return peak;
    }

    /**
     * Splits the audio into 20 ms blocks, detects the key of each with the Goertzel algorithm (the strongest
     * row and column frequency, each clearly above the others of its group) or silence, and spells the runs:
     * a tone run is its key; a silence run of {@code duration + 500 ms} is {@code w}, of {@code duration + 1000
     * ms} is {@code W}; the plain gap of {@code duration} after a key is nothing.
     */
    private static String decode(short[] samples, int durationMs) {
        int block = BLOCK_MS * 8;
        StringBuilder out = new StringBuilder();
        char current = 0;
        int silentMs = 0;
        boolean started = false;
        for (int start = 0; start + block <= samples.length; start += block) {
            short[] chunk = Arrays.copyOfRange(samples, start, start + block);
            char key = detect(chunk);
            if (key == ' ') {
                silentMs += BLOCK_MS;
                current = 0;
                continue;
            }
            if (key != current) {
                out.append(pauses(started ? silentMs - durationMs : silentMs));
                out.append(key);
                current = key;
                started = true;
            }
            silentMs = 0;
        }
        silentMs += (samples.length % block) / 8;
        out.append(pauses(started && silentMs > 0 ? silentMs - durationMs : silentMs));
        return out.toString();
    }

    private static String pauses(int ms) {
        return switch (ms) {
            case 0 -> "";
            case 500 -> "w";
            case 1000 -> "W";
            default -> throw new AssertionError("unexpected silence of " + ms + " ms");
        };
    }

    private static char detect(short[] chunk) {
        double energy = 0;
        for (short sample : chunk) {
            energy += (double) sample * sample;
        }
        if (energy == 0) {
            return ' ';
        }
        int row = strongest(chunk, Dtmf.ROWS);
        int column = strongest(chunk, Dtmf.COLUMNS);
        if (row < 0 || column < 0) {
            return '?';
        }
        return Dtmf.KEYS.charAt(row * 4 + column);
    }

    /** Returns the index of the frequency at least 4× stronger than every other of its group, or -1. */
    private static int strongest(short[] chunk, int[] frequencies) {
        double[] power = new double[frequencies.length];
        for (int i = 0; i < frequencies.length; i++) {
            power[i] = goertzel(chunk, frequencies[i]);
        }
        int best = 0;
        for (int i = 1; i < power.length; i++) {
            if (power[i] > power[best]) {
                best = i;
            }
        }
        for (int i = 0; i < power.length; i++) {
            if (i != best && power[i] * 4 > power[best]) {
                return -1;
            }
        }
        return best;
    }

    private static double goertzel(short[] chunk, int frequency) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequency / DtmfAudio.SAMPLE_RATE_HZ);
        double previous = 0;
        double beforePrevious = 0;
        for (short sample : chunk) {
            double value = sample + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = value;
        }
        return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
    }
}
