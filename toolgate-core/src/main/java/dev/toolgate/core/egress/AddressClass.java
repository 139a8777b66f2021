package dev.toolgate.core.egress;

/**
 * What kind of address an {@link java.net.InetAddress} is, for the egress policy: {@link #PUBLIC} or one
 * special-purpose block.
 *
 * <p>The blocks are those of the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890,
 * https://www.iana.org/assignments/iana-ipv4-special-registry and
 * https://www.iana.org/assignments/iana-ipv6-special-registry), plus multicast (RFC 5771, RFC 4291),
 * 240.0.0.0/4 and, for IPv6, everything outside global unicast 2000::/3 (IANA IPv6 Address Space
 * registry). Each {@link #label()} names the block and the RFC that reserves it, so an operator can read
 * a denial without looking anything up. Every constant except {@link #PUBLIC} is blocked unless the
 * operator allowlist admits the address.
 *
 * <p>There is no constant for IPv4-mapped IPv6 ({@code ::ffff:0:0/96}): such an address is judged as
 * the IPv4 address it maps (docs/security.md: IPv4 inside IPv6 is judged as IPv4).
 */
public enum AddressClass {
    /** Not in any special-purpose block: IPv4 outside every block below, IPv6 inside 2000::/3 and outside them. */
    PUBLIC("public unicast"),

    // IPv4 (IANA IPv4 Special-Purpose Address Registry, plus multicast and 240/4)
    /** 0.0.0.0/8: "this network"; 0.0.0.0 reaches the local host on many systems. */
    THIS_NETWORK("\"this network\" 0.0.0.0/8 (RFC 791, RFC 1122)"),
    /** 10.0.0.0/8. */
    PRIVATE_10("private-use 10.0.0.0/8 (RFC 1918)"),
    /** 100.64.0.0/10, carrier-grade NAT; holds Alibaba Cloud's metadata service 100.100.100.200. */
    SHARED_ADDRESS_SPACE("shared address space (CGNAT) 100.64.0.0/10 (RFC 6598)"),
    /** 127.0.0.0/8. */
    LOOPBACK_V4("loopback 127.0.0.0/8 (RFC 1122)"),
    /** 169.254.0.0/16; holds the cloud metadata service 169.254.169.254. */
    LINK_LOCAL_V4("link-local 169.254.0.0/16 (RFC 3927)"),
    /** 172.16.0.0/12. */
    PRIVATE_172("private-use 172.16.0.0/12 (RFC 1918)"),
    /** 192.0.0.0/24, blocked whole (including its globally reachable /32s); holds Oracle Cloud's 192.0.0.192. */
    IETF_PROTOCOL_ASSIGNMENTS_V4("IETF protocol assignments 192.0.0.0/24 (RFC 6890)"),
    /** 192.0.2.0/24. */
    DOCUMENTATION_TEST_NET_1("documentation TEST-NET-1 192.0.2.0/24 (RFC 5737)"),
    /** 192.31.196.0/24. */
    AS112_V4("AS112-v4 192.31.196.0/24 (RFC 7535)"),
    /** 192.52.193.0/24. */
    AMT("AMT 192.52.193.0/24 (RFC 7450)"),
    /** 192.88.99.0/24, formerly the 6to4 relay anycast prefix. */
    SIX_TO_FOUR_RELAY_ANYCAST("deprecated 6to4 relay anycast 192.88.99.0/24 (RFC 7526)"),
    /** 192.168.0.0/16. */
    PRIVATE_192_168("private-use 192.168.0.0/16 (RFC 1918)"),
    /** 192.175.48.0/24. */
    DIRECT_DELEGATION_AS112_V4("direct delegation AS112 service 192.175.48.0/24 (RFC 7534)"),
    /** 198.18.0.0/15. */
    BENCHMARKING_V4("benchmarking 198.18.0.0/15 (RFC 2544)"),
    /** 198.51.100.0/24. */
    DOCUMENTATION_TEST_NET_2("documentation TEST-NET-2 198.51.100.0/24 (RFC 5737)"),
    /** 203.0.113.0/24. */
    DOCUMENTATION_TEST_NET_3("documentation TEST-NET-3 203.0.113.0/24 (RFC 5737)"),
    /** 224.0.0.0/4. */
    MULTICAST_V4("multicast 224.0.0.0/4 (RFC 5771)"),
    /** 255.255.255.255/32 (checked before {@link #RESERVED_V4}, which contains it). */
    LIMITED_BROADCAST("limited broadcast 255.255.255.255/32 (RFC 919, RFC 8190)"),
    /** 240.0.0.0/4. */
    RESERVED_V4("reserved 240.0.0.0/4 (RFC 1112)"),

    // IPv6 (IANA IPv6 Special-Purpose Address Registry, multicast, and everything outside 2000::/3)
    /** ::/128. */
    UNSPECIFIED_V6("unspecified ::/128 (RFC 4291)"),
    /** ::1/128. */
    LOOPBACK_V6("loopback ::1/128 (RFC 4291)"),
    /** ::/96 (other than :: and ::1): deprecated IPv4-compatible addresses, blocked whole. */
    IPV4_COMPATIBLE("deprecated IPv4-compatible ::/96 (RFC 4291 section 2.5.5.1)"),
    /** 64:ff9b::/96, NAT64 well-known prefix, blocked whole whatever IPv4 address it embeds. */
    NAT64_WELL_KNOWN("NAT64 64:ff9b::/96 (RFC 6052)"),
    /** 64:ff9b:1::/48, local-use NAT64 prefix, blocked whole. */
    NAT64_LOCAL_USE("local-use NAT64 64:ff9b:1::/48 (RFC 8215)"),
    /** 100::/64. */
    DISCARD_ONLY("discard-only 100::/64 (RFC 6666)"),
    /** 2001::/32, Teredo, blocked whole (checked before {@link #IETF_PROTOCOL_ASSIGNMENTS_V6}). */
    TEREDO("Teredo 2001::/32 (RFC 4380)"),
    /** 2001::/23 (benchmarking, ORCHIDv2, AMT, AS112-v6 and the rest of the IETF block). */
    IETF_PROTOCOL_ASSIGNMENTS_V6("IETF protocol assignments 2001::/23 (RFC 2928)"),
    /** 2001:db8::/32. */
    DOCUMENTATION_V6("documentation 2001:db8::/32 (RFC 3849)"),
    /** 2002::/16, 6to4, blocked whole whatever IPv4 address it embeds. */
    SIX_TO_FOUR("6to4 2002::/16 (RFC 3056)"),
    /** 2620:4f:8000::/48. */
    DIRECT_DELEGATION_AS112_V6("direct delegation AS112 service 2620:4f:8000::/48 (RFC 7534)"),
    /** 3fff::/20. */
    DOCUMENTATION_3FFF("documentation 3fff::/20 (RFC 9637)"),
    /** 5f00::/16. */
    SEGMENT_ROUTING_SIDS("SRv6 SIDs 5f00::/16 (RFC 9602)"),
    /** fc00::/7; holds AWS's IPv6 metadata service fd00:ec2::254. */
    UNIQUE_LOCAL("unique local fc00::/7 (RFC 4193)"),
    /** fe80::/10 (the whole /10, not only fe80::/64). */
    LINK_LOCAL_V6("link-local fe80::/10 (RFC 4291)"),
    /** fec0::/10, deprecated site-local. */
    SITE_LOCAL_V6("deprecated site-local fec0::/10 (RFC 3879)"),
    /** ff00::/8. */
    MULTICAST_V6("multicast ff00::/8 (RFC 4291)"),
    /** Any other IPv6 address outside global unicast 2000::/3. */
    NOT_GLOBAL_UNICAST_V6("outside global unicast 2000::/3 (RFC 4291, IANA IPv6 Address Space)");

    private final String label;

    AddressClass(String label) {
        this.label = label;
    }

    /** Returns the operator-facing label: the block's name, prefix and RFC, e.g. {@code "loopback 127.0.0.0/8 (RFC 1122)"}. */
    public String label() {
        return label;
    }

    /** Returns whether the class is blocked by default, i.e. everything but {@link #PUBLIC}. */
    public boolean blocked() {
        return this != PUBLIC;
    }
}
