package dev.toolgate.core.egress;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One operator allowlist entry ({@code TOOLGATE_EGRESS_ALLOWLIST}): the only way to reach an address or
 * name the egress policy blocks. Entries are dangerous by design; the server logs them at startup.
 *
 * <p>Accepted forms (whitespace around an entry is ignored; ports are 1-65535):
 * <pre>
 *   api.corp.example:8443     a host NAME on one port: the name skips the special-use/single-label name
 *                             rule on that port, and the addresses it resolves to are admitted on that port
 *   127.0.0.1:8443            one IPv4 address on one port (a /32)
 *   127.0.0.1                 one IPv4 address, any port
 *   10.0.0.0/8                an IPv4 block, any port
 *   10.1.0.0/16:443           an IPv4 block on one port
 *   [fd00::1]:8443            one IPv6 address on one port (a /128)
 *   [fd00::1]                 one IPv6 address, any port
 *   fd00::/8  or  [fd00::/8]  an IPv6 block, any port
 *   [fd00::/8]:443            an IPv6 block on one port (the prefix goes inside the brackets)
 * </pre>
 * Refused: a host name without a port, a bare IPv6 address without brackets ({@code ::1:443} would be
 * ambiguous), IPv4 in any but canonical dotted-quad form, IPv4-mapped IPv6
 * (write the IPv4 form), zone ids, and blocks with bits set after the prefix ({@code 10.0.0.1/8}).
 */
public sealed interface AllowlistEntry permits AllowlistEntry.HostPort, AllowlistEntry.Network {

    /**
     * Parses one entry.
     *
     * @param raw the entry text, e.g. {@code "10.0.0.0/8:443"}
     * @return the entry
     * @throws IllegalArgumentException if the entry is malformed; the message names the entry and the rule
     */
    static AllowlistEntry parse(String raw) {
        Objects.requireNonNull(raw, "allowlist entry");
        String text = raw.strip();
        try {
            return parseTrimmed(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad egress allowlist entry '" + text + "': " + e.getMessage(), e);
        }
    }

    /**
     * Parses a comma-separated list, as in {@code TOOLGATE_EGRESS_ALLOWLIST}.
     *
     * @param commaSeparated entries separated by commas; null or blank gives an empty list
     * @return the entries, in order; immutable
     * @throws IllegalArgumentException if any entry is malformed or empty (e.g. a doubled comma); the message
     *     names the entry's position
     */
    static List<AllowlistEntry> parseList(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        String[] parts = commaSeparated.split(",", -1);
        List<AllowlistEntry> entries = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                throw new IllegalArgumentException(
                        "egress allowlist entry " + (i + 1) + " of " + parts.length + " is empty");
            }
            try {
                entries.add(parse(parts[i]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "egress allowlist entry " + (i + 1) + " of " + parts.length + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(entries);
    }

    /**
     * A host name on one port.
     *
     * @param host the name, lower case, without a trailing dot; never an IP literal
     * @param port 1-65535
     */
    record HostPort(String host, int port) implements AllowlistEntry {
        /** Validates; see {@link AllowlistEntry} for the rules. */
        public HostPort {
            Objects.requireNonNull(host, "host");
            host = SpecialNames.normalise(host);
            if (!host.matches("[a-z0-9-]{1,63}(\\.[a-z0-9-]{1,63})*") || host.length() > 253) {
                throw new IllegalArgumentException("'" + host
                        + "' is not a host name (ASCII letters, digits, hyphens and dots; punycode for IDN)");
            }
            if (IpLiterals.looksNumeric(host)) {
                throw new IllegalArgumentException("'" + host + "' is numeric but not a canonical IPv4 address");
            }
            checkPort(port);
        }

        /** Returns whether the entry admits {@code name} (any case, one trailing dot ignored) on {@code destinationPort}; -1 = on some port. */
        boolean admits(String name, int destinationPort) {
            return host.equals(SpecialNames.normalise(name)) && (destinationPort == -1 || destinationPort == port);
        }

        /** Returns the entry in its canonical form, {@code host:port}. */
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /**
     * An address block, optionally on one port; a single address is a /32 or /128.
     *
     * @param network the network address: an Inet4Address, or an Inet6Address that is not IPv4-mapped
     * @param prefixLength 0-32 for IPv4, 0-128 for IPv6; no address bits may be set after it
     * @param port the one port admitted, or empty for any port
     */
    record Network(InetAddress network, int prefixLength, OptionalInt port) implements AllowlistEntry {
        /** Validates; see {@link AllowlistEntry} for the rules. */
        public Network {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(port, "port");
            if (IpLiterals.isIpv4Mapped(network.getAddress())) {
                throw new IllegalArgumentException("write IPv4-mapped addresses in IPv4 form");
            }
            Cidr.of(network.getAddress(), prefixLength);
            port.ifPresent(AllowlistEntry::checkPort);
        }

        /** Returns whether the entry admits {@code address} on {@code destinationPort}; -1 = on some port. */
        boolean admits(InetAddress address, int destinationPort) {
            return Cidr.of(network.getAddress(), prefixLength).contains(Cidr.canonicalBytes(address))
                    && (destinationPort == -1 || port.isEmpty() || port.getAsInt() == destinationPort);
        }

        /**
         * Returns the entry in its canonical form, which {@link AllowlistEntry#parse(String)} reads back: e.g.
         * {@code 10.0.0.0/8:443}, {@code 127.0.0.1}, {@code [::1]}, {@code [fd00::/8]:443} (IPv6 always in brackets).
         */
        @Override
        public String toString() {
            boolean v6 = network.getAddress().length == 16;
            boolean single = prefixLength == (v6 ? 128 : 32);
            String base = IpLiterals.toText(network) + (single ? "" : "/" + prefixLength);
            return (v6 ? "[" + base + "]" : base) + (port.isEmpty() ? "" : ":" + port.getAsInt());
        }
    }

    private static AllowlistEntry parseTrimmed(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty entry");
        }
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']'");
            }
            String rest = text.substring(close + 1);
            if (rest.startsWith("/")) {
                throw new IllegalArgumentException("put the prefix inside the brackets, e.g. [2001:db8::/32]:443");
            }
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new IllegalArgumentException("unexpected text after ']'");
            }
            return network(
                    text.substring(1, close),
                    true,
                    rest.isEmpty() ? OptionalInt.empty() : OptionalInt.of(parsePort(rest.substring(1))));
        }
        int colons = (int) text.chars().filter(c -> c == ':').count();
        if (colons > 1) { // bare IPv6: only a block; a bare address like ::1:443 would be ambiguous
            if (!text.contains("/")) {
                throw new IllegalArgumentException(
                        "write an IPv6 address in brackets, e.g. [" + text + "] or [" + text + "]:443");
            }
            return network(text, true, OptionalInt.empty());
        }
        String host = colons == 1 ? text.substring(0, text.indexOf(':')) : text;
        OptionalInt port =
                colons == 1 ? OptionalInt.of(parsePort(text.substring(text.indexOf(':') + 1))) : OptionalInt.empty();
        if (host.contains("/") || IpLiterals.looksNumeric(host)) {
            return network(host, false, port);
        }
        if (port.isEmpty()) {
            throw new IllegalArgumentException("a host name entry needs a port, e.g. " + host + ":443");
        }
        return new HostPort(host, port.getAsInt());
    }

    private static Network network(String text, boolean ipv6, OptionalInt port) {
        if (text.indexOf('%') >= 0) {
            throw new IllegalArgumentException("zone ids are not allowed");
        }
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = ipv6 ? IpLiterals.parseIpv6(address) : IpLiterals.parseCanonicalIpv4(address);
        if (bytes == null) {
            throw new IllegalArgumentException(
                    ipv6
                            ? "'" + address + "' is not a valid IPv6 address"
                            : "'" + address
                                    + "' is not a canonical IPv4 address (four decimal numbers 0-255, no leading zeros)");
        }
        if (IpLiterals.isIpv4Mapped(bytes)) {
            throw new IllegalArgumentException("write IPv4-mapped addresses in IPv4 form");
        }
        int maxPrefix = bytes.length * 8;
        int prefix = maxPrefix;
        if (slash >= 0) {
            String prefixText = text.substring(slash + 1);
            if (!prefixText.matches("[0-9]{1,3}") || Integer.parseInt(prefixText) > maxPrefix) {
                throw new IllegalArgumentException("prefix length must be a number from 0 to " + maxPrefix);
            }
            prefix = Integer.parseInt(prefixText);
        }
        try {
            return new Network(IpLiterals.toAddress(bytes), prefix, port);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    e.getMessage() + "; did you mean " + IpLiterals.toText(maskedNetwork(bytes, prefix)) + "/" + prefix
                            + "?",
                    e);
        }
    }

    private static byte[] maskedNetwork(byte[] bytes, int prefix) {
        byte[] masked = bytes.clone();
        for (int bit = prefix; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return masked;
    }

    private static int parsePort(String text) {
        if (!text.matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("port '" + text + "' is not a number from 1 to 65535");
        }
        int port = Integer.parseInt(text);
        checkPort(port);
        return port;
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not from 1 to 65535");
        }
    }
}
