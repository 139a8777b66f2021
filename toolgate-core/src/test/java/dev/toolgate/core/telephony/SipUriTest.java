package dev.toolgate.core.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The strict {@code sip:user@host[:port]} subset of RFC 3261 section 19.1. */
class SipUriTest {

    @CsvSource(
            delimiter = '|',
            value = {
                "sip:frontdesk@pbx.example.com            | sip:frontdesk@pbx.example.com",
                "SIP:FrontDesk@PBX.Example.COM            | sip:FrontDesk@pbx.example.com",
                "sips:desk@pbx.example.com:5061           | sips:desk@pbx.example.com:5061",
                "sip:+4930999888@trunk.example.net        | sip:+4930999888@trunk.example.net",
                "sip:alice.o'hara_(x)!~*@example.com      | sip:alice.o'hara_(x)!~*@example.com",
                "sip:a%20b@example.com                    | sip:a%20b@example.com",
                "sip:ext=12;x?y/z@example.com             | sip:ext=12;x?y/z@example.com",
                "sip:desk@8.8.8.8                         | sip:desk@8.8.8.8",
                "sip:desk@8.8.8.8:5060                    | sip:desk@8.8.8.8:5060",
                "sip:desk@[2001:4860:4860::8888]:5060     | sip:desk@[2001:4860:4860::8888]:5060",
                "sip:desk@pbx.example.com.                | sip:desk@pbx.example.com.",
            })
    @ParameterizedTest(name = "{0} → {1}")
    void acceptsAndNormalizes(String text, String normalized) {
        Parsed<SipUri> parsed = SipUri.parse(text);

        assertThat(parsed).isInstanceOf(Parsed.Ok.class);
        assertThat(parsed.valueOrNull().text()).isEqualTo(normalized);
    }

    @CsvSource(
            delimiter = '|',
            value = {
                "tel:+4930999888                          | must start with sip: or sips:",
                "sip:pbx.example.com                      | needs a user part",
                "sip:@pbx.example.com                     | needs a user part before @",
                "sip:alice:secret@pbx.example.com         | must not carry a password",
                "sip:al ice@pbx.example.com               | user part has a character that is not allowed",
                "sip:al<ice@pbx.example.com               | user part has a character that is not allowed",
                "sip:a%2@pbx.example.com                  | not followed by two hex digits",
                "sip:a%zz@pbx.example.com                 | not followed by two hex digits",
                "sip:alice@                               | needs a host after @",
                "sip:alice@pbx.example.com:               | has an empty port",
                "sip:alice@pbx.example.com:0              | port must be between 1 and 65535",
                "sip:alice@pbx.example.com:65536          | port must be between 1 and 65535",
                "sip:alice@pbx.example.com:50x            | not a valid host name or IP address",
                "sip:alice@pbx.example.com;transport=tls  | must not have URI parameters",
                "sip:alice@pbx.example.com?subject=x      | must not have URI parameters",
                "sip:alice@bob@pbx.example.com            | has a character that is not allowed in a host: '@'",
                "sip:alice@pbx.example.com/path           | has a character that is not allowed in a host: '/'",
                "sip:alice@pbx_x.example.com              | not a valid host name or IP address",
                "sip:alice@-pbx.example.com               | not a valid host name or IP address",
                "sip:alice@pbx.123                        | not a valid host name or IP address",
                "sip:alice@999.1.1.1                      | not a valid host name or IP address",
                "sip:alice@[::1                           | not a valid host name or IP address",
                "sip:alice@10.0.0.7                       | not public unicast",
                "sip:alice@127.0.0.1:5060                 | not public unicast",
                "sip:alice@169.254.169.254                | not public unicast",
                "sip:alice@[::1]                          | not public unicast",
                "sip:alice@[fe80::1%25eth0]               | has a character that is not allowed in a host",
            })
    @ParameterizedTest(name = "{0} → {1}")
    void refusesWithTheReason(String text, String message) {
        Parsed<SipUri> parsed = SipUri.parse(text);

        assertThat(parsed).isInstanceOf(Parsed.Problem.class);
        assertThat(((Parsed.Problem<SipUri>) parsed).message()).contains(message);
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongUrisAndUsers() {
        assertThat(SipUri.parse("sip:" + "a".repeat(65) + "@example.com")).isInstanceOf(Parsed.Problem.class);
        assertThat(SipUri.parse("sip:a@" + "b".repeat(250) + ".com")).isInstanceOf(Parsed.Problem.class);
        assertThat(SipUri.parse("sip:" + "a".repeat(64) + "@example.com")).isInstanceOf(Parsed.Ok.class);
    }

    @org.junit.jupiter.api.Test
    void refusesControlCharactersAndNull() {
        assertThat(SipUri.parse("sip:a@exa\u0000mple.com")).isInstanceOf(Parsed.Problem.class);
        assertThat(SipUri.parse("sip:a\n@example.com")).isInstanceOf(Parsed.Problem.class);
        assertThat(SipUri.parse(null)).isInstanceOf(Parsed.Problem.class);
    }
}
