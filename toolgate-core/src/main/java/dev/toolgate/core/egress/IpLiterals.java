package dev.toolgate.core.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Strict parsing and printing of IP address literals. Nothing here ever touches DNS.
 *
 * <p>Only the canonical IPv4 form is accepted: four decimal parts, no leading zeros, each at most 255.
 * The other forms that some parser somewhere decodes ({@code 2130706433}, {@code 0177.0.0.1},
 * {@code 0x7f.1}, {@code 127.1}, {@code 127.0.0.1.}) are never decoded: parsers disagree on them (the JDK
 * reads {@code 0177} as decimal 177, glibc and WHATWG as octal 127), so the only safe answer is "no".
 */
final class IpLiterals {
    private static final Pattern CANONICAL_IPV4 = Pattern.compile(
            "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?:\\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    /** A label some parser reads as a number: decimal, octal (leading 0) or hex (0x prefix, even bare "0x"). */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

    private IpLiterals() {}

    /** Returns the 4 bytes of a canonical dotted quad, or null if {@code text} is anything else. */
    static byte[] parseCanonicalIpv4(String text) {
        if (text == null || !CANONICAL_IPV4.matcher(text).matches()) {
            return null;
        }
        String[] parts = text.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return bytes;
    }

    /**
     * Returns whether some URL parser or resolver would read {@code host} as an IPv4 number: it is made of
     * digits and dots only (OkHttp's {@code canParseAsIpAddress}), or its last label, ignoring one trailing
     * dot, is a decimal, octal or hex number (the WHATWG URL Standard's "ends in a number" rule; a real
     * top-level domain is never numeric, RFC 3696 section 2).
     */
    static boolean looksNumeric(String host) {
        if (DIGITS_AND_DOTS.matcher(host).matches()) {
            return true;
        }
        String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = trimmed.substring(trimmed.lastIndexOf('.') + 1);
        return NUMERIC_LABEL.matcher(last).matches();
    }

    /**
     * Parses IPv6 text (no brackets, no zone id) into 16 bytes, or returns null if it is not valid RFC 4291
     * text. An embedded dotted IPv4 tail must be canonical. The JDK does the parsing; the brackets passed to
     * it force literal parsing, so it can never fall back to a DNS query.
     */
    static byte[] parseIpv6(String text) {
        if (text == null || !IPV6_CHARS.matcher(text).matches() || text.indexOf(':') < 0) {
            return null;
        }
        int lastColon = text.lastIndexOf(':');
        if (text.indexOf('.') >= 0 && parseCanonicalIpv4(text.substring(lastColon + 1)) == null) {
            return null;
        }
        for (String group : text.substring(0, lastColon + 1).split(":")) {
            if (group.length() > 4) { // RFC 4291 2.2: one to four hex digits per group (the JDK takes more)
                return null;
            }
        }
        if (text.indexOf('.') < 0 && text.length() - lastColon - 1 > 4) {
            return null;
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName("[" + text + "]");
        } catch (UnknownHostException e) {
            return null;
        }
        byte[] bytes = parsed.getAddress();
        if (bytes.length == 4) { // the JDK turns ::ffff:a.b.c.d into an Inet4Address; keep the 16-byte form
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            return mapped;
        }
        return bytes;
    }

    /** Returns whether 16 bytes are an IPv4-mapped address {@code ::ffff:a.b.c.d} (RFC 4291 section 2.5.5.2). */
    static boolean isIpv4Mapped(byte[] bytes) {
        if (bytes.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    /** Returns the address for 4 or 16 bytes; an IPv4-mapped address becomes an Inet4Address. */
    static InetAddress toAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address must be 4 or 16 bytes, was " + bytes.length, e);
        }
    }

    /** Returns the canonical text of an address: dotted quad, or RFC 5952 IPv6 text without a zone. */
    static String toText(InetAddress address) {
        return toText(address.getAddress());
    }

    /**
     * Returns the canonical text of 4 or 16 address bytes: dotted quad for IPv4; for IPv6 the RFC 5952 form
     * (lower case, no leading zeros, the longest run of two or more zero groups, the first if tied, as "::";
     * an IPv4-mapped address as {@code ::ffff:a.b.c.d}).
     */
    static String toText(byte[] bytes) {
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        if (isIpv4Mapped(bytes)) {
            return "::ffff:" + toText(java.util.Arrays.copyOfRange(bytes, 12, 16));
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
