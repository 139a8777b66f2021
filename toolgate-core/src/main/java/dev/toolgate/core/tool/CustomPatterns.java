package dev.toolgate.core.tool;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * The rules of a custom {@code extract_variable} tool's {@code pattern}: an RE2 regular expression, compiled
 * with RE2/J, whose matching time is linear in the input (no backtracking; no backreferences or lookaround).
 *
 * <p>RE2 compiles a counted repetition {@code x{n}} into {@code n} copies of {@code x}, so nested or chained
 * counts multiply: {@code (a{1000}){1000}} is a program of a million steps that takes a second to compile
 * and is slow to match. A pattern is therefore refused when the product of all its repetition bounds (the
 * upper bound, or the lower one of an open {@code {n,}}) exceeds {@value #MAX_REPETITION_PRODUCT}; ordinary
 * patterns such as {@code [A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}} (an IBAN, product 120) are far below it.
 * Patterns are at most {@value #MAX_LENGTH} characters.
 *
 * <p>Thread-safe; compiled patterns are cached (at most {@value #CACHE_SIZE}).
 */
public final class CustomPatterns {

    /** The longest pattern, in characters. */
    public static final int MAX_LENGTH = 500;

    /** The largest product of repetition bounds. */
    public static final long MAX_REPETITION_PRODUCT = 100_000;

    /** How many compiled patterns are kept. */
    static final int CACHE_SIZE = 1_000;

    private static final Cache<String, Pattern> COMPILED =
            Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();

    private CustomPatterns() {}

    /**
     * Checks a pattern.
     *
     * @param pattern the pattern; not null
     * @return null when it is usable, else what is wrong
     */
    public static String problem(String pattern) {
        if (pattern.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            return "is not a valid RE2 regular expression: " + e.getDescription();
        }
        if (repetitionProduct(pattern) > MAX_REPETITION_PRODUCT) {
            return "repeats too much: the counts {n,m} multiply to more than " + MAX_REPETITION_PRODUCT
                    + "; use fewer or smaller counts";
        }
        return null;
    }

    /**
     * Returns whether the whole of {@code value} matches a pattern that passed {@link #problem}.
     *
     * @throws PatternSyntaxException if the pattern does not compile
     */
    public static boolean matches(String pattern, String value) {
        return COMPILED.get(pattern, Pattern::compile).matches(value);
    }

    /**
     * Multiplies the bounds of every {@code {n}}, {@code {n,}} and {@code {n,m}} outside character classes and
     * escapes (capped above the limit, so it cannot overflow). The pattern has compiled, so braces that are no
     * repetition are literal and skipped.
     */
    static long repetitionProduct(String pattern) {
        long product = 1;
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
                    i++; // a ']' right after '[' is literal
                } else if (i + 2 < pattern.length() && pattern.charAt(i + 1) == '^' && pattern.charAt(i + 2) == ']') {
                    i += 2;
                }
            } else if (c == '{') {
                int close = pattern.indexOf('}', i);
                long bound = close < 0 ? -1 : bound(pattern.substring(i + 1, close));
                if (bound > 0) {
                    product = Math.min(product * bound, MAX_REPETITION_PRODUCT + 1);
                    i = close;
                }
            }
        }
        return product;
    }

    /** Returns the bound of a repetition body {@code n}, {@code n,} or {@code n,m}, or -1 when it is none. */
    private static long bound(String body) {
        int comma = body.indexOf(',');
        String low = comma < 0 ? body : body.substring(0, comma);
        String high = comma < 0 ? "" : body.substring(comma + 1);
        if (!digits(low) || (!high.isEmpty() && !digits(high))) {
            return -1;
        }
        long value = Long.parseLong(high.isEmpty() ? low : high);
        return Math.max(1, value);
    }

    private static boolean digits(String text) {
        return !text.isEmpty() && text.length() <= 4 && text.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }
}
