package dev.toolgate.knowledge;

import dev.toolgate.core.retrieval.TextBlock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

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
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DOCX_HEADING_STYLE = Pattern.compile("(?i)heading\\s*([1-6])");
    private static final char PARAGRAPH_MARK = '\u2029';

    private final Parser markdown =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();

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
            case MARKDOWN -> markdown(utf8(content));
            case HTML -> html(content);
            case PDF -> pdf(content);
            case DOCX -> docx(content);
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

    private List<TextBlock> markdown(String text) {
        List<TextBlock> blocks = new ArrayList<>();
        markdown.parse(text).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String title = render(heading);
                if (!title.isEmpty()) {
                    blocks.add(new TextBlock.Heading(heading.getLevel(), title));
                }
            }

            @Override
            public void visit(Paragraph paragraph) {
                addParagraph(blocks, render(paragraph));
            }

            @Override
            public void visit(FencedCodeBlock code) {
                addParagraph(blocks, code.getLiteral());
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                addParagraph(blocks, code.getLiteral());
            }

            @Override
            public void visit(CustomBlock block) {
                if (block instanceof TableBlock) {
                    tableRows(block, blocks);
                } else {
                    visitChildren(block);
                }
            }
        });
        return blocks;
    }

    private static void tableRows(Node node, List<TextBlock> blocks) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof TableRow row) {
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        String text = render(cell);
                        if (!text.isEmpty()) {
                            cells.add(text);
                        }
                    }
                }
                addParagraph(blocks, String.join(" | ", cells));
            } else {
                tableRows(child, blocks); // the head and the body hold the rows
            }
        }
    }

    /** The text of an inline tree: text and code spans as written, line breaks as spaces, no link targets. */
    private static String render(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                text.append(' ');
            }
        });
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    private static List<TextBlock> html(byte[] content) throws ExtractionException {
        Document document;
        try {
            document = Jsoup.parse(new ByteArrayInputStream(content), null, "");
        } catch (IOException e) {
            throw new ExtractionException("the HTML could not be read", e);
        }
        document.select("script, style, noscript, template, svg, head").remove();
        List<TextBlock> blocks = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(org.jsoup.nodes.Node node, int depth) {
                        if (node instanceof TextNode textNode) {
                            text.append(textNode.text());
                        } else if (node instanceof Element element && (element.isBlock() || element.nameIs("br"))) {
                            flushParagraph(blocks, text);
                        }
                    }

                    @Override
                    public void tail(org.jsoup.nodes.Node node, int depth) {
                        if (node instanceof Element element && element.isBlock()) {
                            int level = headingLevel(element.normalName());
                            if (level > 0) {
                                String title =
                                        WHITESPACE.matcher(text).replaceAll(" ").strip();
                                text.setLength(0);
                                if (!title.isEmpty()) {
                                    blocks.add(new TextBlock.Heading(level, title));
                                }
                            } else {
                                flushParagraph(blocks, text);
                            }
                        }
                    }
                },
                document.body());
        flushParagraph(blocks, text);
        return blocks;
    }

    private static int headingLevel(String tag) {
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6'
                ? tag.charAt(1) - '0'
                : 0;
    }

    private static void flushParagraph(List<TextBlock> blocks, StringBuilder text) {
        addParagraph(blocks, text.toString());
        text.setLength(0);
    }

    private static List<TextBlock> pdf(byte[] content) throws ExtractionException {
        try (PDDocument document = Loader.loadPDF(content)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setParagraphEnd(String.valueOf(PARAGRAPH_MARK));
            stripper.setPageEnd(String.valueOf(PARAGRAPH_MARK));
            String text = stripper.getText(document);
            List<TextBlock> blocks = new ArrayList<>();
            for (String paragraph : text.split(String.valueOf(PARAGRAPH_MARK))) {
                addParagraph(blocks, paragraph);
            }
            return blocks;
        } catch (InvalidPasswordException e) {
            throw new ExtractionException("the PDF is encrypted", e);
        } catch (IOException | RuntimeException e) {
            throw new ExtractionException("the PDF could not be read", e);
        }
    }

    private static List<TextBlock> docx(byte[] content) throws ExtractionException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            List<TextBlock> blocks = new ArrayList<>();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    int level = docxHeadingLevel(document, paragraph);
                    String text = WHITESPACE
                            .matcher(paragraph.getText())
                            .replaceAll(" ")
                            .strip();
                    if (text.isEmpty()) {
                        continue;
                    }
                    blocks.add(level > 0 ? new TextBlock.Heading(level, text) : new TextBlock.Paragraph(text));
                } else if (element instanceof XWPFTable table) {
                    for (XWPFTableRow row : table.getRows()) {
                        List<String> cells = new ArrayList<>();
                        for (XWPFTableCell cell : row.getTableCells()) {
                            String text = WHITESPACE
                                    .matcher(cell.getText())
                                    .replaceAll(" ")
                                    .strip();
                            if (!text.isEmpty()) {
                                cells.add(text);
                            }
                        }
                        addParagraph(blocks, String.join(" | ", cells));
                    }
                }
            }
            return blocks;
        } catch (IOException | RuntimeException e) {
            throw new ExtractionException("the DOCX file could not be read", e);
        }
    }

    private static int docxHeadingLevel(XWPFDocument document, XWPFParagraph paragraph) {
        String styleId = paragraph.getStyleID();
        if (styleId == null) {
            return 0;
        }
        String name = styleId;
        XWPFStyle style =
                document.getStyles() == null ? null : document.getStyles().getStyle(styleId);
        if (style != null && style.getName() != null) {
            name = style.getName();
        }
        if (name.toLowerCase(Locale.ROOT).equals("title") || styleId.equalsIgnoreCase("title")) {
            return 1;
        }
        var matcher = DOCX_HEADING_STYLE.matcher(name);
        if (!matcher.find()) {
            matcher = DOCX_HEADING_STYLE.matcher(styleId);
            if (!matcher.find()) {
                return 0;
            }
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static void addParagraph(List<TextBlock> blocks, String text) {
        String normalized = WHITESPACE.matcher(text).replaceAll(" ").strip();
        if (!normalized.isEmpty()) {
            blocks.add(new TextBlock.Paragraph(normalized));
        }
    }
}
