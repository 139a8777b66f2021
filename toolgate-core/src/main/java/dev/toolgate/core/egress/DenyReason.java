package dev.toolgate.core.egress;

/**
 * Why the egress policy refused a destination: a closed set, each with a stable lower-case {@link #key()}
 * (for metrics, logs and the test-fire JSON) and an operator-facing {@link #label()}.
 *
 * <p>All but two are policy refusals, which the executor reports as {@code HTTP_TOOL_BLOCKED_DESTINATION}.
 * {@link #RESOLUTION_FAILED} and {@link #NO_ADDRESSES} are resolution outcomes: they appear only in
 * {@link EgressPolicy#decide(String)}'s dry-run answer, while on the live path the guarded resolver throws
 * {@link java.net.UnknownHostException} for them, which the executor reports as {@code HTTP_TOOL_DNS_ERROR}
 * (see {@link #isResolutionFailure()}).
 */
public enum DenyReason {
    /** The scheme is missing or is not {@code https} (http, ws, file, gopher, jar, ...). */
    NOT_HTTPS("not_https", "only https:// URLs are allowed"),
    /** The URL cannot be parsed unambiguously: no {@code //}, empty host, bad IPv6 text, or parsers disagree. */
    MALFORMED_URL("malformed_url", "the URL is malformed or ambiguous"),
    /** The authority holds userinfo ({@code user:pass@host}), a classic host-confusion vector. */
    USERINFO("userinfo", "user names or passwords in the URL are not allowed"),
    /** The authority holds a backslash, {@code %}, whitespace, a control or non-ASCII character, or similar. */
    ILLEGAL_AUTHORITY_CHARACTER(
            "illegal_authority_character", "the host part contains a character that is not allowed"),
    /** The port is empty, not a number, or outside 1-65535. */
    BAD_PORT("bad_port", "the port must be a number from 1 to 65535"),
    /** A numeric host that is not a canonical dotted quad ({@code 2130706433}, {@code 0177.0.0.1}, {@code 127.1}, ...). */
    NON_CANONICAL_IP_LITERAL(
            "non_canonical_ip_literal", "IPv4 addresses must be written as four decimal numbers (a.b.c.d)"),
    /** An IPv6 literal with a zone identifier ({@code [fe80::1%25eth0]}). */
    ZONE_ID("zone_id", "IPv6 zone identifiers are not allowed"),
    /** localhost, *.localhost or a special-use domain (.local, .internal, .test, ...). */
    SPECIAL_USE_NAME("special_use_name", "the host name is a local or special-use name"),
    /** A host name without a dot ({@code intranet}), which resolves through local search domains. */
    SINGLE_LABEL_NAME("single_label_name", "single-label host names are not allowed; use a fully qualified name"),
    /** The address (a literal, or one a name resolved to) is in a blocked special-purpose range. */
    BLOCKED_ADDRESS("blocked_address", "the destination address is in a blocked (non-public) range"),
    /** A connect was attempted to an address that was never resolved and checked (fail closed). */
    UNRESOLVED_ADDRESS("unresolved_address", "the connection target was not a resolved, checked address"),
    /** The resolver answered with no addresses (dry run only; live: UnknownHostException). */
    NO_ADDRESSES("no_addresses", "the host name resolved to no addresses"),
    /** The resolver failed (dry run only; live: UnknownHostException). */
    RESOLUTION_FAILED("resolution_failed", "the host name could not be resolved");

    private final String key;
    private final String label;

    DenyReason(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** Returns the stable machine key, lower-case with underscores, e.g. {@code "blocked_address"}. */
    public String key() {
        return key;
    }

    /** Returns a short operator-facing sentence fragment, e.g. {@code "only https:// URLs are allowed"}. */
    public String label() {
        return label;
    }

    /**
     * Returns whether this is a resolution outcome rather than a policy refusal: true for
     * {@link #RESOLUTION_FAILED} and {@link #NO_ADDRESSES}, which map to {@code HTTP_TOOL_DNS_ERROR}.
     */
    public boolean isResolutionFailure() {
        return this == RESOLUTION_FAILED || this == NO_ADDRESSES;
    }
}
