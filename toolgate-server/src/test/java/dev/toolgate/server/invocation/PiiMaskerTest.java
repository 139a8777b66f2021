package dev.toolgate.server.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiMaskerTest {

    private final PiiMasker masker = new PiiMasker("US");

    @Test
    void masksLuhnValidCardNumbersDownToTheLastFour() {
        assertThat(masker.mask("{\"card\":\"4111 1111 1111 1111\"}")).isEqualTo("{\"card\":\"**** **** **** 1111\"}");
        assertThat(masker.mask("card 5500-0000-0000-0004 on file")).isEqualTo("card ****-****-****-0004 on file");
    }

    @Test
    void leavesNumbersThatFailLuhnAlone() {
        assertThat(masker.mask("order 4111111111111112")).isEqualTo("order 4111111111111112");
    }

    @Test
    void masksValidIbansKeepingCountryAndLastFour() {
        assertThat(masker.mask("IBAN DE89 3704 0044 0532 0130 00.")).isEqualTo("IBAN DE****************3000.");
        assertThat(masker.mask("GB82WEST12345698765432")).isEqualTo("GB****************5432");
    }

    @Test
    void masksEmailLocalParts() {
        assertThat(masker.mask("write to ada.lovelace@example.co.uk today"))
                .isEqualTo("write to a***@example.co.uk today");
    }

    @Test
    void masksPhoneNumbersInternationalAndNational() {
        assertThat(masker.mask("call +44 20 7946 0958")).isEqualTo("call +** ** **** **58");
        assertThat(masker.mask("call (415) 555-2671 now")).isEqualTo("call (***) ***-**71 now");
    }

    @Test
    void keepsOrdinaryTextUntouched() {
        String text = "{\"slot\":\"2026-11-22T10:00\",\"free\":true,\"count\":3}";

        assertThat(masker.mask(text)).isEqualTo(text);
    }
}
