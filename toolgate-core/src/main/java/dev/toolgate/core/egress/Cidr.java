package dev.toolgate.core.egress;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * An address block: a network address and a prefix length, IPv4 (4 bytes) or IPv6 (16 bytes). Immutable.
 * Used by the classifier's tables and by allowlist entries.
 */
final class Cidr {
    private final byte[] network;
    private final int prefixLength;

    private Cidr(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * Returns the block with {@code network}'s bytes and {@code prefixLength}.
     *
     * @throws IllegalArgumentException if the prefix is out of range or bits are set after the prefix
     */
    static Cidr of(byte[] network, int prefixLength) {
        int bits = network.length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length must be 0 to " + bits + ", was " + prefixLength);
        }
        byte[] copy = network.clone();
        for (int bit = prefixLength; bit < bits; bit++) {
            if ((copy[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                throw new IllegalArgumentException("address bits are set after the /" + prefixLength + " prefix");
            }
        }
        return new Cidr(copy, prefixLength);
    }

    /** Parses a trusted table literal such as {@code "10.0.0.0/8"} or {@code "64:ff9b::/96"}; for constants only. */
    static Cidr parseTrusted(String text) {
        int slash = text.indexOf('/');
        String address = text.substring(0, slash);
        byte[] bytes =
                address.indexOf(':') >= 0 ? IpLiterals.parseIpv6(address) : IpLiterals.parseCanonicalIpv4(address);
        if (bytes == null) {
            throw new IllegalArgumentException("bad table entry " + text);
        }
        return of(bytes, Integer.parseInt(text.substring(slash + 1)));
    }

    /** Returns whether {@code address} (4 or 16 bytes) lies in this block; a different length never matches. */
    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** Returns whether this is an IPv6 block. */
    boolean isIpv6() {
        return network.length == 16;
    }

    /** Returns the canonical text, e.g. {@code 10.0.0.0/8} or {@code 2001:db8::/32}. */
    @Override
    public String toString() {
        return IpLiterals.toText(network) + "/" + prefixLength;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && prefixLength == that.prefixLength && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    /** Returns the address bytes, with an IPv4-mapped IPv6 address turned into its 4 IPv4 bytes. */
    static byte[] canonicalBytes(InetAddress address) {
        byte[] bytes = address.getAddress();
        return IpLiterals.isIpv4Mapped(bytes) ? Arrays.copyOfRange(bytes, 12, 16) : bytes;
    }
}
