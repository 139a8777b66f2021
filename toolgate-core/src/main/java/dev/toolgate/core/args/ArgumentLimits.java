package dev.toolgate.core.args;

/**
 * How large one tool call's arguments may be (docs/configuration.md, {@code toolgate.limits.*}). Arguments past
 * either limit fail with {@code HTTP_TOOL_INVALID_ARGS} naming the limit, are not validated, not sent and not
 * kept in the invocation record.
 *
 * @param maxBytes the most bytes of the arguments written as compact UTF-8 JSON; at least 1; default 65,536
 *     (64 KiB)
 * @param maxDepth the deepest nesting of objects and arrays, the arguments object itself counting as level 1
 *     ({@code {"a": [1]}} is 2 deep); at least 1; default 64
 */
public record ArgumentLimits(int maxBytes, int maxDepth) {

    /** The default {@link #maxBytes()}: 65,536 bytes (64 KiB). */
    public static final int DEFAULT_MAX_BYTES = 65_536;

    /** The default {@link #maxDepth()}: 64 levels. */
    public static final int DEFAULT_MAX_DEPTH = 64;

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException if a limit is below 1
     */
    public ArgumentLimits {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1: " + maxBytes);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1: " + maxDepth);
        }
    }

    /** Returns the defaults: 64 KiB and 64 levels. */
    public static ArgumentLimits ofDefaults() {
        return new ArgumentLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);
    }
}
