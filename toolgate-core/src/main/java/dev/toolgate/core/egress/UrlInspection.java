package dev.toolgate.core.egress;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * The syntactic half of the URL check: scheme, authority characters, port, IP literal form, and agreement
 * between parsers. Pure: no DNS. The result is either the {@link Target} OkHttp will connect to or a
 * {@link Refused} reason.
 *
 * <p>Parser differential: a check is only as good as its agreement with the client that connects. So a URL
 * with a control character anywhere (OkHttp drops tabs and line breaks, others stop at them) or with white
 * space around it (OkHttp trims it) is refused whole; the authority is then held to a narrow character set
 * (no {@code @}, {@code \}, {@code %}, whitespace, control or non-ASCII characters); then the URL is parsed
 * by OkHttp's {@link HttpUrl} (the host the executor actually connects to) and the authority by {@link URI};
 * any failure or disagreement on host or port refuses the URL (fail closed).
 */
sealed interface UrlInspection permits UrlInspection.Target, UrlInspection.Refused {

    /** RFC 3986 §3.1 scheme syntax (compiled once: this runs on every call). */
    java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    /** A port is 1 to 5 decimal digits (its range is checked separately). */
    java.util.regex.Pattern PORT = java.util.regex.Pattern.compile("[0-9]{1,5}");
    /** The only characters a host may have here: letters, digits, dots, underscores and hyphens. */
    java.util.regex.Pattern HOST_CHARACTERS = java.util.regex.Pattern.compile("[A-Za-z0-9._-]+");

    /**
     * The destination a URL designates.
     *
     * @param host the host as OkHttp holds it: lower case, a name (possibly with a trailing dot), a dotted
     *     quad or RFC 5952-style IPv6 text without brackets
     * @param literal the address when the host is an IP literal, else null
     * @param port the port, 1-65535 (443 when absent)
     */
    record Target(String host, InetAddress literal, int port) implements UrlInspection {}

    /** A refusal: the reason and an operator-facing sentence (never holding the path or query, which may hold secrets). */
    record Refused(DenyReason reason, String message) implements UrlInspection {}

    /** Inspects {@code rawUrl}; see the type's Javadoc. */
    static UrlInspection of(String rawUrl) {
        if (rawUrl == null || rawUrl.isEmpty()) {
            return new Refused(DenyReason.MALFORMED_URL, "the URL is empty");
        }
        if (!rawUrl.strip().equals(rawUrl)) {
            return new Refused(
                    DenyReason.MALFORMED_URL, "the URL starts or ends with white space, which parsers trim or reject");
        }
        for (int i = 0; i < rawUrl.length(); i++) {
            char c = rawUrl.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
                return inAuthority(rawUrl, i)
                        ? new Refused(
                                DenyReason.ILLEGAL_AUTHORITY_CHARACTER,
                                "the host part contains whitespace or a control character")
                        : new Refused(
                                DenyReason.MALFORMED_URL,
                                "the URL contains a control character (such as a tab or line break), which parsers"
                                        + " drop or read differently");
            }
        }
        int colon = rawUrl.indexOf(':');
        String scheme = colon > 0 ? rawUrl.substring(0, colon) : "";
        if (!SCHEME.matcher(scheme).matches()) {
            return new Refused(DenyReason.NOT_HTTPS, "the URL has no scheme; only https:// URLs are allowed");
        }
        if (!scheme.equalsIgnoreCase("https")) {
            return new Refused(
                    DenyReason.NOT_HTTPS,
                    "scheme '" + scheme.toLowerCase(Locale.ROOT) + "' is not allowed; only https:// URLs are allowed");
        }
        if (!rawUrl.startsWith("//", colon + 1)) {
            return new Refused(DenyReason.MALFORMED_URL, "'https:' must be followed by '//' and a host");
        }
        int start = colon + 3;
        int end = start;
        while (end < rawUrl.length() && "/?#".indexOf(rawUrl.charAt(end)) < 0) {
            end++;
        }
        String authority = rawUrl.substring(start, end);
        UrlInspection authorityCheck = checkAuthority(authority);
        return authorityCheck instanceof Target target ? crossCheck(rawUrl, authority, target) : authorityCheck;
    }

    /** Returns whether {@code index} lies in the authority: after the first "://" and before any '/', '?' or '#'. */
    private static boolean inAuthority(String rawUrl, int index) {
        int separator = rawUrl.indexOf("://");
        if (separator < 0 || index < separator + 3) {
            return false;
        }
        for (int i = separator + 3; i < index; i++) {
            if ("/?#".indexOf(rawUrl.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static UrlInspection checkAuthority(String authority) {
        if (authority.isEmpty()) {
            return new Refused(DenyReason.MALFORMED_URL, "the URL has no host");
        }
        if (authority.indexOf('@') >= 0) {
            return new Refused(DenyReason.USERINFO, "user names or passwords ('@') in the URL are not allowed");
        }
        boolean bracketed = authority.startsWith("[");
        for (int i = 0; i < authority.length(); i++) {
            char c = authority.charAt(i);
            if (c == '%' && bracketed) {
                return new Refused(DenyReason.ZONE_ID, "IPv6 zone identifiers ('%') are not allowed");
            }
            String problem = c == '%'
                    ? "percent-encoding ('%')"
                    : c == '\\'
                            ? "a backslash"
                            : c <= 0x20 || c == 0x7f
                                    ? "whitespace or a control character"
                                    : c > 0x7e
                                            ? "a non-ASCII character (write internationalised names in punycode, xn--)"
                                            : null;
            if (problem != null) {
                return new Refused(DenyReason.ILLEGAL_AUTHORITY_CHARACTER, "the host part contains " + problem);
            }
        }
        String host;
        String portText;
        if (bracketed) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return new Refused(DenyReason.MALFORMED_URL, "an IPv6 literal is missing its closing ']'");
            }
            host = authority.substring(1, close);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return new Refused(DenyReason.MALFORMED_URL, "unexpected text after the IPv6 literal");
            }
            portText = rest.isEmpty() ? null : rest.substring(1);
        } else {
            int firstColon = authority.indexOf(':');
            if (firstColon != authority.lastIndexOf(':')) {
                return new Refused(
                        DenyReason.MALFORMED_URL,
                        "an IPv6 literal must be written in brackets, e.g. https://[2001:db8::1]/");
            }
            host = firstColon < 0 ? authority : authority.substring(0, firstColon);
            portText = firstColon < 0 ? null : authority.substring(firstColon + 1);
        }
        int port = 443;
        if (portText != null) {
            if (!PORT.matcher(portText).matches()
                    || Integer.parseInt(portText) < 1
                    || Integer.parseInt(portText) > 65535) {
                return new Refused(DenyReason.BAD_PORT, "port '" + portText + "' is not a number from 1 to 65535");
            }
            port = Integer.parseInt(portText);
        }
        return bracketed ? ipv6Target(host, port) : hostTarget(host, port);
    }

    private static UrlInspection ipv6Target(String text, int port) {
        byte[] bytes = IpLiterals.parseIpv6(text);
        if (bytes == null) {
            return new Refused(DenyReason.MALFORMED_URL, "'[" + text + "]' is not a valid IPv6 address");
        }
        InetAddress address = IpLiterals.toAddress(bytes);
        return new Target(IpLiterals.toText(address), address, port);
    }

    private static UrlInspection hostTarget(String rawHost, int port) {
        if (rawHost.isEmpty()) {
            return new Refused(DenyReason.MALFORMED_URL, "the URL has no host");
        }
        if (!HOST_CHARACTERS.matcher(rawHost).matches()) {
            return new Refused(
                    DenyReason.ILLEGAL_AUTHORITY_CHARACTER,
                    "host '" + rawHost + "' contains a character that is not allowed in a host name");
        }
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (IpLiterals.looksNumeric(host)) {
            byte[] bytes = IpLiterals.parseCanonicalIpv4(host);
            if (bytes == null) {
                return new Refused(
                        DenyReason.NON_CANONICAL_IP_LITERAL,
                        "host '" + rawHost
                                + "' is a numeric host but not a canonical IPv4 address (four decimal numbers 0-255, no leading zeros)");
            }
            return new Target(host, IpLiterals.toAddress(bytes), port);
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty() || name.startsWith(".") || name.contains("..")) {
            return new Refused(DenyReason.MALFORMED_URL, "host '" + rawHost + "' has an empty label");
        }
        if (name.length() > 253) {
            return new Refused(DenyReason.MALFORMED_URL, "the host name is longer than 253 characters");
        }
        for (String label : name.split("\\.")) {
            if (label.length() > 63) {
                return new Refused(
                        DenyReason.MALFORMED_URL, "host '" + rawHost + "' has a label longer than 63 characters");
            }
        }
        return new Target(host, null, port);
    }

    /** Parses with OkHttp (the connecting client) and java.net.URI; refuses on failure or any disagreement. */
    private static UrlInspection crossCheck(String rawUrl, String authority, Target target) {
        HttpUrl okhttp = HttpUrl.parse(rawUrl);
        if (okhttp == null || !"https".equals(okhttp.scheme())) {
            return new Refused(DenyReason.MALFORMED_URL, "the URL cannot be parsed by the HTTP client");
        }
        if (!sameHost(okhttp.host(), target) || okhttp.port() != target.port()) {
            return new Refused(DenyReason.MALFORMED_URL, "URL parsers disagree on the host of this URL");
        }
        URI uri;
        try {
            uri = new URI("https://" + authority + "/");
        } catch (URISyntaxException e) {
            return new Refused(DenyReason.MALFORMED_URL, "the host part is not valid RFC 3986 syntax");
        }
        if (uri.getHost() == null) {
            return new Refused(
                    DenyReason.MALFORMED_URL,
                    "'" + authority
                            + "' is not a valid RFC 3986 host (underscores, leading hyphens and numeric top-level labels are refused)");
        }
        String uriHost = uri.getHost().startsWith("[")
                ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        int uriPort = uri.getPort() == -1 ? 443 : uri.getPort();
        if (!sameHost(uriHost, target) || uriPort != target.port()) {
            return new Refused(DenyReason.MALFORMED_URL, "URL parsers disagree on the host of this URL");
        }
        return target;
    }

    private static boolean sameHost(String parsedHost, Target target) {
        if (target.literal() == null) {
            return parsedHost.toLowerCase(Locale.ROOT).equals(target.host());
        }
        byte[] parsed = parsedHost.indexOf(':') >= 0
                ? IpLiterals.parseIpv6(parsedHost)
                : IpLiterals.parseCanonicalIpv4(parsedHost);
        return parsed != null && IpLiterals.toAddress(parsed).equals(target.literal());
    }
}
