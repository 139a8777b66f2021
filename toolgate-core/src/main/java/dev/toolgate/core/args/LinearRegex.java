package dev.toolgate.core.args;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import com.networknt.schema.regex.RegularExpressions;
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
        return new PatternSize(pattern).scan();
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
}
