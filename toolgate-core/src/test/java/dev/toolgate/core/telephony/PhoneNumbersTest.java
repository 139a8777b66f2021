package dev.toolgate.core.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void validNumbersAreStricterThanPossibleOnes() {
        // +1 055 ... has the right length for NANP but no area code starts with 0.
        assertThat(PhoneNumbers.toE164("+1 055 555 0100", "US")).contains("+10555550100");
        assertThat(PhoneNumbers.toValidE164("+1 055 555 0100", "US")).isEmpty();
        assertThat(PhoneNumbers.toValidE164("+1 415 555 0100", "US")).contains("+14155550100");
    }

    @Test
    void knowsRegions() {
        assertThat(PhoneNumbers.isKnownRegion("DE")).isTrue();
        assertThat(PhoneNumbers.isKnownRegion("ZZ")).isTrue();
        assertThat(PhoneNumbers.isKnownRegion("XX")).isFalse();
        assertThat(PhoneNumbers.isKnownRegion(null)).isFalse();
    }
}
