package dev.toolgate.core.args;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import com.networknt.schema.regex.RegularExpressions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The regular-expression engine of tenant schemas ({@code pattern}, {@code patternProperties} and
 * {@code "format": "regex"}): RE2/J, which matches in time linear in the input, so no pattern can make a call
 * backtrack for seconds the way {@link java.util.regex} does on {@code ^(a+)+$}. Plugged into networknt's
 * json-schema-validator as its {@link RegularExpressionFactory}.
 *
 * <p>Dialect: JSON Schema patterns are ECMA-262 regular expressions, matched anywhere in the string (not
 * anchored). RE2/J accepts their common subset. Before compiling, {@code \}{@code uXXXX} and
 * {@code \}{@code u{X...}} escapes become RE2's {@code \x{...}}, and long Unicode property names
 * ({@code \p{Letter}}) become short ones ({@code \p{L}}), as networknt does for its own engines. What RE2 cannot
 * do in linear time, lookahead, lookbehind and backreferences, does not compile and is refused when the tool is
 * saved (see {@link #problem(String)}). {@code $} matches only at the end of the string, as in ECMA-262.
 *
 * <p>Size: RE2 expands counted repetition, so {@code (a{1000}){1000}} would need a million instructions (and
 * {@code ((a{1000}){1000}){1000}} exhausts the heap while compiling). A pattern whose expansion
 * ({@link #expandedSize(String)}) is larger than {@link #MAX_PATTERN_SIZE} is refused before RE2/J sees it.
 *
 * <p>Deadline: matching inside {@link ArgumentValidator#validate(tools.jackson.databind.JsonNode, long)} stops with a
 * {@link ValidationDeadlineException} once the deadline passes, so even a large linear match cannot outlast
 * the call's budget.
 *
 * <p>Thread-safe; compiled expressions are immutable.
 */
public final class LinearRegex implements RegularExpressionFactory {

    /**
     * The largest expansion of one pattern, in RE2 instructions as {@link #expandedSize(String)} estimates them:
     * 1,000, the same bound RE2 puts on one counted repetition ({@code {1000}}).
     */
    public static final int MAX_PATTERN_SIZE = 1_000;

    /** The one factory; stateless. */
    public static final LinearRegex INSTANCE = new LinearRegex();

    /** How many characters a match reads between two looks at the clock. */
    private static final int CHARS_PER_CLOCK_CHECK = 256;

    private static final ThreadLocal<long[]> DEADLINE = new ThreadLocal<>();

    private LinearRegex() {}

    /**
     * Returns why {@code pattern} cannot be used, or empty when it compiles on RE2/J within
     * {@link #MAX_PATTERN_SIZE}.
     *
     * @param pattern an ECMA-262 pattern as written in a schema
     * @return a phrase such as {@code does not compile on the linear-time regex engine (RE2, which has no
     *     lookahead, lookbehind or backreferences): invalid or unsupported Perl syntax: `(?=`}, or empty
     */
    public static Optional<String> problem(String pattern) {
        long size = expandedSize(pattern);
        if (size > MAX_PATTERN_SIZE) {
            return Optional.of("expands to about " + size + " regex instructions through its counted repetitions;"
                    + " the limit is " + MAX_PATTERN_SIZE);
        }
        try {
            Pattern.compile(toRe2(pattern));
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of("does not compile on the linear-time regex engine (RE2, which has no lookahead,"
                    + " lookbehind or backreferences): " + e.getDescription() + ": `" + e.getPattern() + "`");
        }
    }

    /**
     * Estimates how many RE2 instructions {@code pattern} compiles to: each literal, class or escape counts 1,
     * a counted repetition {@code x{n,m}} counts {@code m} times the size of {@code x} ({@code n + 1} for
     * {@code x{n,}}), nested repetitions multiply. Saturates instead of overflowing. Meant for refusing
     * oversized patterns before compiling them; malformed syntax is left to the compiler.
     *
     * @param pattern an ECMA-262 pattern
     * @return the estimate, at least 0
     */
    public static long expandedSize(String pattern) {
        return new SizeScanner(pattern).scan();
    }

    /**
     * Runs {@code work} with a deadline for every match made on this thread by expressions of this factory; a
     * match still running at the deadline throws {@link ValidationDeadlineException}.
     *
     * @param deadlineNanos the deadline on the {@link System#nanoTime()} scale
     * @param work the work, typically a schema validation
     * @return what {@code work} returns
     * @throws ValidationDeadlineException if the deadline passed during a match
     */
    static <T> T withDeadline(long deadlineNanos, Supplier<T> work) {
        long[] previous = DEADLINE.get();
        DEADLINE.set(new long[] {deadlineNanos});
        try {
            return work.get();
        } finally {
            if (previous == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(previous);
            }
        }
    }

    /**
     * Compiles {@code regex} on RE2/J.
     *
     * @throws IllegalArgumentException if the pattern is too large or does not compile; networknt reports it
     *     as an invalid schema
     */
    @Override
    public RegularExpression getRegularExpression(String regex) {
        Optional<String> problem = problem(regex);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("pattern " + regex + " " + problem.get());
        }
        Pattern compiled = Pattern.compile(toRe2(regex));
        return value -> {
            long[] deadline = DEADLINE.get();
            CharSequence input = deadline == null ? value : new DeadlineText(value, deadline[0]);
            return compiled.matcher(input).find();
        };
    }

    /** Rewrites the ECMA-262 escapes RE2 spells differently; leaves everything else as written. */
    static String toRe2(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length() + 8);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c != '\\' || i + 1 >= pattern.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = pattern.charAt(i + 1);
            if (next == 'u' && hexDigits(pattern, i + 2, 4)) {
                out.append("\\x{").append(pattern, i + 2, i + 6).append('}');
                i += 6;
            } else if (next == 'u' && i + 2 < pattern.length() && pattern.charAt(i + 2) == '{') {
                int close = pattern.indexOf('}', i + 3);
                if (close > i + 3 && hexDigits(pattern, i + 3, close - i - 3)) {
                    out.append("\\x{").append(pattern, i + 3, close).append('}');
                    i = close + 1;
                } else {
                    out.append(c).append(next);
                    i += 2;
                }
            } else {
                out.append(c).append(next);
                i += 2;
            }
        }
        return RegularExpressions.replaceLongformCharacterProperties(out.toString());
    }

    private static boolean hexDigits(String text, int from, int count) {
        if (count < 1 || from + count > text.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The input of a match that looks at the clock every few characters read. */
    private static final class DeadlineText implements CharSequence {
        private final String text;
        private final long deadlineNanos;
        private int reads;

        DeadlineText(String text, long deadlineNanos) {
            this.text = text;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public char charAt(int index) {
            if (++reads % CHARS_PER_CLOCK_CHECK == 0 && System.nanoTime() - deadlineNanos >= 0) {
                throw new ValidationDeadlineException();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** One pass over a pattern computing {@link #expandedSize(String)}. */
    private static final class SizeScanner {
        private static final long CAP = 1L << 40;

        private final String p;
        private int i;

        SizeScanner(String pattern) {
            this.p = pattern;
        }

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
}
