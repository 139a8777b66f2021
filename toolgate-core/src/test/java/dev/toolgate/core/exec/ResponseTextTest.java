package dev.toolgate.core.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.exec.ResponseText.Capped;
import dev.toolgate.core.exec.ResponseText.Kind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
    void sniffsUtf8AsText(String text) {
        Capped body = new Capped(text.getBytes(StandardCharsets.UTF_8), false);

        assertThat(ResponseText.looksLikeText(body)).isTrue();
    }

    @Test
    void sniffsNulAndInvalidUtf8AsBinary() {
        assertThat(ResponseText.looksLikeText(new Capped(new byte[] {'a', 0, 'b'}, false)))
                .isFalse();
        assertThat(ResponseText.looksLikeText(new Capped(new byte[] {'a', (byte) 0xFF, 'b'}, false)))
                .isFalse();
    }

    @Test
    void acceptsAUtf8CharacterCutByTheCapWhenSniffing() {
        byte[] cut = {'a', (byte) 0xC3}; // first byte of "é", the second fell past the cap

        assertThat(ResponseText.looksLikeText(new Capped(cut, true))).isTrue();
        assertThat(ResponseText.looksLikeText(new Capped(cut, false))).isFalse();
    }
}
