package dev.toolgate.server.invocation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The bound on one JSON field of an invocation record (the arguments, the rendered request), set by
 * {@code toolgate.limits.max-record-field-bytes} (docs/invocation-log.md). A value longer than the bound, in UTF-8
 * bytes, is stored as a JSON <em>string</em> holding the start of the original text followed by the marker
 * {@code …[cut: N bytes]} (N = the UTF-8 bytes of the original text left out), so the column still parses as JSON
 * and the whole stored value, quotes and escapes included, fits in the bound.
 */
public final class RecordField {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern MARKER = Pattern.compile("…\\[cut: \\d+ bytes]$");

    private RecordField() {}

    /**
     * Returns {@code json} as stored: unchanged when it fits in {@code maxBytes} UTF-8 bytes, else a JSON string
     * of its start plus the cut marker, at most {@code maxBytes} bytes long.
     *
     * @param json JSON text, or null
     * @param maxBytes the bound in UTF-8 bytes, at least 64
     * @return the text to store, or null for null
     */
    public static String bound(String json, int maxBytes) {
        int total = json == null ? 0 : utf8Length(json);
        if (json == null || total <= maxBytes) {
            return json;
        }
        // The largest prefix (in bytes of the original) whose quoted, escaped form with the marker still fits.
        int low = 0;
        int high = maxBytes;
        String best = cutString(json, 0, total);
        while (low <= high) {
            int keep = (low + high) >>> 1;
            String candidate = cutString(json, keep, total);
            if (utf8Length(candidate) <= maxBytes) {
                best = candidate;
                low = keep + 1;
            } else {
                high = keep - 1;
            }
        }
        return best;
    }

    /**
     * Reads a stored field for an API answer: the parsed JSON; a JSON string of the text when it does not parse
     * (a row written by an older version, or damaged); and any text over {@code maxBytes} is cut first as
     * {@link #bound} does. Never throws.
     *
     * @param stored the column's text, or null
     * @param maxBytes the bound in UTF-8 bytes
     * @return the value to show; a JSON null for null
     */
    public static JsonNode read(String stored, int maxBytes) {
        if (stored == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        String bounded = bound(stored, maxBytes);
        try {
            return JSON.readTree(bounded);
        } catch (JacksonException notJson) {
            return JsonNodeFactory.instance.textNode(bounded);
        }
    }

    /**
     * Returns whether a stored field holds the value it was given, whole: true for null and for JSON that parses
     * and is not a {@link #bound cut} value; false for a cut value and for text that is not JSON.
     */
    public static boolean whole(String stored) {
        if (stored == null) {
            return true;
        }
        try {
            JsonNode node = JSON.readTree(stored);
            return !(node.isString() && MARKER.matcher(node.asString()).find());
        } catch (JacksonException notJson) {
            return false;
        }
    }

    private static String cutString(String json, int keepBytes, int totalBytes) {
        String prefix = utf8Prefix(json, keepBytes);
        int cut = totalBytes - utf8Length(prefix);
        return JSON.writeValueAsString(prefix + "…[cut: " + cut + " bytes]");
    }

    /** The longest prefix of {@code text} whose UTF-8 encoding fits in {@code maxBytes}, never splitting a pair. */
    private static String utf8Prefix(String text, int maxBytes) {
        CharsetEncoder encoder = StandardCharsets.UTF_8
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer in = CharBuffer.wrap(text);
        encoder.encode(in, ByteBuffer.allocate(maxBytes), true);
        return text.substring(0, in.position());
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
