package dev.toolgate.server.console;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders a docs/*.md page to HTML with commonmark-java (CommonMark plus GitHub tables and heading anchors). Raw HTML
 * in the Markdown is escaped, not passed through. Links to another page ({@code errors.md#x}) point at its console
 * page; other relative links (to files of the repository) lose their target. A heading or a table row that starts
 * with a code span ({@code HTTP_TOOL_TIMEOUT}) gets that code as its id, so the invocation log links each error code
 * to its entry in errors.md and troubleshooting.md.
 */
final class DocsRenderer {

    private static final List<org.commonmark.Extension> EXTENSIONS =
            List.of(TablesExtension.create(), HeadingAnchorExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> new Attributes())
            .build();

    /** A link to another docs page: {@code errors.md} or {@code errors.md#anchor}. */
    private static final Pattern DOC_LINK = Pattern.compile("^([a-z0-9-]+)\\.md(#.*)?$");

    private DocsRenderer() {}

    /** Returns the HTML of {@code markdown}. */
    static String render(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }

    /** Returns the text of the page's first level-1 heading, or {@code fallback}. */
    static String title(String markdown, String fallback) {
        for (String line : markdown.lines().limit(20).toList()) {
            if (line.startsWith("# ")) {
                return line.substring(2).trim();
            }
        }
        return fallback;
    }

    private static final class Attributes implements AttributeProvider {
        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Link link) {
                String target = link.getDestination();
                Matcher doc = DOC_LINK.matcher(target);
                if (doc.matches()) {
                    attributes.put(
                            "href",
                            ConsolePaths.BASE + "/docs/" + doc.group(1) + (doc.group(2) == null ? "" : doc.group(2)));
                } else if (!target.startsWith("http://") && !target.startsWith("https://") && !target.startsWith("#")) {
                    attributes.remove("href");
                }
            } else if (node instanceof Heading && node.getFirstChild() instanceof Code code) {
                attributes.put("id", code.getLiteral());
            } else if (node instanceof TableRow row
                    && row.getFirstChild() instanceof TableCell cell
                    && cell.getFirstChild() instanceof Code code) {
                attributes.put("id", code.getLiteral());
            }
        }
    }
}
