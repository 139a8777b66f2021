package dev.toolgate.core.render;

import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The secret values Toolgate itself put into one rendered request (auth values, {@code {{secrets.NAME}}} values,
 * signing secrets and the signature header values), and the one masker that keeps them out of everything Toolgate
 * stores or shows: the model's content, the invocation log's preview, records, replay and test-fire answers, curl
 * commands and error messages. Described in {@code docs/secrets.md}, "Echoed secrets".
 *
 * <p><b>What is masked.</b> Every occurrence of each value becomes {@value #MASK}, and so does every occurrence of
 * the forms an endpoint that echoes its request typically shows:
 * <ul>
 *   <li>the value as is, and stripped of surrounding white space (header values are sent stripped);</li>
 *   <li>URL-encoded: form encoding ({@code +} for a space, Java's {@link URLEncoder}), the same with {@code %20}
 *       for a space, OkHttp's query encoding (what went on the wire), each also with lower-case hex digits;</li>
 *   <li>JSON-escaped (RFC 8259 §7): as Jackson writes a string, with non-ASCII as backslash-u escapes (upper- or
 *       lower-case hex digits), and with {@code /} written as {@code \/};</li>
 *   <li>HTML-escaped ({@code & < > " '}), as error pages show text;</li>
 *   <li>for a {@code Basic <base64>} value (RFC 7617): the decoded {@code user:pass} and the password alone.</li>
 * </ul>
 * Occurrences may overlap or touch (one value inside another, two values side by side): every character covered by
 * any occurrence is masked, and each run of masked characters becomes one {@value #MASK}, so which value matched
 * first never leaves part of another visible.
 *
 * <p><b>Short values.</b> Values of every length are masked, but one shorter than {@value #MIN_EMBEDDED_LENGTH}
 * characters only where it stands alone: not directly preceded or followed by a letter or digit. Masking such a
 * value inside words would garble the whole answer while protecting nothing (1–3 characters are no secret to
 * anyone who can guess); standing alone, as an echo shows it ({@code key=ab&}, {@code "ab"}, {@code Bearer ab}),
 * it is masked. Blank values are ignored.
 *
 * <p><b>Cut text.</b> {@link #maskCut} also masks the end of a text cut at a size cap when that end is the start
 * (at least {@value #MIN_EMBEDDED_LENGTH} characters) of a value, so a cap that falls inside a secret does not
 * leave its first part readable.
 *
 * <p>Immutable and thread-safe. The values are never exposed: there is no accessor, {@link #toString()} shows only
 * how many values there are, and the class is not {@link java.io.Serializable}.
 */
public final class SecretValues {

    /** What each masked run is replaced with; the same mask as everywhere else. */
    public static final String MASK = RenderedRequest.MASK;

    /** Values shorter than this many characters are masked only where they stand alone (see the class comment). */
    public static final int MIN_EMBEDDED_LENGTH = 4;

    /** No secrets: {@link #mask} returns its input. */
    public static final SecretValues NONE = new SecretValues(Set.of());

    private final Set<String> values;
    /** Every form to mask, longest first; worked out on first use (a set extended by {@link #plus} never is). */
    private volatile List<String> needles;
    /**
     * For each value and each text derived from it (the credentials of a Basic value): its longest run of ASCII
     * letters and digits, which every form of it contains unchanged (the encodings only rewrite other characters);
     * an empty anchor means there is no shortcut for the value. Worked out on first use.
     */
    private volatile List<String> anchors;

    private SecretValues(Set<String> values) {
        this.values = values;
    }

    private List<String> needles() {
        List<String> known = needles;
        if (known == null) {
            Set<String> forms = new LinkedHashSet<>();
            for (String value : values) {
                SecretForms.addForms(forms, value);
            }
            List<String> sorted = new ArrayList<>(forms);
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            known = List.copyOf(sorted);
            needles = known;
        }
        return known;
    }

    /**
     * Returns the set of {@code values}; null and blank entries are ignored.
     *
     * @param values the secret values as they were inserted into a request
     */
    public static SecretValues of(Collection<String> values) {
        return NONE.plus(values);
    }

    /**
     * Returns a set holding these values and {@code more}; null and blank entries are ignored.
     *
     * @param more further secret values
     */
    public SecretValues plus(Collection<String> more) {
        Objects.requireNonNull(more, "more");
        Set<String> all = new LinkedHashSet<>(values);
        for (String value : more) {
            if (value != null && !value.isBlank()) {
                all.add(value);
            }
        }
        return all.size() == values.size() ? this : new SecretValues(Set.copyOf(all));
    }

    /** Returns whether the set holds no value. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * Returns {@code text} with every occurrence of a value, in any form listed in the class comment, replaced by
     * {@value #MASK}; null stays null.
     *
     * @param text any text Toolgate is about to store, show or hand to a model
     */
    public String mask(String text) {
        return mask(text, false);
    }

    /**
     * Like {@link #mask}, for a text cut at a size cap: an end of the text that is the start of a value (at least
     * {@value #MIN_EMBEDDED_LENGTH} characters of it) is masked too.
     *
     * @param text a text whose end is a cut, not the real end
     */
    public String maskCut(String text) {
        return mask(text, true);
    }

    private String mask(String text, boolean cut) {
        if (text == null || text.isEmpty() || values.isEmpty() || (!cut && !mayOccurIn(text))) {
            return text;
        }
        boolean[] masked = null;
        for (String needle : needles()) {
            boolean standAlone = needle.length() < MIN_EMBEDDED_LENGTH;
            for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
                if (standAlone && !standsAlone(text, at, at + needle.length())) {
                    continue;
                }
                masked = mark(masked, text.length(), at, at + needle.length());
            }
            if (cut) {
                int prefix = cutPrefix(text, needle);
                if (prefix > 0) {
                    masked = mark(masked, text.length(), text.length() - prefix, text.length());
                }
            }
        }
        if (masked == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!masked[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !masked[i - 1]) {
                out.append(MASK);
            }
        }
        return out.toString();
    }

    /**
     * Whether some form of some value may occur in {@code text}: false only when no value's anchor does, which
     * spares working out the forms for the many texts that echo nothing (most answers).
     */
    private boolean mayOccurIn(String text) {
        List<String> known = anchors;
        if (known == null) {
            List<String> runs = new ArrayList<>();
            for (String value : values) {
                runs.add(longestAlphanumericRun(value));
                for (String base : List.of(value, value.strip())) {
                    for (String derived : SecretForms.basicCredentials(base)) {
                        runs.add(longestAlphanumericRun(derived));
                    }
                }
            }
            known = List.copyOf(runs);
            anchors = known;
        }
        for (String anchor : known) {
            if (anchor.isEmpty() || text.contains(anchor)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The anchor of {@code value}: its longest run of ASCII letters and digits; empty (no shortcut) when the value
     * holds a {@code %} or a backslash, since the lower-case forms of its own escapes then change letters of a run.
     */
    private static String longestAlphanumericRun(String value) {
        if (value.indexOf('%') >= 0 || value.indexOf('\\') >= 0) {
            return "";
        }
        int bestStart = 0;
        int bestLength = 0;
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            char c = i < value.length() ? value.charAt(i) : ' ';
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric) {
                if (i - start > bestLength) {
                    bestStart = start;
                    bestLength = i - start;
                }
                start = i + 1;
            }
        }
        return value.substring(bestStart, bestStart + bestLength);
    }

    /** Returns how many characters at the end of {@code text} are a proper start of {@code needle}, or 0. */
    private static int cutPrefix(String text, String needle) {
        for (int length = Math.min(needle.length() - 1, text.length()); length >= MIN_EMBEDDED_LENGTH; length--) {
            if (text.regionMatches(text.length() - length, needle, 0, length)) {
                return length;
            }
        }
        return 0;
    }

    private static boolean[] mark(boolean[] masked, int length, int from, int to) {
        boolean[] out = masked == null ? new boolean[length] : masked;
        for (int i = from; i < to; i++) {
            out[i] = true;
        }
        return out;
    }

    private static boolean standsAlone(String text, int from, int to) {
        return (from == 0 || !Character.isLetterOrDigit(text.codePointBefore(from)))
                && (to == text.length() || !Character.isLetterOrDigit(text.codePointAt(to)));
    }

    /** Returns how many values are held, never the values. */
    @Override
    public String toString() {
        return "SecretValues[" + values.size() + " values]";
    }
}
