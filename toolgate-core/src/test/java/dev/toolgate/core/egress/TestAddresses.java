package dev.toolgate.core.egress;

import java.net.InetAddress;

/** Test helper: address literals to InetAddress without any DNS. */
final class TestAddresses {
    private TestAddresses() {}

    /** Parses a canonical dotted quad or IPv6 text (no brackets); fails the test on anything else. */
    static InetAddress ip(String text) {
        byte[] bytes = text.indexOf(':') >= 0 ? IpLiterals.parseIpv6(text) : IpLiterals.parseCanonicalIpv4(text);
        if (bytes == null) {
            throw new IllegalArgumentException("not an address literal: " + text);
        }
        return IpLiterals.toAddress(bytes);
    }
}
