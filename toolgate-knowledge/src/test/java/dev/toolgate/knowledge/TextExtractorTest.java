package dev.toolgate.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.core.retrieval.TextBlock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

class TextExtractorTest {

    private final TextExtractor extractor = new TextExtractor();

    private List<TextBlock> extract(DocumentFormat format, String text) throws ExtractionException {
        return extractor.extract(format, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void htmlHeadingsAndBlocksComeInReadingOrderWithoutScriptsOrStyles() throws Exception {
        List<TextBlock> blocks = extract(DocumentFormat.HTML, """
                <html><head><title>ignored</title><style>p{color:red}</style></head><body>
                <h1>Opening   hours</h1>
                <p>We are open <b>Monday</b> to Friday.</p>
                <script>alert('no')</script>
                <ul><li>Closed on holidays</li><li>Late opening on Thursday</li></ul>
                <h2>Parking</h2><div>Garage on <a href="#">Main St</a><br>Second line</div>
                </body></html>""");

        assertThat(blocks)
                .containsExactly(
                        new TextBlock.Heading(1, "Opening hours"),
                        new TextBlock.Paragraph("We are open Monday to Friday."),
                        new TextBlock.Paragraph("Closed on holidays"),
                        new TextBlock.Paragraph("Late opening on Thursday"),
                        new TextBlock.Heading(2, "Parking"),
                        new TextBlock.Paragraph("Garage on Main St"),
                        new TextBlock.Paragraph("Second line"));
    }

    @Test
    void markdownIsReadAsCommonMark() throws Exception {
        List<TextBlock> blocks = extract(DocumentFormat.MARKDOWN, """
                # Title

                Some *emphasis* and a [link](https://example.com).

                Setext heading
                --------------

                - item one
                - item two

                ```
                code line
                ```
                """);

        assertThat(blocks)
                .containsExactly(
                        new TextBlock.Heading(1, "Title"),
                        new TextBlock.Paragraph("Some emphasis and a link."),
                        new TextBlock.Heading(2, "Setext heading"),
                        new TextBlock.Paragraph("item one"),
                        new TextBlock.Paragraph("item two"),
                        new TextBlock.Paragraph("code line"));
    }

    @Test
    void plainTextParagraphsAreSeparatedByBlankLinesAndABomIsSkipped() throws Exception {
        byte[] bytes =
                ("\uFEFFFirst line\nsame paragraph\n\n  \nSecond one.\r\n\r\nThird.").getBytes(StandardCharsets.UTF_8);

        assertThat(extractor.extract(DocumentFormat.PLAIN_TEXT, bytes))
                .containsExactly(
                        new TextBlock.Paragraph("First line same paragraph"),
                        new TextBlock.Paragraph("Second one."),
                        new TextBlock.Paragraph("Third."));
    }

    @Test
    void textThatIsNotUtf8OrHoldsNulIsRefused() {
        assertThatThrownBy(() -> extractor.extract(DocumentFormat.PLAIN_TEXT, new byte[] {'a', (byte) 0xff, 'b'}))
                .isInstanceOf(ExtractionException.class)
                .hasMessage("the document is not valid UTF-8 text");
        assertThatThrownBy(() -> extractor.extract(DocumentFormat.MARKDOWN, new byte[] {'a', 0, 'b'}))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void pdfTextIsExtracted() throws Exception {
        byte[] pdf = pdf(null, "Refunds are paid within 14 days.", "Call us on weekdays.");

        List<TextBlock> blocks = extractor.extract(DocumentFormat.PDF, pdf);

        assertThat(blocks)
                .extracting(TextBlock::text)
                .anySatisfy(text -> assertThat(text).contains("Refunds are paid within 14 days."));
        assertThat(String.join(" ", blocks.stream().map(TextBlock::text).toList()))
                .contains("Call us on weekdays.");
    }

    @Test
    void anEncryptedOrBrokenPdfIsRefusedWithAReason() throws Exception {
        assertThatThrownBy(() -> extractor.extract(DocumentFormat.PDF, pdf("owner-and-user", "secret text")))
                .isInstanceOf(ExtractionException.class)
                .hasMessage("the PDF is encrypted");
        assertThatThrownBy(() -> extractor.extract(DocumentFormat.PDF, "not a pdf".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ExtractionException.class)
                .hasMessage("the PDF could not be read");
    }

    @Test
    void docxHeadingStylesBecomeHeadingsAndTableRowsParagraphs() throws Exception {
        byte[] docx;
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var title = document.createParagraph();
            title.setStyle("Heading1");
            title.createRun().setText("Returns");
            document.createParagraph().createRun().setText("Items can be returned within 30 days.");
            XWPFTable table = document.createTable(1, 2);
            table.getRow(0).getCell(0).setText("Store");
            table.getRow(0).getCell(1).setText("Berlin");
            var sub = document.createParagraph();
            sub.setStyle("Heading2");
            sub.createRun().setText("Exceptions");
            document.write(out);
            docx = out.toByteArray();
        }

        assertThat(extractor.extract(DocumentFormat.DOCX, docx))
                .containsExactly(
                        new TextBlock.Heading(1, "Returns"),
                        new TextBlock.Paragraph("Items can be returned within 30 days."),
                        new TextBlock.Paragraph("Store | Berlin"),
                        new TextBlock.Heading(2, "Exceptions"));
        assertThatThrownBy(() -> extractor.extract(DocumentFormat.DOCX, new byte[] {1, 2, 3}))
                .isInstanceOf(ExtractionException.class)
                .hasMessage("the DOCX file could not be read");
    }

    @Test
    void formatsAreKnownByMediaTypeAndFileName() {
        assertThat(DocumentFormat.ofMediaType("text/markdown; charset=utf-8")).contains(DocumentFormat.MARKDOWN);
        assertThat(DocumentFormat.ofMediaType("TEXT/HTML")).contains(DocumentFormat.HTML);
        assertThat(DocumentFormat.ofMediaType("image/png")).isEmpty();
        assertThat(DocumentFormat.ofMediaType("not a type")).isEmpty();
        assertThat(DocumentFormat.ofFileName("Guide.DOCX")).contains(DocumentFormat.DOCX);
        assertThat(DocumentFormat.ofFileName("notes.markdown")).contains(DocumentFormat.MARKDOWN);
        assertThat(DocumentFormat.ofFileName("photo.jpg")).isEmpty();
    }

    /** A one-page PDF with one line per text, encrypted with {@code password} unless it is null. */
    static byte[] pdf(String password, String... lines) throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                for (String line : lines) {
                    content.showText(line);
                    content.newLineAtOffset(0, -28);
                }
                content.endText();
            }
            if (password != null) {
                StandardProtectionPolicy policy =
                        new StandardProtectionPolicy(password, password, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
