package dev.toolgate.core.egress;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Host names refused without resolving them: they name this machine or a local network, or can never
 * resolve in the public DNS, so a resolver answering for them answers with something local.
 *
 * <p>The list (each also matches every name under it; case-insensitive, one trailing dot ignored):
 * <ul>
 *   <li>{@code localhost} - RFC 6761 section 6.3 (the name and every name under it)</li>
 *   <li>{@code local} - multicast DNS, RFC 6762</li>
 *   <li>{@code internal} - reserved for private use by ICANN (Board resolution 2024.07.29.06);
 *       {@code metadata.google.internal} lives here</li>
 *   <li>{@code arpa} - the infrastructure domain, RFC 3172: {@code home.arpa} (RFC 8375), reverse zones
 *       {@code in-addr.arpa} / {@code ip6.arpa}, {@code ipv4only.arpa} (RFC 8880), {@code resolver.arpa}
 *       (RFC 9462); no tenant endpoint lives under .arpa</li>
 *   <li>{@code test}, {@code invalid}, {@code example} - RFC 6761 sections 6.2, 6.4, 6.5 (the TLD only:
 *       example.com/.net/.org are delegated names with public addresses and are judged like any other)</li>
 *   <li>{@code onion} - RFC 7686; {@code alt} - RFC 9476</li>
 *   <li>{@code localdomain} - not reserved, but the de-facto /etc/hosts domain of the local machine</li>
 *   <li>{@code home}, {@code corp}, {@code mail} - never to be delegated (ICANN name-collision resolution
 *       2018.02.04.12); common internal names</li>
 * </ul>
 * Single-label names ({@code intranet}, {@code instance-data}) are refused too: a resolver completes them
 * with local search domains.
 */
final class SpecialNames {
    static final List<String> SPECIAL_USE_DOMAINS = List.of(
            "localhost",
            "local",
            "internal",
            "arpa",
            "test",
            "invalid",
            "example",
            "onion",
            "alt",
            "localdomain",
            "home",
            "corp",
            "mail");

    private SpecialNames() {}

    /**
     * Returns why {@code host} must not be resolved, or empty if it may be.
     *
     * @param host a host name (not an IP literal), any case, with or without one trailing dot
     */
    static Optional<UrlInspection.Refused> refusal(String host) {
        String name = normalise(host);
        for (String domain : SPECIAL_USE_DOMAINS) {
            if (name.equals(domain) || name.endsWith("." + domain)) {
                return Optional.of(new UrlInspection.Refused(
                        DenyReason.SPECIAL_USE_NAME,
                        "host '" + name + "' is under the special-use domain ." + domain + " and is never resolved"));
            }
        }
        if (name.indexOf('.') < 0) {
            return Optional.of(new UrlInspection.Refused(
                    DenyReason.SINGLE_LABEL_NAME,
                    "host '" + name + "' is a single-label name; use a fully qualified name"));
        }
        return Optional.empty();
    }

    /** Returns {@code host} in lower case without one trailing dot. */
    static String normalise(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
