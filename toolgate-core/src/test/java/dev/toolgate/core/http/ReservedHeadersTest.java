package dev.toolgate.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one list of header names a tool may not set, shared by the tool parser and the renderer. */
class ReservedHeadersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Connection          | RFC 9110 §7.6.1",
                "Keep-Alive          | RFC 9110 §7.6.1",
                "TE                  | RFC 9110 §7.6.1",
                "Upgrade             | RFC 9110 §7.6.1",
                "Transfer-Encoding   | RFC 9112 §6.1",
                "Trailer             | RFC 9110 §6.6.2",
                "Proxy-Connection    | RFC 9110 §11.7",
                "Proxy-Authorization | RFC 9110 §11.7",
                "Proxy-Authenticate  | RFC 9110 §11.7",
                "Host                | RFC 9110 §7.2",
                "Content-Length      | RFC 9110 §8.6",
                "Content-Type        | RFC 9110 §8.3",
                "Accept-Encoding     | RFC 9110 §12.5.3",
                "Expect              | RFC 9110 §10.1.1",
                "User-Agent          | RFC 9110 §10.1.5",
                "Idempotency-Key     | docs/signing.md",
                "X-Toolgate-Anything | docs/signing.md",
                "webhook-id          | docs/signing.md"
            })
    void reservesEachNameWithItsSource(String name, String source) {
        assertThat(ReservedHeaders.isReserved(name)).isTrue();
        assertThat(ReservedHeaders.reason(name))
                .hasValueSatisfying(reason -> assertThat(reason).contains(source));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tE", "KEEP-ALIVE", " upgrade ", "PROXY-authorization"})
    void comparesNamesIgnoringCaseAndSurroundingSpace(String name) {
        assertThat(ReservedHeaders.isReserved(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "X-Api-Key", "Accept", "Proxyish", "Tea", "Upgrades", "X-Toolgate"})
    void leavesOtherNamesFree(String name) {
        assertThat(ReservedHeaders.isReserved(name)).isFalse();
        assertThat(ReservedHeaders.reason(name)).isEmpty();
    }
}
