package dev.toolgate.core.egress;

import static dev.toolgate.core.egress.TestAddresses.ip;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The IANA special-purpose tables, as tables: first, last and notable address of each block, and the neighbours that must pass. */
class AddressClassifierTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0         | THIS_NETWORK |
            0.1.2.3         | THIS_NETWORK | Go's IsGlobalUnicast calls this global (smokescreen gap)
            0.255.255.255   | THIS_NETWORK |
            10.0.0.0        | PRIVATE_10 |
            10.255.255.255  | PRIVATE_10 |
            100.64.0.0      | SHARED_ADDRESS_SPACE |
            100.100.100.200 | SHARED_ADDRESS_SPACE | Alibaba Cloud metadata
            100.127.255.255 | SHARED_ADDRESS_SPACE |
            127.0.0.0       | LOOPBACK_V4 |
            127.0.0.1       | LOOPBACK_V4 |
            127.255.255.255 | LOOPBACK_V4 |
            169.254.0.0     | LINK_LOCAL_V4 |
            169.254.169.254 | LINK_LOCAL_V4 | AWS/GCP/Azure metadata
            169.254.170.2   | LINK_LOCAL_V4 | AWS ECS task metadata
            169.254.255.255 | LINK_LOCAL_V4 |
            172.16.0.0      | PRIVATE_172 |
            172.17.0.1      | PRIVATE_172 | Docker bridge gateway
            172.31.255.255  | PRIVATE_172 |
            192.0.0.0       | IETF_PROTOCOL_ASSIGNMENTS_V4 |
            192.0.0.9       | IETF_PROTOCOL_ASSIGNMENTS_V4 | PCP anycast: globally reachable in the registry, blocked anyway
            192.0.0.170     | IETF_PROTOCOL_ASSIGNMENTS_V4 | NAT64 discovery (ipv4only.arpa)
            192.0.0.192     | IETF_PROTOCOL_ASSIGNMENTS_V4 | Oracle Cloud metadata
            192.0.0.255     | IETF_PROTOCOL_ASSIGNMENTS_V4 |
            192.0.2.0       | DOCUMENTATION_TEST_NET_1 |
            192.0.2.255     | DOCUMENTATION_TEST_NET_1 |
            192.31.196.0    | AS112_V4 |
            192.31.196.255  | AS112_V4 |
            192.52.193.0    | AMT |
            192.52.193.255  | AMT |
            192.88.99.0     | SIX_TO_FOUR_RELAY_ANYCAST |
            192.88.99.255   | SIX_TO_FOUR_RELAY_ANYCAST |
            192.168.0.0     | PRIVATE_192_168 |
            192.168.1.1     | PRIVATE_192_168 |
            192.168.255.255 | PRIVATE_192_168 |
            192.175.48.0    | DIRECT_DELEGATION_AS112_V4 |
            192.175.48.255  | DIRECT_DELEGATION_AS112_V4 |
            198.18.0.0      | BENCHMARKING_V4 |
            198.19.255.255  | BENCHMARKING_V4 |
            198.51.100.0    | DOCUMENTATION_TEST_NET_2 |
            198.51.100.255  | DOCUMENTATION_TEST_NET_2 |
            203.0.113.0     | DOCUMENTATION_TEST_NET_3 |
            203.0.113.255   | DOCUMENTATION_TEST_NET_3 |
            224.0.0.0       | MULTICAST_V4 |
            224.0.0.251     | MULTICAST_V4 | mDNS
            239.255.255.255 | MULTICAST_V4 |
            240.0.0.0       | RESERVED_V4 |
            255.255.255.254 | RESERVED_V4 |
            255.255.255.255 | LIMITED_BROADCAST |
            """)
    void classifiesSpecialPurposeIpv4(String address, AddressClass expected, String note) {
        AddressClass actual = AddressClassifier.classify(ip(address));

        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is public")
    @CsvSource(delimiter = '|', textBlock = """
            1.0.0.0 | first after 0/8
            1.1.1.1 |
            8.8.8.8 |
            9.255.255.255 | just below 10/8
            11.0.0.0 | just above 10/8
            93.184.216.34 |
            100.63.255.254 | below CGNAT
            100.63.255.255 |
            100.128.0.0 | above CGNAT
            100.128.0.1 |
            126.255.255.255 | below loopback
            128.0.0.0 | above loopback
            169.253.255.255 | around link-local
            169.255.0.0 |
            172.15.255.255 | around 172.16/12
            172.32.0.0 |
            191.255.255.255 | below 192.0.0/24
            192.0.1.0 | between 192.0.0/24 and TEST-NET-1
            192.0.1.255 |
            192.0.3.0 | above TEST-NET-1
            192.31.195.255 | around AS112-v4
            192.31.197.0 |
            192.52.192.255 | around AMT
            192.52.194.0 |
            192.88.98.255 | around the 6to4 relay prefix
            192.88.100.0 |
            192.167.255.255 | around 192.168/16
            192.169.0.0 |
            192.175.47.255 | around AS112 direct delegation
            192.175.49.0 |
            198.17.255.255 | around benchmarking 198.18/15
            198.20.0.0 |
            198.51.99.255 | around TEST-NET-2
            198.51.101.0 |
            203.0.112.255 | around TEST-NET-3
            203.0.114.0 |
            223.255.255.255 | below multicast
            """)
    void passesPublicIpv4AndBlockNeighbours(String address, String note) {
        AddressClass actual = AddressClassifier.classify(ip(address));

        assertThat(actual).isEqualTo(AddressClass.PUBLIC);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ::                                        | UNSPECIFIED_V6 |
            ::1                                       | LOOPBACK_V6 |
            0:0:0:0:0:0:0:1                           | LOOPBACK_V6 |
            ::ffff:127.0.0.1                          | LOOPBACK_V4 | mapped, dotted: judged as IPv4
            ::ffff:7f00:1                             | LOOPBACK_V4 | mapped, hex
            0:0:0:0:0:ffff:a9fe:a9fe                  | LINK_LOCAL_V4 | mapped metadata
            ::ffff:10.0.0.1                           | PRIVATE_10 |
            ::ffff:8.8.8.8                            | PUBLIC | mapped public IPv4 is that IPv4
            ::2                                       | IPV4_COMPATIBLE |
            ::127.0.0.1                               | IPV4_COMPATIBLE | JDK: isLoopbackAddress() is false for this one
            ::8.8.8.8                                 | IPV4_COMPATIBLE | blocked even with a public IPv4 inside (Svix gap)
            ::ffff:0:7f00:1                           | NOT_GLOBAL_UNICAST_V6 | SIIT IPv4-translated, outside 2000::/3
            64:ff9b::a9fe:a9fe                        | NAT64_WELL_KNOWN | NAT64 of the metadata address
            64:ff9b::7f00:1                           | NAT64_WELL_KNOWN |
            64:ff9b::808:808                          | NAT64_WELL_KNOWN | NAT64 of public 8.8.8.8: blocked whole
            64:ff9b:1::1                              | NAT64_LOCAL_USE |
            64:ff9b:1:ffff:ffff:ffff:ffff:ffff        | NAT64_LOCAL_USE |
            100::                                     | DISCARD_ONLY |
            100::ffff:ffff:ffff:ffff                  | DISCARD_ONLY |
            100:0:0:1::                               | NOT_GLOBAL_UNICAST_V6 | outside the discard /64, still outside 2000::/3
            2001::                                    | TEREDO |
            2001:0:4136:e378:8000:63bf:3fff:fdd2      | TEREDO | RFC 4380 example
            2001:0:ffff:ffff:ffff:ffff:ffff:ffff      | TEREDO |
            2001:1::1                                 | IETF_PROTOCOL_ASSIGNMENTS_V6 | port control anycast
            2001:2::1                                 | IETF_PROTOCOL_ASSIGNMENTS_V6 | benchmarking
            2001:20::1                                | IETF_PROTOCOL_ASSIGNMENTS_V6 | ORCHIDv2
            2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff    | IETF_PROTOCOL_ASSIGNMENTS_V6 | last of 2001::/23
            2001:db8::                                | DOCUMENTATION_V6 |
            2001:db8:ffff:ffff:ffff:ffff:ffff:ffff    | DOCUMENTATION_V6 |
            2002::                                    | SIX_TO_FOUR |
            2002:a9fe:a9fe::                          | SIX_TO_FOUR | 6to4 of the metadata address
            2002:808:808::1                           | SIX_TO_FOUR | 6to4 of public 8.8.8.8: blocked whole
            2620:4f:8000::                            | DIRECT_DELEGATION_AS112_V6 |
            2620:4f:8000:ffff:ffff:ffff:ffff:ffff     | DIRECT_DELEGATION_AS112_V6 |
            3fff::                                    | DOCUMENTATION_3FFF |
            3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff    | DOCUMENTATION_3FFF |
            5f00::1                                   | SEGMENT_ROUTING_SIDS |
            fc00::                                    | UNIQUE_LOCAL |
            fd00:ec2::254                             | UNIQUE_LOCAL | AWS IMDS over IPv6
            fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff   | UNIQUE_LOCAL |
            fe80::                                    | LINK_LOCAL_V6 |
            fe80::1                                   | LINK_LOCAL_V6 |
            fe80:1::1                                 | LINK_LOCAL_V6 | beyond fe80::/64, still inside the /10
            febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff   | LINK_LOCAL_V6 |
            fec0::1                                   | SITE_LOCAL_V6 |
            ff00::                                    | MULTICAST_V6 |
            ff02::1                                   | MULTICAST_V6 |
            ff05::1:3                                 | MULTICAST_V6 |
            1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff   | NOT_GLOBAL_UNICAST_V6 | just below 2000::/3
            4000::1                                   | NOT_GLOBAL_UNICAST_V6 | just above 2000::/3
            """)
    void classifiesSpecialPurposeIpv6(String address, AddressClass expected, String note) {
        AddressClass actual = AddressClassifier.classify(ip(address));

        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is public")
    @CsvSource(delimiter = '|', textBlock = """
            2000:: | first of 2000::/3
            2001:200::1 | just above 2001::/23
            2001:4860:4860::8888 |
            2001:db9::1 | just above 2001:db8::/32
            2003::1 | just above 6to4
            2606:4700:4700::1111 |
            2620:4f:7fff:ffff:ffff:ffff:ffff:ffff | around AS112 direct delegation /48
            2620:4f:8001:: |
            2a00:1450:4001:: |
            3ffe:ffff::1 | below 3fff::/20
            3fff:1000:: | just above 3fff::/20
            3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | last of 2000::/3
            """)
    void passesPublicIpv6(String address, String note) {
        AddressClass actual = AddressClassifier.classify(ip(address));

        assertThat(actual).isEqualTo(AddressClass.PUBLIC);
    }

    @Test
    void judgesMappedAddressHeldInInet6AddressAsIpv4() throws Exception {
        byte[] mapped = {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169, (byte) 254
        };
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1); // a resolver can hand this out

        AddressClass actual = AddressClassifier.classify(address);

        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(actual).isEqualTo(AddressClass.LINK_LOCAL_V4);
    }

    @ParameterizedTest(name = "{0} embeds {1}")
    @CsvSource(delimiter = '|', textBlock = """
            64:ff9b::a9fe:a9fe                 | 169.254.169.254 |
            64:ff9b:1:a9fe:a9:fe00::           | 169.254.169.254 | RFC 6052 /48 layout skips the u octet
            2002:a9fe:a9fe::1                  | 169.254.169.254 |
            ::a9fe:a9fe                        | 169.254.169.254 |
            2001:0:102:304:0:0:80ff:fffe       | 127.0.0.1 | Teredo client address is stored inverted
            """)
    void findsEmbeddedIpv4(String address, String embedded, String note) {
        var actual = AddressClassifier.embeddedIpv4(ip(address));

        assertThat(actual).map(IpLiterals::toText).contains(embedded);
    }

    @Test
    void findsNoEmbeddedIpv4InPlainOrMappedAddresses() {
        assertThat(AddressClassifier.embeddedIpv4(ip("2606:4700:4700::1111"))).isEmpty();
        assertThat(AddressClassifier.embeddedIpv4(ip("::ffff:127.0.0.1"))).isEmpty();
        assertThat(AddressClassifier.embeddedIpv4(ip("127.0.0.1"))).isEmpty();
    }

    @Test
    void deniesNat64EncodedMetadataAddressNamingWhatItEmbeds() {
        String description = AddressClassifier.describe(ip("64:ff9b::a9fe:a9fe"));

        assertThat(description)
                .isEqualTo("NAT64 64:ff9b::/96 (RFC 6052), embeds 169.254.169.254: "
                        + "link-local 169.254.0.0/16 (RFC 3927); cloud metadata service");
    }

    @Test
    void describesPublicEmbeddedAddressAsBlockedWhole() {
        String description = AddressClassifier.describe(ip("2002:808:808::1"));

        assertThat(description)
                .isEqualTo("6to4 2002::/16 (RFC 3056), embeds 8.8.8.8 (public; the prefix is blocked whole)");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            169.254.169.254 | link-local 169.254.0.0/16 (RFC 3927); cloud metadata service
            100.100.100.200 | shared address space (CGNAT) 100.64.0.0/10 (RFC 6598); Alibaba Cloud metadata service
            192.0.0.192     | IETF protocol assignments 192.0.0.0/24 (RFC 6890); Oracle Cloud metadata service
            fd00:ec2::254   | unique local fc00::/7 (RFC 4193); AWS metadata service (IPv6)
            10.1.2.3        | private-use 10.0.0.0/8 (RFC 1918)
            8.8.8.8         | public unicast
            """)
    void namesCloudMetadataEndpoints(String address, String expected) {
        String description = AddressClassifier.describe(ip(address));

        assertThat(description).isEqualTo(expected);
    }

    @Test
    void everyBlockedClassLabelNamesItsPrefixAndSource() {
        for (AddressClass addressClass : AddressClass.values()) {
            if (addressClass.blocked()) {
                assertThat(addressClass.label())
                        .as(addressClass.name())
                        .containsPattern("/\\d+")
                        .contains("RFC");
            }
        }
    }
}
