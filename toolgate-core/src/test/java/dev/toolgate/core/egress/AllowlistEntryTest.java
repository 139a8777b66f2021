package dev.toolgate.core.egress;

import static dev.toolgate.core.egress.TestAddresses.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.net.Inet6Address;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Allowlist parsing and matching, and the policy with an allowlist (pure; no connects). */
class AllowlistEntryTest {

    static Stream<Arguments> goodEntries() {
        return Stream.of(
                argumentSet(
                        "host name on a port",
                        "api.corp.example:8443",
                        AllowlistEntry.HostPort.class,
                        "api.corp.example:8443"),
                argumentSet(
                        "host name, case and trailing dot normalised",
                        "API.Corp.Example.:8443",
                        AllowlistEntry.HostPort.class,
                        "api.corp.example:8443"),
                argumentSet(
                        "single-label name on a port",
                        "instance-data:80",
                        AllowlistEntry.HostPort.class,
                        "instance-data:80"),
                argumentSet("IPv4 address on a port", "127.0.0.1:8443", AllowlistEntry.Network.class, "127.0.0.1:8443"),
                argumentSet("IPv4 address, any port", "127.0.0.1", AllowlistEntry.Network.class, "127.0.0.1"),
                argumentSet("IPv4 block", "10.0.0.0/8", AllowlistEntry.Network.class, "10.0.0.0/8"),
                argumentSet("IPv4 block on a port", "10.1.0.0/16:443", AllowlistEntry.Network.class, "10.1.0.0/16:443"),
                argumentSet("surrounding whitespace", "  10.0.0.0/8 ", AllowlistEntry.Network.class, "10.0.0.0/8"),
                argumentSet(
                        "everything (dangerous, but expressible)",
                        "0.0.0.0/0",
                        AllowlistEntry.Network.class,
                        "0.0.0.0/0"),
                argumentSet("IPv6 address on a port", "[::1]:8443", AllowlistEntry.Network.class, "[::1]:8443"),
                argumentSet("IPv6 address, any port", "[::1]", AllowlistEntry.Network.class, "[::1]"),
                argumentSet(
                        "IPv6 address, long form",
                        "[FD00:0EC2:0:0:0:0:0:0254]:80",
                        AllowlistEntry.Network.class,
                        "[fd00:ec2::254]:80"),
                argumentSet("bare IPv6 block", "fd00::/8", AllowlistEntry.Network.class, "[fd00::/8]"),
                argumentSet("bracketed IPv6 block", "[fd00::/8]", AllowlistEntry.Network.class, "[fd00::/8]"),
                argumentSet(
                        "IPv6 block on a port",
                        "[2001:db8::/32]:443",
                        AllowlistEntry.Network.class,
                        "[2001:db8::/32]:443"));
    }

    @ParameterizedTest
    @MethodSource("goodEntries")
    void parsesEntryToItsCanonicalForm(String raw, Class<?> type, String canonical) {
        AllowlistEntry entry = AllowlistEntry.parse(raw);

        assertThat(entry).isInstanceOf(type);
        assertThat(entry).hasToString(canonical);
        assertThat(AllowlistEntry.parse(entry.toString())).isEqualTo(entry);
    }

    static Stream<Arguments> badEntries() {
        return Stream.of(
                argumentSet("empty", "", "empty entry"),
                argumentSet("blank", "   ", "empty entry"),
                argumentSet("host name without a port", "api.corp.example", "needs a port"),
                argumentSet("port 0", "api.corp.example:0", "1 to 65535"),
                argumentSet("port 65536", "api.corp.example:65536", "1 to 65535"),
                argumentSet("port name", "api.corp.example:https", "1 to 65535"),
                argumentSet("empty port", "10.0.0.1:", "1 to 65535"),
                argumentSet("no host", ":443", "not a host name"),
                argumentSet("underscore", "foo_bar.example:443", "not a host name"),
                argumentSet("space inside", "exa mple.com:443", "not a host name"),
                argumentSet("host bits set", "10.0.0.1/8", "did you mean 10.0.0.0/8?"),
                argumentSet("IPv6 host bits set", "fd00::1/8", "did you mean fd00::/8?"),
                argumentSet("prefix too long", "10.0.0.0/33", "0 to 32"),
                argumentSet("IPv6 prefix too long", "fd00::/129", "0 to 128"),
                argumentSet("empty prefix", "10.0.0.0/", "0 to 32"),
                argumentSet("negative prefix", "10.0.0.0/-1", "0 to 32"),
                argumentSet("octal IPv4", "0177.0.0.1", "canonical IPv4"),
                argumentSet("short IPv4 with port", "127.1:80", "canonical IPv4"),
                argumentSet("decimal dword", "2130706433", "canonical IPv4"),
                argumentSet("unclosed bracket", "[::1", "missing ']'"),
                argumentSet("text after bracket", "[::1]x", "unexpected text"),
                argumentSet("prefix outside the brackets", "[2001:db8::]/32:443", "inside the brackets"),
                argumentSet("bare IPv6 address (::1:443 would be ambiguous)", "::1:443", "in brackets"),
                argumentSet("IPv4-mapped", "[::ffff:127.0.0.1]", "IPv4 form"),
                argumentSet("zone id", "[fe80::1%eth0]:443", "zone"),
                argumentSet("invalid IPv6", "[::g]:443", "not a valid IPv6"),
                argumentSet("bad IPv6 port", "[::1]:0", "1 to 65535"));
    }

    @ParameterizedTest
    @MethodSource("badEntries")
    void refusesMalformedEntryWithClearMessage(String raw, String messagePart) {
        assertThatThrownBy(() -> AllowlistEntry.parse(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad egress allowlist entry '" + raw.strip() + "'")
                .hasMessageContaining(messagePart);
    }

    @Test
    void parsesCommaSeparatedList() {
        List<AllowlistEntry> entries = AllowlistEntry.parseList(" 10.0.0.0/8 , api.corp.example:8443,[::1]:443 ");

        assertThat(entries)
                .extracting(Object::toString)
                .containsExactly("10.0.0.0/8", "api.corp.example:8443", "[::1]:443");
    }

    @Test
    void parsesBlankListAsEmpty() {
        assertThat(AllowlistEntry.parseList(null)).isEmpty();
        assertThat(AllowlistEntry.parseList("")).isEmpty();
        assertThat(AllowlistEntry.parseList("  ")).isEmpty();
    }

    @Test
    void namesPositionOfBadEntryInList() {
        assertThatThrownBy(() -> AllowlistEntry.parseList("10.0.0.0/8,,127.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("egress allowlist entry 2 of 3 is empty");
        assertThatThrownBy(() -> AllowlistEntry.parseList("10.0.0.0/8,api.corp.example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("egress allowlist entry 2 of 2: bad egress allowlist entry 'api.corp.example'");
    }

    @Test
    void networkEntryAdmitsItsPortOnly() {
        AllowlistEntry.Network entry = (AllowlistEntry.Network) AllowlistEntry.parse("127.0.0.1:8443");

        assertThat(entry.admits(ip("127.0.0.1"), 8443)).isTrue();
        assertThat(entry.admits(ip("127.0.0.1"), 22)).isFalse();
        assertThat(entry.admits(ip("127.0.0.2"), 8443)).isFalse();
        assertThat(entry.admits(ip("127.0.0.1"), -1))
                .as("on some port, for the port-blind resolver")
                .isTrue();
    }

    @Test
    void blockEntryAdmitsItsWholeRangeAndNothingElse() throws Exception {
        AllowlistEntry.Network v4 = (AllowlistEntry.Network) AllowlistEntry.parse("10.0.0.0/8");
        AllowlistEntry.Network v6 = (AllowlistEntry.Network) AllowlistEntry.parse("[fd00::/8]:443");
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 1, 2, 3};

        assertThat(v4.admits(ip("10.0.0.0"), 1)).isTrue();
        assertThat(v4.admits(ip("10.255.255.255"), 65535)).isTrue();
        assertThat(v4.admits(ip("11.0.0.0"), 443)).isFalse();
        assertThat(v4.admits(Inet6Address.getByAddress(null, mapped, -1), 443))
                .as("mapped form of 10.1.2.3")
                .isTrue();
        assertThat(v4.admits(ip("fd00::1"), 443)).as("other family").isFalse();
        assertThat(v6.admits(ip("fd00:ec2::254"), 443)).isTrue();
        assertThat(v6.admits(ip("fd00:ec2::254"), 80)).isFalse();
        assertThat(v6.admits(ip("fe80::1"), 443)).isFalse();
    }

    @Test
    void hostEntryAdmitsItsNameOnItsPortOnly() {
        AllowlistEntry.HostPort entry = (AllowlistEntry.HostPort) AllowlistEntry.parse("api.corp.example:8443");

        assertThat(entry.admits("API.corp.example.", 8443)).isTrue();
        assertThat(entry.admits("api.corp.example", 443)).isFalse();
        assertThat(entry.admits("other.corp.example", 8443)).isFalse();
    }

    // --- the policy with an allowlist ---

    @Test
    void productionDefaultsHaveNoAllowlistAndAdmitNoLoopback() {
        EgressPolicy defaults = EgressPolicy.ofDefaults();

        assertThat(defaults.allowlist()).isEmpty();
        assertThat(defaults.checkUrl("https://127.0.0.1:8443/").allowed()).isFalse();
        assertThat(defaults.checkUrl("https://[::1]:8443/").allowed()).isFalse();
        assertThat(defaults.checkUrl("https://localhost:8443/").allowed()).isFalse();
    }

    @Test
    void addressEntryAdmitsLiteralOnItsPortOnly() {
        EgressPolicy policy = EgressPolicy.builder()
                .allowlist(AllowlistEntry.parseList("127.0.0.1:8443"))
                .build();

        EgressDecision onPort = policy.checkUrl("https://127.0.0.1:8443/");
        EgressDecision otherPort = policy.checkUrl("https://127.0.0.1:22/");
        EgressDecision otherAddress = policy.checkUrl("https://127.0.0.2:8443/");

        assertThat(onPort.allowed()).isTrue();
        assertThat(onPort.addresses())
                .containsExactly(new AddressVerdict(
                        "127.0.0.1", true, "operator allowlist 127.0.0.1:8443 (loopback 127.0.0.0/8 (RFC 1122))"));
        assertThat(otherPort.denyReason()).isEqualTo(DenyReason.BLOCKED_ADDRESS);
        assertThat(otherAddress.denyReason()).isEqualTo(DenyReason.BLOCKED_ADDRESS);
    }

    @Test
    void blockEntryAdmitsResolvedAddresses() {
        FakeDns dns = new FakeDns().answer("db.corp.example.com", "10.20.30.40");
        EgressPolicy policy = EgressPolicy.builder()
                .allowlist(AllowlistEntry.parseList("10.0.0.0/8:443"))
                .resolver(dns)
                .build();

        EgressDecision onPort = policy.decide("https://db.corp.example.com/");
        EgressDecision otherPort = policy.decide("https://db.corp.example.com:8080/");

        assertThat(onPort.allowed()).isTrue();
        assertThat(otherPort.denyReason()).isEqualTo(DenyReason.BLOCKED_ADDRESS);
    }

    @Test
    void hostEntryLetsSpecialNameThroughOnItsPortOnly() {
        FakeDns dns = new FakeDns().answer("backend.internal", "10.0.0.7").answer("other.example.com", "10.0.0.7");
        EgressPolicy policy = EgressPolicy.builder()
                .allowlist(AllowlistEntry.parseList("backend.internal:8443"))
                .resolver(dns)
                .build();

        EgressDecision checked = policy.checkUrl("https://backend.internal:8443/");
        EgressDecision decided = policy.decide("https://backend.internal:8443/");
        EgressDecision otherPort = policy.checkUrl("https://backend.internal/");
        EgressDecision sameAddressOtherName = policy.decide("https://other.example.com:8443/");

        assertThat(checked.allowed()).isTrue();
        assertThat(decided.allowed()).isTrue();
        assertThat(decided.addresses())
                .containsExactly(new AddressVerdict(
                        "10.0.0.7",
                        true,
                        "operator allowlist backend.internal:8443 (private-use 10.0.0.0/8 (RFC 1918))"));
        assertThat(otherPort.denyReason()).isEqualTo(DenyReason.SPECIAL_USE_NAME);
        assertThat(sameAddressOtherName.denyReason())
                .as("the entry is bound to its name")
                .isEqualTo(DenyReason.BLOCKED_ADDRESS);
    }

    @Test
    void hostEntryLetsSingleLabelNameThrough() {
        EgressPolicy policy = EgressPolicy.builder()
                .allowlist(AllowlistEntry.parseList("intranet:443"))
                .build();

        assertThat(policy.checkUrl("https://intranet/").allowed()).isTrue();
        assertThat(policy.checkUrl("https://intranet:8443/").denyReason()).isEqualTo(DenyReason.SINGLE_LABEL_NAME);
    }

    @Test
    void hostEntryNeverAdmitsALiteral() throws Exception {
        EgressPolicy policy = EgressPolicy.builder()
                .allowlist(AllowlistEntry.parseList("backend.internal:8443"))
                .build();

        assertThatThrownBy(() -> policy.checkConnect(new java.net.InetSocketAddress(ip("10.0.0.7"), 8443)))
                .isInstanceOf(EgressDeniedException.class);
    }

    @Test
    void allowlistDoesNotLoosenUrlFormRules() {
        EgressPolicy policy = EgressPolicy.builder()
                .allowlist(AllowlistEntry.parseList("127.0.0.0/8"))
                .build();

        assertThat(policy.checkUrl("https://127.0.0.1/").allowed()).isTrue();
        assertThat(policy.checkUrl("https://2130706433/").denyReason()).isEqualTo(DenyReason.NON_CANONICAL_IP_LITERAL);
        assertThat(policy.checkUrl("http://127.0.0.1/").denyReason()).isEqualTo(DenyReason.NOT_HTTPS);
        assertThat(policy.checkUrl("https://localhost/").denyReason()).isEqualTo(DenyReason.SPECIAL_USE_NAME);
    }
}
