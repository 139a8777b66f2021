package dev.toolgate.core.args;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One pass over a pattern computing {@link LinearRegex#expandedSize(String)}: the number of instructions RE2 expands
 * it to, counted repetition multiplied out, saturating at 2^40. Not thread-safe; one instance per pattern.
 */
final class PatternSize {
    private static final long CAP = 1L << 40;

    private final String p;
    private int i;

    PatternSize(String pattern) {
        this.p = pattern;
    }

    /** Returns the estimate, at least 0. */
    long scan() {
        Deque<long[]> groups = new ArrayDeque<>();
        long[] current = {0, 0}; // {size so far, size of the last item}
        while (i < p.length()) {
            char c = p.charAt(i);
            switch (c) {
                case '\\' -> atom(current, skipEscape());
                case '[' -> atom(current, skipClass());
                case '(' -> {
                    groups.push(current);
                    current = new long[] {0, 0};
                    i++;
                }
                case ')' -> {
                    i++;
                    if (!groups.isEmpty()) {
                        long group = current[0];
                        current = groups.pop();
                        current[0] = Math.min(CAP, current[0] + group);
                        current[1] = group;
                    }
                }
                case '{' -> {
                    long[] bound = repetition();
                    if (bound == null) {
                        atom(current, 1);
                        i++;
                    } else {
                        long copies = Math.max(1, bound[0]);
                        current[0] = Math.min(CAP, current[0] + multiply(current[1], copies - 1));
                        current[1] = multiply(current[1], copies);
                    }
                }
                case '|' -> {
                    current[0] = Math.min(CAP, current[0] + 1);
                    current[1] = 0;
                    i++;
                }
                default -> {
                    // '*', '+', '?' add one instruction; everything else is a literal
                    atom(current, 1);
                    i++;
                }
            }
        }
        long total = current[0];
        while (!groups.isEmpty()) {
            total = Math.min(CAP, total + groups.pop()[0]);
        }
        return total;
    }

    private static long multiply(long a, long b) {
        return a != 0 && b > CAP / a ? CAP : Math.min(CAP, a * b);
    }

    private static void atom(long[] current, long size) {
        current[0] = Math.min(CAP, current[0] + size);
        current[1] = size;
    }

    /** Skips an escape at {@code i}; returns its size. */
    private long skipEscape() {
        i++; // the backslash
        if (i >= p.length()) {
            return 1;
        }
        char kind = p.charAt(i);
        i++;
        if (kind == 'Q') {
            int end = p.indexOf("\\E", i);
            int stop = end < 0 ? p.length() : end;
            long size = stop - i;
            i = end < 0 ? p.length() : end + 2;
            return size;
        }
        if ((kind == 'p' || kind == 'P' || kind == 'x' || kind == 'u') && i < p.length() && p.charAt(i) == '{') {
            int close = p.indexOf('}', i);
            i = close < 0 ? p.length() : close + 1;
        }
        return 1;
    }

    /** Skips a character class at {@code i}; returns 1. */
    private long skipClass() {
        i++; // '['
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++;
        }
        while (i < p.length() && p.charAt(i) != ']') {
            if (p.charAt(i) == '\\') {
                i += 2;
            } else if (p.startsWith("[:", i)) {
                int close = p.indexOf(":]", i + 2);
                i = close < 0 ? i + 1 : close + 2;
            } else {
                i++;
            }
        }
        i++; // ']'
        return 1;
    }

    /**
     * Reads {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code i}: returns {@code {copies}} and moves past it,
     * or returns null (a literal '{') and leaves {@code i}.
     */
    private long[] repetition() {
        int j = i + 1;
        int minStart = j;
        while (j < p.length() && Character.isDigit(p.charAt(j))) {
            j++;
        }
        if (j == minStart || j >= p.length()) {
            return null;
        }
        long min = parse(minStart, j);
        long copies;
        if (p.charAt(j) == '}') {
            copies = min;
        } else if (p.charAt(j) == ',') {
            j++;
            int maxStart = j;
            while (j < p.length() && Character.isDigit(p.charAt(j))) {
                j++;
            }
            if (j >= p.length() || p.charAt(j) != '}') {
                return null;
            }
            copies = j == maxStart ? min + 1 : Math.max(min, parse(maxStart, j));
        } else {
            return null;
        }
        i = j + 1;
        return new long[] {copies};
    }

    private long parse(int from, int to) {
        return to - from > 9 ? CAP : Long.parseLong(p, from, to, 10);
    }
}
