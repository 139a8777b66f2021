package dev.toolgate.core.render;

import java.util.Locale;
import java.util.Set;

/**
 * Header names a tool may not set through its {@code headers} or header auth, because Toolgate or the HTTP
 * client owns them. The tool parser rejects them when a tool is saved; the renderer ignores them as a
 * second line of defence.
 *
 * <p>The set: framing and connection headers ({@code Host}, {@code Content-Length}, {@code Content-Type},
 * {@code Transfer-Encoding}, {@code Connection}, and the other hop-by-hop fields of RFC 9110 §7.6.1 and
 * RFC 9112: {@code Keep-Alive}, {@code Proxy-Connection}, {@code TE}, {@code Trailer}, {@code Upgrade}),
 * the headers Toolgate sets ({@code User-Agent}, {@code Idempotency-Key}), and every name starting with
 * {@code X-Toolgate-} or {@code webhook-} (signatures, Standard Webhooks). Names compare case-insensitively.
 */
public final class ReservedHeaders {

    private static final Set<String> NAMES = Set.of(
            "host",
            "content-length",
            "content-type",
            "transfer-encoding",
            "connection",
            "keep-alive",
            "proxy-connection",
            "te",
            "trailer",
            "upgrade",
            "user-agent",
            "idempotency-key");

    private static final Set<String> PREFIXES = Set.of("x-toolgate-", "webhook-");

    private ReservedHeaders() {}

    /** Returns whether a tool must not set the header {@code name}. */
    public static boolean isReserved(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        if (NAMES.contains(lower)) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
