package dev.toolgate.server.knowledge;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The JSON body of {@code POST /v1/agents/{agentId}/knowledge/documents}: a title and either the text itself
 * ({@code content} with its {@code content_type}) or an https {@code url} to fetch. Which of the two is given, and
 * the size of {@code content}, are checked by {@link KnowledgeService}.
 *
 * @param title shown with every hit, 1–{@value #MAX_TITLE} characters
 * @param content the document's text, or null with {@code url}
 * @param contentType {@code text/plain} (default), {@code text/markdown} or {@code text/html}; only with
 *     {@code content}
 * @param url an https URL fetched under the egress policy, or null with {@code content}
 */
@Schema(name = "DocumentIn", description = "A document given as text, or as an https URL to fetch.")
record DocumentIn(
        @Schema(description = "Shown with every hit of the document.", example = "Opening hours")
        @NotBlank(message = "is required")
        @Size(max = MAX_TITLE, message = "must be at most {max} characters")
        String title,

        @Schema(
                description = "The document's text. Give this or `url`.",
                types = {"string", "null"},
                example = "# Opening hours\n\nWe are open Monday to Friday, 9:00 to 18:00.")
        String content,

        @Schema(
                description = "The type of `content`.",
                types = {"string", "null"},
                allowableValues = {"text/plain", "text/markdown", "text/html"},
                defaultValue = "text/plain")
        String contentType,

        @Schema(
                description = "An https URL to fetch the document from, under the egress policy. Give this or"
                        + " `content`.",
                types = {"string", "null"},
                format = "uri",
                example = "https://example.com/faq.html")
        @Size(max = MAX_URL, message = "must be at most {max} characters")
        String url) {

    /** The longest title, in characters. */
    static final int MAX_TITLE = 500;

    /** The longest URL, in characters. */
    static final int MAX_URL = 2048;
}
