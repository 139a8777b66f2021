package dev.toolgate.core.egress;

import static dev.toolgate.core.egress.TestAddresses.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * decide() and the guarded resolver, against a fake resolver (docs/security.md, "Where a request may go": judged on
 * the addresses the connection really uses).
 */
class EgressPolicyDecideTest {

    private final FakeDns dns = new FakeDns()
            .answer("api.example.com", "93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946")
            .answer("private.example.com", "10.0.0.5")
            .answer("mixed.example.com", "93.184.216.34", "127.0.0.1")
            .answer("metadata.example.com", "169.254.169.254")
            .answer("nat64.example.com", "64:ff9b::a9fe:a9fe")
            .answer("empty.example.com");
    private final EgressPolicy policy = EgressPolicy.builder().resolver(dns).build();

    @Test
    void allowsNameWhoseEveryAddressIsPublicAndShowsEachVerdict() {
        EgressDecision decision = policy.decide("https://api.example.com/hook");

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.addresses())
                .containsExactly(
                        new AddressVerdict("93.184.216.34", true, "public unicast"),
                        new AddressVerdict("2606:2800:220:1:248:1893:25c8:1946", true, "public unicast"));
    }

    @Test
    void deniesNameResolvingToPrivateAddressNamingTheAddress() {
        EgressDecision decision = policy.decide("https://private.example.com/");

        assertThat(decision.denyReason()).isEqualTo(DenyReason.BLOCKED_ADDRESS);
        assertThat(decision.reason())
                .isEqualTo(
                        "host 'private.example.com' resolved to blocked address 10.0.0.5 (private-use 10.0.0.0/8 (RFC 1918))");
        assertThat(decision.addresses())
                .containsExactly(new AddressVerdict("10.0.0.5", false, "private-use 10.0.0.0/8 (RFC 1918)"));
    }

    @Test
    void deniesWholeNameWhenOnlyOneOfItsAddressesIsBlocked() {
        EgressDecision decision = policy.decide("https://mixed.example.com/");

        assertThat(decision.denyReason()).isEqualTo(DenyReason.BLOCKED_ADDRESS);
        assertThat(decision.addresses())
                .extracting(AddressVerdict::address, AddressVerdict::allowed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("93.184.216.34", true),
                        org.assertj.core.groups.Tuple.tuple("127.0.0.1", false));
    }

    @Test
    void deniesNat64EncodedMetadataAddress() {
        EgressDecision decision = policy.decide("https://nat64.example.com/");

        assertThat(decision.denyReason()).isEqualTo(DenyReason.BLOCKED_ADDRESS);
        assertThat(decision.reason())
                .contains("64:ff9b::a9fe:a9fe", "embeds 169.254.169.254", "cloud metadata service");
    }

    @Test
    void judgesMappedAddressFromResolverAsIpv4() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        FakeDns raw = new FakeDns().answerRaw("mapped.example.com", Inet6Address.getByAddress(null, mapped, -1));
        EgressPolicy rawPolicy = EgressPolicy.builder().resolver(raw).build();

        EgressDecision decision = rawPolicy.decide("https://mapped.example.com/");

        assertThat(decision.denyReason()).isEqualTo(DenyReason.BLOCKED_ADDRESS);
        assertThat(decision.addresses())
                .containsExactly(new AddressVerdict("127.0.0.1", false, "loopback 127.0.0.0/8 (RFC 1122)"));
    }

    @Test
    void reportsEmptyAnswerAsResolutionFailure() {
        EgressDecision decision = policy.decide("https://empty.example.com/");

        assertThat(decision.denyReason()).isEqualTo(DenyReason.NO_ADDRESSES);
        assertThat(decision.denyReason().isResolutionFailure()).isTrue();
    }

    @Test
    void reportsResolverFailureAsResolutionFailure() {
        EgressDecision decision = policy.decide("https://unknown.example.com/");

        assertThat(decision.denyReason()).isEqualTo(DenyReason.RESOLUTION_FAILED);
        assertThat(decision.denyReason().isResolutionFailure()).isTrue();
        assertThat(decision.addresses()).isEmpty();
    }

    @Test
    void judgesLiteralsWithoutResolving() {
        EgressDecision decision = policy.decide("https://[fd00:ec2::254]/");

        assertThat(decision.denyReason()).isEqualTo(DenyReason.BLOCKED_ADDRESS);
        assertThat(decision.addresses())
                .containsExactly(new AddressVerdict(
                        "fd00:ec2::254", false, "unique local fc00::/7 (RFC 4193); AWS metadata service (IPv6)"));
        assertThat(dns.totalLookups()).isZero();
    }

    @Test
    void refusesSpecialNamesWithoutResolving() {
        EgressDecision decision = policy.decide("https://metadata.google.internal/computeMetadata/v1/");

        assertThat(decision.denyReason()).isEqualTo(DenyReason.SPECIAL_USE_NAME);
        assertThat(dns.totalLookups()).isZero();
    }

    @Test
    void refusesBadUrlsBeforeResolving() {
        EgressDecision decision = policy.decide("http://api.example.com/");

        assertThat(decision.denyReason()).isEqualTo(DenyReason.NOT_HTTPS);
        assertThat(dns.totalLookups()).isZero();
    }

    // --- the guarded resolver OkHttp uses ---

    @Test
    void guardedDnsReturnsExactlyTheCheckedAddressesCarryingTheName() throws Exception {
        GuardedDns guarded = new GuardedDns(policy.judge(), dns);

        List<InetAddress> addresses = guarded.lookup("api.example.com");

        assertThat(addresses).containsExactly(ip("93.184.216.34"), ip("2606:2800:220:1:248:1893:25c8:1946"));
        assertThat(new InetSocketAddress(addresses.get(0), 443).getHostString()).isEqualTo("api.example.com");
        assertThat(dns.lookups("api.example.com")).isEqualTo(1);
    }

    @Test
    void guardedDnsThrowsEgressDeniedForBlockedAddress() {
        GuardedDns guarded = new GuardedDns(policy.judge(), dns);

        assertThatThrownBy(() -> guarded.lookup("metadata.example.com"))
                .isInstanceOf(EgressDeniedException.class)
                .isNotInstanceOf(UnknownHostException.class)
                .hasMessageContaining("169.254.169.254")
                .extracting(e -> ((EgressDeniedException) e).reason())
                .isEqualTo(DenyReason.BLOCKED_ADDRESS);
    }

    @Test
    void guardedDnsDeniesMixedAnswers() {
        GuardedDns guarded = new GuardedDns(policy.judge(), dns);

        assertThatThrownBy(() -> guarded.lookup("mixed.example.com"))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void guardedDnsKeepsResolverFailureAnUnknownHostException() {
        GuardedDns guarded = new GuardedDns(policy.judge(), dns);

        assertThatThrownBy(() -> guarded.lookup("unknown.example.com")).isExactlyInstanceOf(UnknownHostException.class);
    }

    @Test
    void guardedDnsTreatsEmptyAnswerAsUnknownHost() {
        GuardedDns guarded = new GuardedDns(policy.judge(), dns);

        assertThatThrownBy(() -> guarded.lookup("empty.example.com"))
                .isExactlyInstanceOf(UnknownHostException.class)
                .hasMessageContaining("no addresses");
    }

    @Test
    void guardedDnsRefusesSpecialAndNumericNamesWithoutResolving() {
        GuardedDns guarded = new GuardedDns(policy.judge(), dns);

        assertThatThrownBy(() -> guarded.lookup("localhost"))
                .isInstanceOf(EgressDeniedException.class)
                .extracting(e -> ((EgressDeniedException) e).reason())
                .isEqualTo(DenyReason.SPECIAL_USE_NAME);
        // OkHttp hands this to Dns (it is not digits-and-dots); glibc would read it as 127.0.0.1
        assertThatThrownBy(() -> guarded.lookup("0x7f000001"))
                .isInstanceOf(EgressDeniedException.class)
                .extracting(e -> ((EgressDeniedException) e).reason())
                .isEqualTo(DenyReason.NON_CANONICAL_IP_LITERAL);
        assertThat(dns.totalLookups()).isZero();
    }

    @Test
    void guardedDnsJudgesLiteralsItIsAskedAbout() {
        GuardedDns guarded = new GuardedDns(policy.judge(), dns);

        assertThatThrownBy(() -> guarded.lookup("127.0.0.1")).isInstanceOf(EgressDeniedException.class);
        assertThatThrownBy(() -> guarded.lookup("::1")).isInstanceOf(EgressDeniedException.class);
        assertThat(dns.totalLookups()).isZero();
    }

    // --- the connect-time check ---

    @Test
    void connectCheckFailsClosedOnUnresolvedAddress() {
        assertThatThrownBy(() -> policy.checkConnect(InetSocketAddress.createUnresolved("api.example.com", 443)))
                .isInstanceOf(EgressDeniedException.class)
                .extracting(e -> ((EgressDeniedException) e).reason())
                .isEqualTo(DenyReason.UNRESOLVED_ADDRESS);
    }

    @Test
    void connectCheckRefusesBlockedAddressAndPassesPublicOne() throws Exception {
        assertThatThrownBy(() -> policy.checkConnect(new InetSocketAddress(ip("169.254.169.254"), 80)))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessage(
                        "connection to 169.254.169.254 port 80 refused: link-local 169.254.0.0/16 (RFC 3927); cloud metadata service");
        InetSocketAddress publicEndpoint = new InetSocketAddress(ip("93.184.216.34"), 443);
        assertThat(policy.checkConnect(publicEndpoint)).isSameAs(publicEndpoint);
    }
}
