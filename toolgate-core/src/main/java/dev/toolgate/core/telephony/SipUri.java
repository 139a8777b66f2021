package dev.toolgate.core.telephony;

import dev.toolgate.core.egress.AddressClass;
import dev.toolgate.core.egress.AddressClassifier;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/**
 * A SIP or SIPS URI of the form {@code sip:user@host[:port]}: a strict subset of the {@code SIP-URI} and
 * {@code SIPS-URI} rules of RFC 3261 section 19.1 (grammar in section 25.1).
 *
 * <ul>
 *   <li>scheme {@code sip} or {@code sips}, any case;</li>
 *   <li>{@code user} required, 1–{@value #MAX_USER} characters of {@code unreserved / escaped /
 *       user-unreserved} (letters, digits, {@code -_.!~*'()&=+$,;?/} and {@code %HH} escapes);</li>
 *   <li>no password ({@code user:password@} is refused: a credential does not belong in a tool config);</li>
 *   <li>{@code host} a host name, an IPv4 address or a bracketed IPv6 reference, checked by
 *       {@link java.net.URI}'s server-based authority parser (RFC 2396 host names: the last label starts
 *       with a letter); an IP literal must be a public unicast address (see
 *       {@link AddressClassifier}); host names are not resolved here;</li>
 *   <li>{@code port} optional, 1–65535;</li>
 *   <li>no URI parameters ({@code ;transport=...} after the host) and no headers ({@code ?...}).</li>
 * </ul>
 * The whole URI is at most {@value #MAX_LENGTH} characters. The checks walk the text once; no regular
 * expression is involved.
 *
 * @param secure true for {@code sips:}
 * @param user the user part as written (case-sensitive, escapes kept)
 * @param host the host, lower-cased; an IPv6 reference keeps its brackets
 * @param port the port, or -1 when absent
 */
public record SipUri(boolean secure, String user, String host, int port) {

    /** The longest accepted URI, in characters. */
    public static final int MAX_LENGTH = 256;

    /** The longest accepted user part, in characters. */
    public static final int MAX_USER = 64;

    /** An example used in messages. */
    public static final String EXAMPLE = "sip:frontdesk@pbx.example.com";

    private static final String USER_MARKS = "-_.!~*'()&=+$,;?/";

    public SipUri {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
    }

    /** Returns whether {@code text} starts like a SIP URI ({@code sip:} or {@code sips:}, any case). */
    public static boolean looksLikeSip(String text) {
        if (text == null) {
            return false;
        }
        String lower = text.length() > 5 ? text.substring(0, 5).toLowerCase(Locale.ROOT) : text;
        return lower.startsWith("sip:") || lower.startsWith("sips:");
    }

    /**
     * Parses and checks a SIP URI.
     *
     * @param text the URI; any text
     * @return the URI, or a problem saying which part is wrong
     */
    public static Parsed<SipUri> parse(String text) {
        if (text == null || !looksLikeSip(text)) {
            return problem("must start with sip: or sips:");
        }
        if (text.length() > MAX_LENGTH) {
            return problem("must be at most " + MAX_LENGTH + " characters");
        }
        boolean secure = Character.toLowerCase(text.charAt(3)) == 's';
        String rest = text.substring(secure ? 5 : 4);
        int at = rest.indexOf('@');
        if (at < 0) {
            return problem("needs a user part: user@host");
        }
        String userInfo = rest.substring(0, at);
        String hostPort = rest.substring(at + 1);
        String userProblem = userProblem(userInfo);
        if (userProblem != null) {
            return problem(userProblem);
        }
        for (int i = 0; i < hostPort.length(); i++) {
            char c = hostPort.charAt(i);
            if (c == ';' || c == '?') {
                return problem("must not have URI parameters (;...) or headers (?...) after the host");
            }
            if (c == '@' || c == '/' || c == '#' || c == '%' || c <= ' ' || c >= 0x7f) {
                return problem("has a character that is not allowed in a host: '" + printable(c) + "'");
            }
        }
        return hostPort(secure, userInfo, hostPort);
    }

    /** Returns the URI in its normalized form: lower-case scheme and host, user as written. */
    public String text() {
        return (secure ? "sips:" : "sip:") + user + "@" + host + (port < 0 ? "" : ":" + port);
    }

    @Override
    public String toString() {
        return text();
    }

    private static String userProblem(String user) {
        if (user.isEmpty()) {
            return "needs a user part before @";
        }
        if (user.length() > MAX_USER) {
            return "user part must be at most " + MAX_USER + " characters";
        }
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (c == ':') {
                return "must not carry a password (user:password@): put credentials in the SIP trunk, not the URI";
            }
            if (c == '%') {
                if (i + 2 >= user.length() || !isHex(user.charAt(i + 1)) || !isHex(user.charAt(i + 2))) {
                    return "user part has a % that is not followed by two hex digits";
                }
                i += 2;
                continue;
            }
            if (!isAlphanumeric(c) && USER_MARKS.indexOf(c) < 0) {
                return "user part has a character that is not allowed (RFC 3261 user): '" + printable(c) + "'";
            }
        }
        return null;
    }

    private static Parsed<SipUri> hostPort(boolean secure, String user, String hostPort) {
        if (hostPort.isEmpty()) {
            return problem("needs a host after @");
        }
        if (hostPort.endsWith(":")) {
            return problem("has an empty port after the host");
        }
        URI uri;
        try {
            uri = new URI("sip://" + hostPort);
        } catch (URISyntaxException e) {
            return problem("has a host that is not a valid host name or IP address");
        }
        String host = uri.getHost();
        if (host == null || !hostPort.equals(uri.getRawAuthority())) {
            return problem("has a host that is not a valid host name or IP address");
        }
        int port = uri.getPort();
        if (port == 0 || port > 65535) {
            return problem("port must be between 1 and 65535");
        }
        host = host.toLowerCase(Locale.ROOT);
        String ipProblem = ipLiteralProblem(host);
        if (ipProblem != null) {
            return problem(ipProblem);
        }
        return new Parsed.Ok<>(new SipUri(secure, user, host, port));
    }

    /** An IP literal must be public unicast; java.net.URI has already checked its syntax. */
    private static String ipLiteralProblem(String host) {
        boolean ipv6 = host.startsWith("[");
        boolean ipv4 = !ipv6 && host.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
        if (!ipv4 && !ipv6) {
            return null;
        }
        String literal = ipv6 ? host.substring(1, host.length() - 1) : host;
        InetAddress address;
        try {
            // A literal is only checked for its format; no lookup happens (InetAddress.getByName contract).
            address = InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return "has an IP address that is not valid";
        }
        AddressClass addressClass = AddressClassifier.classify(address);
        if (addressClass != AddressClass.PUBLIC) {
            return "has an IP address that is not public unicast: " + AddressClassifier.describe(address);
        }
        return null;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String printable(char c) {
        return c < ' ' || c >= 0x7f ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }

    private static Parsed<SipUri> problem(String message) {
        return new Parsed.Problem<>(message);
    }
}
