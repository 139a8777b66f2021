package dev.toolgate.core.egress;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Classifies IP addresses against the IANA special-purpose registries. Pure: no DNS, no I/O, thread-safe.
 *
 * <p>Sources: RFC 6890 and the IANA IPv4 Special-Purpose Address Registry
 * (https://www.iana.org/assignments/iana-ipv4-special-registry), the IANA IPv6 Special-Purpose Address
 * Registry (https://www.iana.org/assignments/iana-ipv6-special-registry), the IANA IPv6 Address Space
 * registry (only 2000::/3 is global unicast), RFC 5771 and RFC 4291 (multicast). Each block's own RFC is in
 * its {@link AddressClass#label()}.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is classified as the IPv4 address it maps:
 *       the kernel connects to that IPv4 address.</li>
 *   <li>IPv4: the first block of the table that contains the address, else {@link AddressClass#PUBLIC}.
 *       192.0.0.0/24 is blocked whole, including its globally reachable /32s (a service on them is never a
 *       tenant endpoint), and so is 240.0.0.0/4.</li>
 *   <li>IPv6: the first block of the table that contains the address; else PUBLIC inside 2000::/3; else
 *       {@link AddressClass#NOT_GLOBAL_UNICAST_V6}. Prefixes that embed an IPv4 address (IPv4-compatible
 *       ::/96, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4 2002::/16, Teredo 2001::/32) are blocked whole,
 *       even when the embedded address is public: a translator or relay would carry the request to an IPv4
 *       host that was never judged. {@link #describe(InetAddress)} names the embedded address.</li>
 * </ol>
 *
 * <p>The cloud metadata services are covered by the tables: 169.254.169.254 (link-local), Alibaba's
 * 100.100.100.200 (CGNAT), Oracle's 192.0.0.192 (192.0.0.0/24) and AWS's fd00:ec2::254 (unique local).
 */
public final class AddressClassifier {

    private record Block(Cidr cidr, AddressClass addressClass) {}

    /** Most specific first where blocks nest (255.255.255.255 before 240/4). */
    private static final List<Block> IPV4_BLOCKS = List.of(
            block("0.0.0.0/8", AddressClass.THIS_NETWORK),
            block("10.0.0.0/8", AddressClass.PRIVATE_10),
            block("100.64.0.0/10", AddressClass.SHARED_ADDRESS_SPACE),
            block("127.0.0.0/8", AddressClass.LOOPBACK_V4),
            block("169.254.0.0/16", AddressClass.LINK_LOCAL_V4),
            block("172.16.0.0/12", AddressClass.PRIVATE_172),
            block("192.0.0.0/24", AddressClass.IETF_PROTOCOL_ASSIGNMENTS_V4),
            block("192.0.2.0/24", AddressClass.DOCUMENTATION_TEST_NET_1),
            block("192.31.196.0/24", AddressClass.AS112_V4),
            block("192.52.193.0/24", AddressClass.AMT),
            block("192.88.99.0/24", AddressClass.SIX_TO_FOUR_RELAY_ANYCAST),
            block("192.168.0.0/16", AddressClass.PRIVATE_192_168),
            block("192.175.48.0/24", AddressClass.DIRECT_DELEGATION_AS112_V4),
            block("198.18.0.0/15", AddressClass.BENCHMARKING_V4),
            block("198.51.100.0/24", AddressClass.DOCUMENTATION_TEST_NET_2),
            block("203.0.113.0/24", AddressClass.DOCUMENTATION_TEST_NET_3),
            block("224.0.0.0/4", AddressClass.MULTICAST_V4),
            block("255.255.255.255/32", AddressClass.LIMITED_BROADCAST),
            block("240.0.0.0/4", AddressClass.RESERVED_V4));

    /** Most specific first where blocks nest (::1 before ::/96, Teredo before 2001::/23). */
    private static final List<Block> IPV6_BLOCKS = List.of(
            block("::/128", AddressClass.UNSPECIFIED_V6),
            block("::1/128", AddressClass.LOOPBACK_V6),
            block("::/96", AddressClass.IPV4_COMPATIBLE),
            block("64:ff9b::/96", AddressClass.NAT64_WELL_KNOWN),
            block("64:ff9b:1::/48", AddressClass.NAT64_LOCAL_USE),
            block("100::/64", AddressClass.DISCARD_ONLY),
            block("2001::/32", AddressClass.TEREDO),
            block("2001::/23", AddressClass.IETF_PROTOCOL_ASSIGNMENTS_V6),
            block("2001:db8::/32", AddressClass.DOCUMENTATION_V6),
            block("2002::/16", AddressClass.SIX_TO_FOUR),
            block("2620:4f:8000::/48", AddressClass.DIRECT_DELEGATION_AS112_V6),
            block("3fff::/20", AddressClass.DOCUMENTATION_3FFF),
            block("5f00::/16", AddressClass.SEGMENT_ROUTING_SIDS),
            block("fc00::/7", AddressClass.UNIQUE_LOCAL),
            block("fe80::/10", AddressClass.LINK_LOCAL_V6),
            block("fec0::/10", AddressClass.SITE_LOCAL_V6),
            block("ff00::/8", AddressClass.MULTICAST_V6));

    private static final Cidr GLOBAL_UNICAST = Cidr.parseTrusted("2000::/3");

    /** Well-known cloud metadata endpoints, named in denials so an operator sees what was at stake. */
    private static final Map<String, String> NOTES = Map.of(
            "169.254.169.254", "cloud metadata service",
            "169.254.170.2", "AWS ECS task metadata service",
            "100.100.100.200", "Alibaba Cloud metadata service",
            "192.0.0.192", "Oracle Cloud metadata service",
            "fd00:ec2::254", "AWS metadata service (IPv6)");

    private AddressClassifier() {}

    private static Block block(String cidr, AddressClass addressClass) {
        return new Block(Cidr.parseTrusted(cidr), addressClass);
    }

    /**
     * Returns the class of {@code address}.
     *
     * @param address any IPv4 or IPv6 address; an IPv6 scope id is ignored
     * @return {@link AddressClass#PUBLIC} or the special-purpose block the address lies in
     */
    public static AddressClass classify(InetAddress address) {
        return classify(Cidr.canonicalBytes(address));
    }

    /** Classifies 4 or 16 address bytes; IPv4-mapped bytes must already have been turned into 4 bytes. */
    static AddressClass classify(byte[] bytes) {
        List<Block> table = bytes.length == 4 ? IPV4_BLOCKS : IPV6_BLOCKS;
        for (Block block : table) {
            if (block.cidr().contains(bytes)) {
                return block.addressClass();
            }
        }
        if (bytes.length == 4 || GLOBAL_UNICAST.contains(bytes)) {
            return AddressClass.PUBLIC;
        }
        return AddressClass.NOT_GLOBAL_UNICAST_V6;
    }

    /**
     * Returns the IPv4 address embedded in an IPv6 address of a translation or tunnelling prefix:
     * IPv4-compatible ::/96 (last 32 bits), NAT64 64:ff9b::/96 (last 32 bits, RFC 6052), local-use NAT64
     * 64:ff9b:1::/48 (bits 48-63 and 72-87, RFC 6052 section 2.2), 6to4 2002::/16 (bits 16-47, RFC 3056)
     * and Teredo 2001::/32 (the client address: last 32 bits inverted, RFC 4380 section 4).
     *
     * @param address any address
     * @return the embedded address, or empty for any other address (an IPv4-mapped address is not
     *     "embedded": it is classified as IPv4 directly)
     */
    public static Optional<Inet4Address> embeddedIpv4(InetAddress address) {
        byte[] b = Cidr.canonicalBytes(address);
        if (b.length != 16) {
            return Optional.empty();
        }
        byte[] v4 = switch (classify(b)) {
            case IPV4_COMPATIBLE, NAT64_WELL_KNOWN -> Arrays.copyOfRange(b, 12, 16);
            case NAT64_LOCAL_USE -> new byte[] {b[6], b[7], b[9], b[10]};
            case SIX_TO_FOUR -> Arrays.copyOfRange(b, 2, 6);
            case TEREDO -> new byte[] {(byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]};
            default -> null;
        };
        return v4 == null ? Optional.empty() : Optional.of((Inet4Address) IpLiterals.toAddress(v4));
    }

    /**
     * Returns an operator-facing description of the address's class: the class label, the embedded IPv4
     * address and its own class for translation prefixes, and a note for well-known cloud metadata
     * endpoints. Examples: {@code "public unicast"},
     * {@code "link-local 169.254.0.0/16 (RFC 3927); cloud metadata service"},
     * {@code "NAT64 64:ff9b::/96 (RFC 6052), embeds 169.254.169.254: link-local 169.254.0.0/16 (RFC 3927); cloud metadata service"}.
     *
     * @param address any address
     * @return one line of text, never null
     */
    public static String describe(InetAddress address) {
        AddressClass addressClass = classify(address);
        StringBuilder text = new StringBuilder(addressClass.label());
        Optional<Inet4Address> embedded = embeddedIpv4(address);
        if (embedded.isPresent()) {
            InetAddress inner = embedded.get();
            AddressClass innerClass = classify(inner);
            text.append(", embeds ").append(IpLiterals.toText(inner));
            if (innerClass.blocked()) {
                text.append(": ").append(innerClass.label());
                appendNote(text, inner);
            } else {
                text.append(" (public; the prefix is blocked whole)");
            }
            return text.toString();
        }
        appendNote(text, address);
        return text.toString();
    }

    private static void appendNote(StringBuilder text, InetAddress address) {
        String note = NOTES.get(IpLiterals.toText(IpLiterals.toAddress(Cidr.canonicalBytes(address))));
        if (note != null) {
            text.append("; ").append(note);
        }
    }
}
