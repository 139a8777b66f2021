package dev.toolgate.knowledge;

import dev.toolgate.core.retrieval.TextBlock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** HTML to blocks with jsoup ({@link TextExtractor} has the rules). Stateless. */
final class HtmlReader {

    private HtmlReader() {}

    static List<TextBlock> read(byte[] content) throws ExtractionException {
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
                                String title = TextExtractor.WHITESPACE
                                        .matcher(text)
                                        .replaceAll(" ")
                                        .strip();
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
        TextExtractor.addParagraph(blocks, text.toString());
        text.setLength(0);
    }
}
