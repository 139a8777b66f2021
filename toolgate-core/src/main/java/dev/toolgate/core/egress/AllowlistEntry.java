package dev.toolgate.core.egress;

/** SKELETON (being implemented): one operator allowlist entry: host:port, CIDR or CIDR:port. */
public record AllowlistEntry(String raw) {
    /** Parses one entry; throws IllegalArgumentException on a malformed one. */
    public static AllowlistEntry parse(String raw) {
        return new AllowlistEntry(raw);
    }

    /** Parses a comma-separated list (blank → empty). */
    public static java.util.List<AllowlistEntry> parseList(String commaSeparated) {
        throw new UnsupportedOperationException("skeleton");
    }
}
