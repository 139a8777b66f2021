package dev.toolgate.knowledge;

import dev.toolgate.core.retrieval.TextBlock;
import java.util.ArrayList;
import java.util.List;
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

/** Markdown to blocks with commonmark-java and GitHub's tables ({@link TextExtractor} has the rules). Thread-safe. */
final class MarkdownReader {

    private final Parser parser =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();

    List<TextBlock> read(String text) {
        List<TextBlock> blocks = new ArrayList<>();
        parser.parse(text).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String title = render(heading);
                if (!title.isEmpty()) {
                    blocks.add(new TextBlock.Heading(heading.getLevel(), title));
                }
            }

            @Override
            public void visit(Paragraph paragraph) {
                TextExtractor.addParagraph(blocks, render(paragraph));
            }

            @Override
            public void visit(FencedCodeBlock code) {
                TextExtractor.addParagraph(blocks, code.getLiteral());
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                TextExtractor.addParagraph(blocks, code.getLiteral());
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
                TextExtractor.addParagraph(blocks, String.join(" | ", cells));
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
        return TextExtractor.WHITESPACE.matcher(text).replaceAll(" ").strip();
    }
}
