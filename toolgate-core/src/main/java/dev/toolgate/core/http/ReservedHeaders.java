package dev.toolgate.core.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one list of header names a tool may not set through its {@code headers} or header auth, because
 * Toolgate or its HTTP client owns them. The tool parser refuses them when a tool is created or updated
 * ({@code 422} naming the header's {@code key}); the request renderer drops them as a second line of
 * defence, for tools stored before a name joined the list. Names compare case-insensitively (RFC 9110 §5.1).
 *
 * <p>The names, and the rule that reserves each:
 * <ul>
 *   <li>Hop-by-hop fields, which describe one connection and which the HTTP client manages: {@code Connection},
 *       {@code Keep-Alive}, {@code Proxy-Connection}, {@code TE}, {@code Upgrade} (RFC 9110 §7.6.1, §7.8,
 *       §10.1.4), {@code Transfer-Encoding} (RFC 9112 §6.1) and {@code Trailer} (RFC 9110 §6.6.2).</li>
 *   <li>Every {@code Proxy-*} name ({@code Proxy-Authorization}, {@code Proxy-Authenticate}, ...; RFC 9110
 *       §11.7): they are meant for a proxy, and Toolgate never sends through one.</li>
 *   <li>Framing and routing: {@code Host} (RFC 9110 §7.2; taken from the URL), {@code Content-Length}
 *       (RFC 9110 §8.6) and {@code Content-Type} (RFC 9110 §8.3; Toolgate sends its own JSON body).</li>
 *   <li>Negotiation the client does itself: {@code Accept-Encoding} (RFC 9110 §12.5.3; the client offers gzip
 *       and decodes it, so the response cap counts decoded bytes) and {@code Expect} (RFC 9110 §10.1.1).</li>
 *   <li>Headers Toolgate sets on every request: {@code User-Agent} (RFC 9110 §10.1.5) and
 *       {@code Idempotency-Key} (docs/signing.md).</li>
 *   <li>Every name starting with {@code X-Toolgate-} (invocation id, timestamp, signature) or {@code webhook-}
 *       (the Standard Webhooks signature headers; docs/signing.md).</li>
 * </ul>
 */
public final class ReservedHeaders {

    private static final String HOP_BY_HOP = "a hop-by-hop header the HTTP client manages, RFC 9110 §7.6.1";

    /** Lower-case name → why it is reserved. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("connection", HOP_BY_HOP),
            Map.entry("keep-alive", HOP_BY_HOP),
            Map.entry("te", HOP_BY_HOP),
            Map.entry("upgrade", HOP_BY_HOP),
            Map.entry("transfer-encoding", "a hop-by-hop framing header the HTTP client manages, RFC 9112 §6.1"),
            Map.entry("trailer", "a framing header the HTTP client manages, RFC 9110 §6.6.2"),
            Map.entry("host", "it is taken from the URL, RFC 9110 §7.2"),
            Map.entry("content-length", "it frames the body, RFC 9110 §8.6"),
            Map.entry("content-type", "Toolgate sends its own JSON body, RFC 9110 §8.3"),
            Map.entry("accept-encoding", "the HTTP client negotiates and decodes compression itself, RFC 9110 §12.5.3"),
            Map.entry("expect", "the HTTP client manages the exchange, RFC 9110 §10.1.1"),
            Map.entry("user-agent", "Toolgate identifies itself, RFC 9110 §10.1.5"),
            Map.entry("idempotency-key", "Toolgate derives it from the call, docs/signing.md"));

    /** Lower-case prefix → why names starting with it are reserved, in the order checked. */
    private static final List<Map.Entry<String, String>> PREFIXES = List.of(
            Map.entry("proxy-", "proxy headers are meant for a proxy, and Toolgate never uses one, RFC 9110 §11.7"),
            Map.entry("x-toolgate-", "Toolgate's invocation and signature headers, docs/signing.md"),
            Map.entry("webhook-", "the Standard Webhooks signature headers, docs/signing.md"));

    private ReservedHeaders() {}

    /**
     * Returns whether a tool must not set the header {@code name}.
     *
     * @param name a header name, any case; surrounding white space is ignored
     * @throws NullPointerException if {@code name} is null
     */
    public static boolean isReserved(String name) {
        return reason(name).isPresent();
    }

    /**
     * Returns why a tool must not set the header {@code name}, as a sentence fragment naming the rule and its
     * source (e.g. {@code "a hop-by-hop header the HTTP client manages, RFC 9110 §7.6.1"}), or empty when the
     * name is free.
     *
     * @param name a header name, any case; surrounding white space is ignored
     * @throws NullPointerException if {@code name} is null
     */
    public static Optional<String> reason(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        String reason = NAMES.get(lower);
        if (reason != null) {
            return Optional.of(reason);
        }
        for (Map.Entry<String, String> prefix : PREFIXES) {
            if (lower.startsWith(prefix.getKey())) {
                return Optional.of(prefix.getValue());
            }
        }
        return Optional.empty();
    }
}
