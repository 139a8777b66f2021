package dev.toolgate.knowledge;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import okhttp3.MediaType;

/** The document types a knowledge base reads, by media type (IANA media types registry) and file extension. */
public enum DocumentFormat {
    /** {@code text/plain}: paragraphs are separated by blank lines. */
    PLAIN_TEXT("text/plain", ".txt"),
    /** {@code text/markdown} (RFC 7763), read as CommonMark. */
    MARKDOWN("text/markdown", ".md"),
    /** {@code text/html}. */
    HTML("text/html", ".html"),
    /** {@code application/pdf} (RFC 8118). */
    PDF("application/pdf", ".pdf"),
    /** Office Open XML word processing (ECMA-376), {@code .docx}. */
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");

    private final String mediaType;
    private final String extension;

    DocumentFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** Returns the media type, e.g. {@code text/markdown}. */
    public String mediaType() {
        return mediaType;
    }

    /** Returns the media types accepted, comma-separated, for messages. */
    public static String accepted() {
        return String.join(
                ", ", Arrays.stream(values()).map(DocumentFormat::mediaType).toList());
    }

    /**
     * Returns the format of a media type; parameters such as {@code charset} are ignored, and so is case.
     * {@code text/x-markdown} and {@code application/xhtml+xml} are taken as their standard types.
     *
     * @param value a {@code Content-Type} value, or null
     * @return the format, or empty when the type is missing, malformed or not readable
     */
    public static Optional<DocumentFormat> ofMediaType(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        MediaType parsed = MediaType.parse(value.strip()); // RFC 9110 media-type syntax, null when it is not one
        if (parsed == null) {
            return Optional.empty();
        }
        String type = (parsed.type() + "/" + parsed.subtype()).toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/x-markdown" -> Optional.of(MARKDOWN);
            case "application/xhtml+xml" -> Optional.of(HTML);
            default ->
                Arrays.stream(values()).filter(f -> f.mediaType.equals(type)).findFirst();
        };
    }

    /**
     * Returns the format a file name's extension names ({@code .txt}, {@code .md}, {@code .markdown}, {@code .html},
     * {@code .htm}, {@code .pdf}, {@code .docx}; case is ignored).
     *
     * @param fileName a file name, or null
     * @return the format, or empty
     */
    public static Optional<DocumentFormat> ofFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".markdown")) {
            return Optional.of(MARKDOWN);
        }
        if (name.endsWith(".htm")) {
            return Optional.of(HTML);
        }
        return Arrays.stream(values()).filter(f -> name.endsWith(f.extension)).findFirst();
    }
}
