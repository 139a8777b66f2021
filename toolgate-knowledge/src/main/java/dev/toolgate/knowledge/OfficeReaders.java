package dev.toolgate.knowledge;

import dev.toolgate.core.retrieval.TextBlock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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

/** PDF (Apache PDFBox) and DOCX (Apache POI) to blocks ({@link TextExtractor} has the rules). Stateless. */
final class OfficeReaders {

    private static final Pattern DOCX_HEADING_STYLE = Pattern.compile("(?i)heading\\s*([1-6])");
    private static final char PARAGRAPH_MARK = '\u2029';

    private OfficeReaders() {}

    static List<TextBlock> pdf(byte[] content) throws ExtractionException {
        try (PDDocument document = Loader.loadPDF(content)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setParagraphEnd(String.valueOf(PARAGRAPH_MARK));
            stripper.setPageEnd(String.valueOf(PARAGRAPH_MARK));
            String text = stripper.getText(document);
            List<TextBlock> blocks = new ArrayList<>();
            for (String paragraph : text.split(String.valueOf(PARAGRAPH_MARK))) {
                TextExtractor.addParagraph(blocks, paragraph);
            }
            return blocks;
        } catch (InvalidPasswordException e) {
            throw new ExtractionException("the PDF is encrypted", e);
        } catch (IOException | RuntimeException e) {
            throw new ExtractionException("the PDF could not be read", e);
        }
    }

    static List<TextBlock> docx(byte[] content) throws ExtractionException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            List<TextBlock> blocks = new ArrayList<>();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    int level = docxHeadingLevel(document, paragraph);
                    String text = TextExtractor.WHITESPACE
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
                            String text = TextExtractor.WHITESPACE
                                    .matcher(cell.getText())
                                    .replaceAll(" ")
                                    .strip();
                            if (!text.isEmpty()) {
                                cells.add(text);
                            }
                        }
                        TextExtractor.addParagraph(blocks, String.join(" | ", cells));
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
}
