package dev.toolgate.core.retrieval;

import java.util.Objects;

/**
 * One piece of a document that is embedded, indexed and returned by a search.
 *
 * @param index the chunk's position in its document, from 0
 * @param section the heading path it sits under ({@code "Limits > Per agent"}), empty before the first heading
 * @param text the chunk's text: its section's heading path on the first line when there is one, then the body
 * @param tokenCount the tokens of {@code text} by the chunker's counter
 */
public record Chunk(int index, String section, String text, int tokenCount) {
    /** Checks the index (>= 0), that the texts are present and the count is positive. */
    public Chunk {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0: " + index);
        }
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(text, "text");
        if (tokenCount < 1) {
            throw new IllegalArgumentException("tokenCount must be >= 1: " + tokenCount);
        }
    }
}
