package dev.toolgate.server.toolimport;

/** Cutting text to a length in characters (Unicode code points), as the tool rules count them. */
final class Descriptions {

    /** What a cut text ends with. */
    static final String ELLIPSIS = "…";

    private Descriptions() {}

    /**
     * Returns {@code text} if it has at most {@code maxChars} code points, else its start cut at the last white space
     * before the limit (or at the limit when there is none) with {@link #ELLIPSIS} appended, {@code maxChars} code
     * points in all.
     *
     * @param maxChars at least 2
     */
    static String cut(String text, int maxChars) {
        if (text.codePointCount(0, text.length()) <= maxChars) {
            return text;
        }
        int end = text.offsetByCodePoints(0, maxChars - 1);
        int space = text.lastIndexOf(' ', end);
        if (space > end / 2) {
            end = space;
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /** Returns whether {@link #cut} would change {@code text}. */
    static boolean tooLong(String text, int maxChars) {
        return text.codePointCount(0, text.length()) > maxChars;
    }
}
