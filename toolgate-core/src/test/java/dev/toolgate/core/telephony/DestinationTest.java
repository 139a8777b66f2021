package dev.toolgate.core.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configured destinations are strict; destinations the model names are read leniently and normalized. */
class DestinationTest {

    @Test
    void acceptsAConfiguredE164NumberOrSipUri() {
        assertThat(Destination.configured("+4930999888").valueOrNull()).isEqualTo(new Destination.Phone("+4930999888"));
        assertThat(Destination.configured("sip:Desk@PBX.example.com")
                        .valueOrNull()
                        .text())
                .isEqualTo("sip:Desk@pbx.example.com");
    }

    @CsvSource(
            delimiter = '|',
            value = {
                "030 999888       | must be an E.164 number",
                "+49 30 999888    | must be an E.164 number",
                "+0930999888      | must be an E.164 number",
                "+4930999888123456 | must be an E.164 number",
                "sip:desk         | is not a usable SIP URI",
            })
    @ParameterizedTest(name = "{0} → {1}")
    void refusesAnythingElseInAConfig(String text, String message) {
        assertThat(((Parsed.Problem<Destination>) Destination.configured(text)).message())
                .contains(message);
    }

    @CsvSource(
            delimiter = '|',
            value = {
                "+1 (415) 555-0100           | US | +14155550100",
                "(415) 555-0100              | US | +14155550100",
                "415.555.0100                | US | +14155550100",
                "030 999888                  | DE | +4930999888",
                "0049 30 999888              | DE | +4930999888",
                "+44 20 7946 0958            | DE | +442079460958",
                "sip:Desk@PBX.example.com    | DE | sip:Desk@pbx.example.com",
                " sips:desk@pbx.example.com  | ZZ | sips:desk@pbx.example.com",
            })
    @ParameterizedTest(name = "{0} in {1} → {2}")
    void normalizesWhatTheModelNames(String text, String region, String normalized) {
        assertThat(Destination.spoken(text, region).map(Destination::text)).contains(normalized);
    }

    @CsvSource(
            delimiter = '|',
            value = {
                "my mom's number   | US",
                "030 999888        | ZZ",
                "12                | US",
                "sip:desk@10.0.0.1 | US",
                "''                | US",
            })
    @ParameterizedTest(name = "{0} in {1}")
    void findsNoDestinationInOtherText(String text, String region) {
        assertThat(Destination.spoken(text, region)).isEqualTo(Optional.empty());
    }
}
