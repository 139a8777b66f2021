package dev.toolgate.core.args;

import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures JSON trees without recursion, so a tree of any depth can be measured before anything recursive
 * (schema validation, copying, serialization) touches it. Used for the size and depth limits of arguments
 * ({@link ArgumentLimits}) and of a tool's {@code parameters}.
 */
public final class JsonMeasure {

    private static final JsonMapper COMPACT = JsonMapper.builder().build();

    private JsonMeasure() {}

    /**
     * Returns whether {@code node} nests objects and arrays deeper than {@code maxDepth} levels. A container
     * counts as one level, a scalar as none: {@code 1} is 0 deep, {@code {}} and {@code []} are 1 deep,
     * {@code {"a": [1]}} is 2 deep. Stops at the first container past the limit.
     *
     * @param node any JSON tree
     * @param maxDepth the deepest allowed nesting, at least 0
     */
    public static boolean deeperThan(JsonNode node, int maxDepth) {
        record Level(JsonNode node, int depth) {}
        Deque<Level> pending = new ArrayDeque<>();
        pending.push(new Level(node, 1));
        while (!pending.isEmpty()) {
            Level level = pending.pop();
            if (!level.node().isContainer()) {
                continue;
            }
            if (level.depth() > maxDepth) {
                return true;
            }
            for (JsonNode child : level.node().values()) {
                if (child.isContainer()) {
                    pending.push(new Level(child, level.depth() + 1));
                }
            }
        }
        return false;
    }

    /**
     * Returns how many bytes {@code node} takes written as compact JSON in UTF-8, without keeping the text.
     * Only call it on a tree already known not to be deeper than Jackson's write limit (500 levels), e.g. after
     * {@link #deeperThan(JsonNode, int)} with a smaller limit.
     *
     * @param node any JSON tree
     */
    public static long serializedBytes(JsonNode node) {
        CountingStream counter = new CountingStream();
        COMPACT.writeValue(counter, node);
        return counter.count;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
