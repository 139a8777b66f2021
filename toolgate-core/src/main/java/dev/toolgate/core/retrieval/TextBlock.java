package dev.toolgate.core.retrieval;

import java.util.Objects;

/**
 * One structural piece of a document's text, in reading order, as an extractor (HTML, Markdown, PDF, DOCX, plain
 * text) produces it.
 */
public sealed interface TextBlock permits TextBlock.Heading, TextBlock.Paragraph {

    /** Returns the block's text: trimmed, never blank. */
    String text();

    /**
     * A heading that opens a section.
     *
     * @param level 1 (a title, {@code <h1>}, {@code #}) to 6 (the deepest)
     * @param text the heading's text
     */
    record Heading(int level, String text) implements TextBlock {
        /** The most heading levels (HTML's h1..h6, CommonMark's # .. ######). */
        public static final int MAX_LEVEL = 6;

        /** Checks the level (1..{@value #MAX_LEVEL}) and the text (not blank). */
        public Heading {
            if (level < 1 || level > MAX_LEVEL) {
                throw new IllegalArgumentException("heading level must be 1.." + MAX_LEVEL + ": " + level);
            }
            text = requireText(text);
        }
    }

    /**
     * A paragraph, list item, table row, code block or any other run of body text.
     *
     * @param text the paragraph's text
     */
    record Paragraph(String text) implements TextBlock {
        /** Checks the text (not blank). */
        public Paragraph {
            text = requireText(text);
        }
    }

    private static String requireText(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("a block's text must not be blank");
        }
        return trimmed;
    }
}
