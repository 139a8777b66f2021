package dev.toolgate.core.tool;

/** How requests to a tool's endpoint are signed (docs/signing.md). */
public enum SignatureScheme {
    /**
     * {@code X-Toolgate-Signature: t=<ts>,v1=<hex HMAC-SHA256>} over {@code <ts>.<rawBody>}: byte-compatible
     * with Stripe's {@code Stripe-Signature} scheme. The key is the UTF-8 bytes of the whole secret string.
     */
    TOOLGATE("toolgate"),
    /**
     * Standard Webhooks 1.0: {@code webhook-id}, {@code webhook-timestamp},
     * {@code webhook-signature: v1,<base64>} over {@code <id>.<ts>.<body>}, keyed by the base64-decoded
     * bytes of a {@code whsec_} secret.
     */
    STANDARD_WEBHOOKS("standard_webhooks");

    private final String wireName;

    SignatureScheme(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the name used in the REST API, e.g. {@code toolgate}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Returns the scheme whose wire name is {@code name}.
     *
     * @throws IllegalArgumentException if none matches
     */
    public static SignatureScheme fromWireName(String name) {
        for (SignatureScheme scheme : values()) {
            if (scheme.wireName.equals(name)) {
                return scheme;
            }
        }
        throw new IllegalArgumentException("unknown signature_scheme: " + name);
    }
}
