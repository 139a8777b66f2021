package dev.toolgate.server.console;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON typed into the console's editors, read with Jackson: a key given twice is an error (as in the API's bodies),
 * and an unreadable text becomes a message for the field instead of an exception.
 */
final class JsonText {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final JsonMapper PRETTY = JsonMapper.builder()
            .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonText() {}

    /**
     * The outcome of reading one editor's text.
     *
     * @param value the JSON value, or null when the text is blank or unreadable
     * @param error why the text is not JSON (Jackson's message, with line and column), or null
     */
    record Read(JsonNode value, String error) {}

    /** Reads {@code text}; a blank text reads as no value and no error. */
    static Read read(String text) {
        if (text == null || text.isBlank()) {
            return new Read(null, null);
        }
        try {
            return new Read(JSON.readTree(text), null);
        } catch (JacksonException e) {
            String message = e.getOriginalMessage();
            if (e.getLocation() != null) {
                message += " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
            }
            return new Read(null, "is not valid JSON: " + message);
        }
    }

    /** Writes {@code value} indented for an editor; null writes as an empty text. */
    static String pretty(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? "" : PRETTY.writeValueAsString(value);
    }

    /** Writes {@code value} as compact JSON. */
    static String compact(Object value) {
        return JSON.writeValueAsString(value);
    }
}
