package dev.toolgate.server.api;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Makes tenant-supplied text safe for the server log: every value that can carry what a tenant or caller sent
 * (a tool name, a pattern, a URL, an exception message built from them) goes through {@link #text(Object)} or
 * {@link #throwable(Throwable)} before it reaches a log statement. Two rules (docs/configuration.md,
 * {@code toolgate.limits.max-logged-string-chars}):
 *
 * <ul>
 *   <li>at most {@link #maxChars()} characters of one value are written, the rest replaced by a marker
 *       {@code …[cut N chars]};
 *   <li>line breaks and other control characters are written as escapes ({@code \n}, {@code \r}, {@code \t},
 *       {@code \u001b}, also U+2028 and U+2029), so a value cannot start a forged log line.
 * </ul>
 *
 * <p>The limit is the deployment's setting, installed once at startup by {@link #configure(int)}; until then (and
 * in plain unit tests) it is {@link #DEFAULT_MAX_CHARS}. Thread-safe.
 */
public final class LogSafe {

    /** Characters of one logged value by default; the default of {@code toolgate.limits.max-logged-string-chars}. */
    public static final int DEFAULT_MAX_CHARS = 256;

    /** Causes and suppressed exceptions followed below one logged throwable. */
    private static final int MAX_THROWABLE_DEPTH = 16;

    private static volatile int maxChars = DEFAULT_MAX_CHARS;

    private LogSafe() {}

    /**
     * Sets the characters of one logged value (from {@code toolgate.limits.max-logged-string-chars}).
     *
     * @param chars at least 1
     * @throws IllegalArgumentException if {@code chars} is below 1
     */
    public static void configure(int chars) {
        if (chars < 1) {
            throw new IllegalArgumentException("max logged characters must be >= 1, got " + chars);
        }
        maxChars = chars;
    }

    /** Returns the characters of one logged value now in force. */
    public static int maxChars() {
        return maxChars;
    }

    /**
     * Returns {@code value} as one safe log token: its {@code toString()} with control characters escaped, cut to
     * {@link #maxChars()} characters of the original plus the marker {@code …[cut N chars]}.
     *
     * @param value any value, or null (returned as {@code "null"})
     */
    public static String text(Object value) {
        String s = String.valueOf(value);
        int limit = maxChars;
        int keep = Math.min(s.length(), limit);
        if (keep < s.length() && keep > 0 && Character.isHighSurrogate(s.charAt(keep - 1))) {
            keep--; // never split a surrogate pair
        }
        StringBuilder out = new StringBuilder(keep + 24);
        for (int i = 0; i < keep; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (keep < s.length()) {
            out.append("…[cut ").append(s.length() - keep).append(" chars]");
        }
        return out.toString();
    }

    /**
     * Returns a copy of {@code error} to log in its place: the same stack traces, causes and suppressed exceptions,
     * but every message passed through {@link #text(Object)}. Each copy is a {@link Logged} whose message starts
     * with the original class name, so the log still says what was thrown.
     *
     * @param error the throwable to log, or null (returns null)
     */
    public static Throwable throwable(Throwable error) {
        return error == null ? null : copy(error, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /* A cause or suppressed exception seen before (a cycle) is left out rather than linked again. */
    private static Logged copy(Throwable error, int depth, Set<Throwable> seen) {
        seen.add(error);
        String message = error.getMessage();
        Logged logged = new Logged(error.getClass().getName() + (message == null ? "" : ": " + text(message)));
        logged.setStackTrace(error.getStackTrace());
        if (depth < MAX_THROWABLE_DEPTH) {
            Throwable cause = error.getCause();
            if (cause != null && !seen.contains(cause)) {
                logged.initCause(copy(cause, depth + 1, seen));
            }
            for (Throwable suppressed : error.getSuppressed()) {
                if (!seen.contains(suppressed)) {
                    logged.addSuppressed(copy(suppressed, depth + 1, seen));
                }
            }
        }
        return logged;
    }

    /** A logged stand-in for a throwable whose messages were made safe by {@link LogSafe#throwable(Throwable)}. */
    public static final class Logged extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Logged(String message) {
            super(message);
        }
    }
}
