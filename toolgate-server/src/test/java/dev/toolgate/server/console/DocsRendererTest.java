package dev.toolgate.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocsRendererTest {

    @Test
    void errorCodesBecomeAnchorsOfTheirHeadingAndTableRow() {
        String html = DocsRenderer.render("""
                ## `HTTP_TOOL_TIMEOUT`: the budget ran out

                | code | meaning |
                |---|---|
                | `HTTP_TOOL_DNS_ERROR` | no name |
                """);
        assertThat(html).contains("<h2 id=\"HTTP_TOOL_TIMEOUT\">").contains("<tr id=\"HTTP_TOOL_DNS_ERROR\">");
    }

    @Test
    void rawHtmlIsEscapedAndDocLinksPointAtConsolePages() {
        String html =
                DocsRenderer.render("<script>alert(1)</script>\n\nSee [errors](errors.md#x) and [code](../examples).");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(html).contains("href=\"/console/docs/errors#x\"").doesNotContain("../examples");
    }

    @Test
    void theTitleIsTheFirstHeading() {
        assertThat(DocsRenderer.title("intro\n# Error codes\n", "errors")).isEqualTo("Error codes");
        assertThat(DocsRenderer.title("no heading", "errors")).isEqualTo("errors");
    }
}
