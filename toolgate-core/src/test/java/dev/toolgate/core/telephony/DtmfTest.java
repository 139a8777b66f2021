package dev.toolgate.core.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DtmfTest {

    @Test
    void acceptsSixtyFourSymbolsAndRefusesSixtyFive() {
        assertThat(Dtmf.problem("0123456789*#ABCDwW".repeat(4).substring(0, 64)))
                .isNull();
        assertThat(Dtmf.problem("1".repeat(65))).isEqualTo("must be at most 64 DTMF symbols");
    }

    @CsvSource(
            delimiter = '|',
            value = {
                "1E    | has 'E' at position 2",
                "12 3  | has ' ' at position 3",
                "a     | has 'a' at position 1",
                "ww    | at least one key",
            })
    @ParameterizedTest
    void namesTheFirstBadSymbol(String digits, String message) {
        assertThat(Dtmf.problem(digits)).contains(message);
    }

    @Test
    void refusesEmptyAndNull() {
        assertThat(Dtmf.problem("")).startsWith("must be 1 to 64 DTMF symbols");
        assertThat(Dtmf.problem(null)).startsWith("must be 1 to 64 DTMF symbols");
    }

    @Test
    void mapsKeysToTheQ23FrequencyPairs() {
        assertThat(Dtmf.frequencies('1')).containsExactly(697, 1209);
        assertThat(Dtmf.frequencies('A')).containsExactly(697, 1633);
        assertThat(Dtmf.frequencies('5')).containsExactly(770, 1336);
        assertThat(Dtmf.frequencies('9')).containsExactly(852, 1477);
        assertThat(Dtmf.frequencies('*')).containsExactly(941, 1209);
        assertThat(Dtmf.frequencies('0')).containsExactly(941, 1336);
        assertThat(Dtmf.frequencies('#')).containsExactly(941, 1477);
        assertThat(Dtmf.frequencies('D')).containsExactly(941, 1633);
        assertThatThrownBy(() -> Dtmf.frequencies('w')).isInstanceOf(IllegalArgumentException.class);
    }
}
