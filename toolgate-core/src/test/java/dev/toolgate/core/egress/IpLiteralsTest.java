package dev.toolgate.core.egress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralsTest {

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0:0:0:0:0:0:0:0            | :: |
            0:0:0:0:0:0:0:1            | ::1 |
            2001:0DB8:0000:0000:0000:0000:0000:0001 | 2001:db8::1 |
            2001:db8:0:0:1:0:0:1       | 2001:db8::1:0:0:1 | RFC 5952 4.2.3: the first of two equal runs
            2001:db8:0:1:1:1:1:1       | 2001:db8:0:1:1:1:1:1 | a single zero group is not compressed
            2001:0:0:1:0:0:0:1         | 2001:0:0:1::1 | the longest run wins
            fe80:0:0:0:0:0:0:0         | fe80:: |
            """)
    void printsIpv6InRfc5952Form(String text, String expected, String note) {
        String actual = IpLiterals.toText(IpLiterals.parseIpv6(text));

        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is not canonical IPv4")
    @ValueSource(
            strings = {
                "127.1",
                "127.0.1",
                "0177.0.0.1",
                "127.000.000.001",
                "2130706433",
                "0x7f.0.0.1",
                "256.0.0.1",
                "1.2.3.4.5",
                "127.0.0.1.",
                "",
                " 1.2.3.4",
                "1.2.3.-4",
                "+1.2.3.4"
            })
    void refusesNonCanonicalIpv4(String text) {
        assertThat(IpLiterals.parseCanonicalIpv4(text)).isNull();
    }

    @ParameterizedTest(name = "{0} is not accepted as IPv6")
    @ValueSource(
            strings = {
                "127.0.0.1",
                "::ffff:0177.0.0.1",
                "::ffff:127.1",
                "1:2:3:4:5:6:7:8:9",
                "::00001",
                "fe80::1%eth0",
                "localhost",
                "gggg::1",
                ":::"
            })
    void refusesInvalidIpv6(String text) {
        assertThat(IpLiterals.parseIpv6(text)).isNull();
    }
}
