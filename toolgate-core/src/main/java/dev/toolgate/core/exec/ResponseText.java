package dev.toolgate.core.exec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import okhttp3.MediaType;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Decides whether a response body is text a model can read, reads it up to the cap, and decodes it.
 *
 * <p><b>The text rule.</b> A response is text when its {@code Content-Type} is
 * <ul>
 *   <li>{@code text/*};</li>
 *   <li>{@code application/json}, {@code application/xml}, {@code application/javascript},
 *       {@code application/x-www-form-urlencoded}, {@code application/yaml} or {@code application/x-ndjson};</li>
 *   <li>{@code application/*+json} or {@code application/*+xml} (structured syntax suffixes, RFC 6839), e.g.
 *       {@code application/problem+json}.</li>
 * </ul>
 * Any other declared type ({@code image/png}, {@code application/octet-stream}, {@code application/pdf}, ...) is
 * binary and refused without reading the body. A body still carrying a {@code Content-Encoding} other than
 * {@code identity} (one OkHttp did not decode, e.g. {@code br}) is binary too: its bytes are not the text they
 * claim to be.
 *
 * <p><b>The bytes decide too.</b> Whatever the content type says, or when there is none (or one that does not
 * parse as a media type), the (capped) bytes must be text: they must decode in the content type's
 * {@code charset} (UTF-8 when absent or not supported) with a {@link CharsetDecoder} that reports malformed
 * and unmappable input ({@link CodingErrorAction#REPORT}), and must not hold a NUL character (U+0000: a NUL
 * byte in UTF-8 and the other ASCII-based charsets). Otherwise the body is binary. When the body was cut at
 * the cap, a multi-byte character split by the cut is not malformed: it is dropped from the text.
 */
final class ResponseText {

    private static final Set<String> TEXT_APPLICATION_SUBTYPES =
            Set.of("json", "xml", "javascript", "x-www-form-urlencoded", "yaml", "x-ndjson");

    private ResponseText() {}

    /** The verdict on a declared content type. */
    enum Kind {
        TEXT,
        BINARY,
        SNIFF
    }

    /**
     * Classifies a response by its headers.
     *
     * @param contentType the raw {@code Content-Type} header, or null
     * @param contentEncoding the {@code Content-Encoding} left on the response after OkHttp's transparent gzip,
     *     or null
     */
    static Kind classify(String contentType, String contentEncoding) {
        if (contentEncoding != null
                && !contentEncoding.isBlank()
                && !contentEncoding.strip().equalsIgnoreCase("identity")) {
            return Kind.BINARY;
        }
        MediaType mediaType = contentType == null ? null : MediaType.parse(contentType);
        if (mediaType == null) {
            return Kind.SNIFF;
        }
        String type = mediaType.type().toLowerCase(Locale.ROOT);
        String subtype = mediaType.subtype().toLowerCase(Locale.ROOT);
        if (type.equals("text")) {
            return Kind.TEXT;
        }
        if (type.equals("application")
                && (TEXT_APPLICATION_SUBTYPES.contains(subtype)
                        || subtype.endsWith("+json")
                        || subtype.endsWith("+xml"))) {
            return Kind.TEXT;
        }
        return Kind.BINARY;
    }

    /** Returns {@code type/subtype} of a content type for a message, at most 100 characters, or "no declared type". */
    static String describe(String contentType) {
        MediaType mediaType = contentType == null ? null : MediaType.parse(contentType);
        if (mediaType == null) {
            return "no declared type";
        }
        String name = mediaType.type() + "/" + mediaType.subtype();
        return name.length() > 100 ? name.substring(0, 100) + "..." : name;
    }

    /**
     * Reads at most {@code cap} bytes of the decoded body, plus one more to learn whether it went on.
     * Blocks until {@code cap + 1} bytes or the end arrive; the call's deadline ends a slow body.
     *
     * @param source the decoded body (OkHttp has already undone gzip)
     * @param cap the most bytes kept, at least 1
     * @return the kept bytes and whether more existed
     * @throws IOException when reading fails (including the deadline firing)
     */
    static Capped readCapped(BufferedSource source, int cap) throws IOException {
        long limit = (long) cap + 1;
        Buffer buffer = new Buffer();
        while (buffer.size() < limit) {
            if (source.read(buffer, limit - buffer.size()) == -1) {
                break;
            }
        }
        boolean truncated = buffer.size() > cap;
        byte[] bytes = buffer.readByteArray(Math.min(buffer.size(), cap));
        return new Capped(bytes, truncated);
    }

    /**
     * Decodes the body as text, or returns null when its bytes are not text (see the class comment): malformed
     * or unmappable in the charset of {@code contentType} (UTF-8 by default), or holding a NUL character. A
     * multi-byte character cut by the cap (only when {@code body.truncated()}) is dropped, not refused.
     *
     * @param contentType the raw {@code Content-Type} header, or null
     * @param body the capped bytes
     * @return the text, or null when the bytes are binary
     */
    static String text(String contentType, Capped body) {
        MediaType mediaType = contentType == null ? null : MediaType.parse(contentType);
        Charset charset = mediaType == null ? StandardCharsets.UTF_8 : mediaType.charset(StandardCharsets.UTF_8);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body.bytes());
        CharBuffer out =
                CharBuffer.allocate((int) Math.ceil(body.bytes().length * (double) decoder.maxCharsPerByte()) + 4);
        // A truncated body is not the end of the input: a character cut by the cap stays unconsumed and is dropped.
        boolean endOfInput = !body.truncated();
        CoderResult result = decoder.decode(in, out, endOfInput);
        if (!result.isError() && endOfInput) {
            result = decoder.flush(out);
        }
        if (result.isError() || result.isOverflow()) {
            return null;
        }
        String text = out.flip().toString();
        return text.indexOf('\u0000') >= 0 ? null : text;
    }

    /**
     * The first bytes of a decoded body.
     *
     * @param bytes at most the cap
     * @param truncated whether the body went on past the cap
     */
    record Capped(byte[] bytes, boolean truncated) {}
}
