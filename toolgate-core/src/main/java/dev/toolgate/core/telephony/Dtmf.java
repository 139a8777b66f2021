package dev.toolgate.core.telephony;

/**
 * The rules of a DTMF sequence, as played by {@code play_tone} tools and dialled as a transfer's extension.
 *
 * <p>Symbols: the sixteen DTMF keys of ITU-T Q.23 ({@code 0-9 * # A B C D}) and two pauses: {@code w} waits
 * {@value #SHORT_PAUSE_MS} ms, {@code W} waits {@value #LONG_PAUSE_MS} ms (the {@code w} convention of
 * Twilio's {@code sendDigits} and most dialers). A sequence holds 1–{@value #MAX_SYMBOLS} symbols and at
 * least one key. Each key sounds for a tone duration of {@value #MIN_DURATION_MS}–{@value #MAX_DURATION_MS}
 * ms (ITU-T Q.24 receivers need at least 40 ms), at a volume of 0.0–1.0 of full scale.
 *
 * <p>Each frequency pair (Q.23, Hz): rows 697, 770, 852, 941 × columns 1209, 1336, 1477, 1633 —
 * {@code 1 2 3 A / 4 5 6 B / 7 8 9 C / * 0 # D}.
 */
public final class Dtmf {

    /** The most symbols (keys and pauses) in one sequence. */
    public static final int MAX_SYMBOLS = 64;

    /** The shortest tone, in milliseconds. */
    public static final int MIN_DURATION_MS = 40;

    /** The longest tone, in milliseconds. */
    public static final int MAX_DURATION_MS = 500;

    /** The tone duration when a config gives none, in milliseconds. */
    public static final int DEFAULT_DURATION_MS = 500;

    /** The volume when a config gives none, 0.0–1.0 of full scale. */
    public static final double DEFAULT_VOLUME = 0.8;

    /** The pause {@code w} stands for, in milliseconds. */
    public static final int SHORT_PAUSE_MS = 500;

    /** The pause {@code W} stands for, in milliseconds. */
    public static final int LONG_PAUSE_MS = 1000;

    /** The keys, in Q.23 order of rows. */
    public static final String KEYS = "123A456B789C*0#D";

    /** The Q.23 row (low-group) frequencies, in Hz. */
    static final int[] ROWS = {697, 770, 852, 941};

    /** The Q.23 column (high-group) frequencies, in Hz. */
    static final int[] COLUMNS = {1209, 1336, 1477, 1633};

    /** An example sequence used in messages. */
    public static final String EXAMPLE = "1w234#";

    private Dtmf() {}

    /**
     * Checks a sequence.
     *
     * @param digits the sequence; null is a problem
     * @return null when valid, else what is wrong
     */
    public static String problem(String digits) {
        if (digits == null || digits.isEmpty()) {
            return "must be 1 to " + MAX_SYMBOLS + " DTMF symbols (0-9, *, #, A-D; w = 0.5 s pause, W = 1 s pause)";
        }
        if (digits.length() > MAX_SYMBOLS) {
            return "must be at most " + MAX_SYMBOLS + " DTMF symbols";
        }
        boolean key = false;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (KEYS.indexOf(c) >= 0) {
                key = true;
            } else if (c != 'w' && c != 'W') {
                return "has '" + (c < ' ' || c >= 0x7f ? String.format("U+%04X", (int) c) : String.valueOf(c))
                        + "' at position " + (i + 1) + ": only 0-9, *, #, A-D and the pauses w (0.5 s) and W (1 s)"
                        + " are DTMF symbols, e.g. " + EXAMPLE;
            }
        }
        return key ? null : "must hold at least one key besides pauses";
    }

    /** Returns whether {@code c} is a key (not a pause). */
    public static boolean isKey(char c) {
        return KEYS.indexOf(c) >= 0;
    }

    /**
     * Returns the Q.23 frequency pair of a key.
     *
     * @param key one of {@link #KEYS}
     * @return {@code {low, high}} in Hz
     * @throws IllegalArgumentException if {@code key} is not a DTMF key
     */
    public static int[] frequencies(char key) {
        int index = KEYS.indexOf(key);
        if (index < 0) {
            throw new IllegalArgumentException("not a DTMF key: " + key);
        }
        return new int[] {ROWS[index / 4], COLUMNS[index % 4]};
    }
}
