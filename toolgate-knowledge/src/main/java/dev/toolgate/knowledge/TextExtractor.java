package dev.toolgate.knowledge;

import dev.toolgate.core.retrieval.TextBlock;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a document's bytes into {@link TextBlock}s (headings and paragraphs in reading order) with a real parser for
 * each {@link DocumentFormat}:
 *
 * <ul>
 *   <li>HTML: jsoup (the WHATWG parsing algorithm; the charset from the bytes' BOM or {@code <meta>}, else UTF-8);
 *       {@code h1}..{@code h6} are headings, every other block element ends a paragraph; scripts, styles and
 *       templates are dropped.
 *   <li>Markdown: commonmark-java (CommonMark 0.31, with GitHub's tables); ATX and setext headings, paragraphs, list
 *       items, code blocks; each table row becomes a paragraph with its cells separated by {@code " | "}; the text of
 *       links and code spans is kept, link targets are not.
 *   <li>PDF: Apache PDFBox's text stripper, paragraphs as it detects them; a PDF has no reliable headings, so none
 *       are made. Encrypted PDFs are refused.
 *   <li>DOCX: Apache POI; paragraphs styled Title or Heading 1..6 are headings, table rows become paragraphs with
 *       their cells separated by {@code " | "}.
 *   <li>Plain text: UTF-8 (a BOM is skipped); blank lines separate paragraphs.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class TextExtractor {

    private static final Pattern BLANK_LINES = Pattern.compile("\\R[\\h]*\\R\\s*");
    static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final MarkdownReader markdown = new MarkdownReader();

    /**
     * Extracts the text of a document.
     *
     * @param format the document's type
     * @param content its bytes
     * @return its blocks; empty when it has no text
     * @throws ExtractionException when the bytes are not a readable document of that type
     */
    public List<TextBlock> extract(DocumentFormat format, byte[] content) throws ExtractionException {
        return switch (format) {
            case PLAIN_TEXT -> plain(utf8(content));
            case MARKDOWN -> markdown.read(utf8(content));
            case HTML -> HtmlReader.read(content);
            case PDF -> OfficeReaders.pdf(content);
            case DOCX -> OfficeReaders.docx(content);
        };
    }

    private static String utf8(byte[] content) throws ExtractionException {
        int start = content.length >= 3
                        && (content[0] & 0xff) == 0xef
                        && (content[1] & 0xff) == 0xbb
                        && (content[2] & 0xff) == 0xbf
                ? 3
                : 0;
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, start, content.length - start))
                    .toString();
            if (text.indexOf('\0') >= 0) {
                throw new ExtractionException("the document holds NUL characters: it is not text", null);
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new ExtractionException("the document is not valid UTF-8 text", e);
        }
    }

    private static List<TextBlock> plain(String text) {
        List<TextBlock> blocks = new ArrayList<>();
        for (String paragraph : BLANK_LINES.split(text)) {
            addParagraph(blocks, paragraph);
        }
        return blocks;
    }

    static void addParagraph(List<TextBlock> blocks, String text) {
        String normalized = WHITESPACE.matcher(text).replaceAll(" ").strip();
        if (!normalized.isEmpty()) {
            blocks.add(new TextBlock.Paragraph(normalized));
        }
    }
}
