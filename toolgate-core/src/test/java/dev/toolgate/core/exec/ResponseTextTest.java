package dev.toolgate.core.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.toolgate.core.exec.ResponseText.Capped;
import dev.toolgate.core.exec.ResponseText.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The text rule: which responses a model can read. */
class ResponseTextTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "text/plain                            | TEXT",
                "text/html; charset=utf-8              | TEXT",
                "TEXT/CSV                              | TEXT", // media types are case-insensitive
                "application/json                      | TEXT",
                "application/problem+json              | TEXT", // RFC 6839 suffix
                "application/vnd.api+json              | TEXT",
                "application/xml                       | TEXT",
                "application/soap+xml                  | TEXT",
                "application/javascript                | TEXT",
                "application/x-www-form-urlencoded     | TEXT",
                "application/yaml                      | TEXT",
                "application/x-ndjson                  | TEXT",
                "application/octet-stream              | BINARY",
                "application/pdf                       | BINARY",
                "application/zip                       | BINARY",
                "image/png                             | BINARY",
                "audio/mpeg                            | BINARY",
                "application/jsonp                     | BINARY", // only the listed subtypes, no prefix match
                "NULL                                  | SNIFF",
                "not a media type                      | SNIFF"
            }) // unparseable is judged by its bytes
    void classifiesContentTypes(String contentType, Kind expected) {
        assertThat(ResponseText.classify(contentType, null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Content-Encoding: {0} → {1}")
    @CsvSource({"br, BINARY", "identity, TEXT", "'', TEXT"})
    void treatsAnUndecodedContentEncodingAsBinary(String encoding, Kind expected) {
        assertThat(ResponseText.classify("application/json", encoding)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plain ascii", "naïve café", "日本語", ""})
    void decodesUtf8WithoutContentType(String text) {
        Capped body = new Capped(text.getBytes(StandardCharsets.UTF_8), false);

        assertThat(ResponseText.text(null, body)).isEqualTo(text);
    }

    static Stream<Arguments> bytesThatAreNotText() {
        return Stream.of(
                argumentSet("NUL without content type", null, new byte[] {'a', 0, 'b'}),
                argumentSet("invalid UTF-8 without content type", null, new byte[] {'a', (byte) 0xFF, 'b'}),
                argumentSet("NUL in declared JSON", "application/json", new byte[] {'{', '}', 0}),
                argumentSet("NUL in declared Latin-1", "text/plain; charset=ISO-8859-1", new byte[] {'a', 0}),
                argumentSet("invalid UTF-8 in declared text", "text/plain", new byte[] {'a', (byte) 0xC3, 'b'}),
                argumentSet("invalid UTF-8 with an explicit charset", "application/json; charset=utf-8", new byte[] {
                    '"', (byte) 0xE9, '"'
                }),
                argumentSet("UTF-16 surrogate half", "text/plain; charset=UTF-16BE", new byte[] {(byte) 0xDC, 0}),
                argumentSet("unmappable in US-ASCII", "text/plain; charset=US-ASCII", new byte[] {'a', (byte) 0x80}),
                argumentSet("overlong encoding of '/'", "text/plain", new byte[] {'a', (byte) 0xC0, (byte) 0xAF}),
                argumentSet("encoded surrogate", "text/plain", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                argumentSet("a lone continuation byte", "application/problem+json", new byte[] {(byte) 0x80}),
                argumentSet(
                        "a cut character when the body was NOT truncated", "text/plain", new byte[] {'a', (byte) 0xC3
                        }));
    }

    @ParameterizedTest
    @MethodSource("bytesThatAreNotText")
    void refusesBytesThatAreNotTextWhateverTheContentTypeSays(String contentType, byte[] bytes) {
        assertThat(ResponseText.text(contentType, new Capped(bytes, false))).isNull();
    }

    @Test
    void decodesTheDeclaredCharset() {
        Capped latin1 = new Capped(new byte[] {'c', 'a', 'f', (byte) 0xE9}, false);

        assertThat(ResponseText.text("text/plain; charset=ISO-8859-1", latin1)).isEqualTo("café");
        assertThat(ResponseText.text("text/plain; charset=no-such-charset", latin1))
                .as("an unknown charset falls back to UTF-8, where 0xE9 alone is malformed")
                .isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"é", "日", "😀"})
    void dropsACharacterCutByTheCapInsteadOfRefusingTheBody(String character) {
        byte[] whole = ("ab" + character).getBytes(StandardCharsets.UTF_8);
        for (int cut = 3; cut < whole.length; cut++) { // every cut inside the character
            Capped capped = new Capped(Arrays.copyOf(whole, cut), true);

            assertThat(ResponseText.text("text/plain; charset=utf-8", capped)).isEqualTo("ab");
            assertThat(ResponseText.text(null, capped)).isEqualTo("ab");
        }
    }

    @Test
    void stillRefusesAMalformedSequenceBeforeTheCut() {
        Capped capped = new Capped(new byte[] {'a', (byte) 0xFF, 'b', (byte) 0xC3}, true);

        assertThat(ResponseText.text("text/plain", capped)).isNull();
    }

    @Test
    void dropsAUtf16CodeUnitCutByTheCap() {
        Capped capped = new Capped(new byte[] {0, 'h', 0, 'i', 0}, true);

        assertThat(ResponseText.text("text/plain; charset=UTF-16BE", capped)).isEqualTo("hi");
    }
}
