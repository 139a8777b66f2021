package dev.toolgate.verify;

import java.util.Objects;

/**
 * The two signature schemes a Toolgate tool can use (its {@code config.signature_scheme}).
 */
public enum Scheme {
    /**
     * {@code X-Toolgate-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...]}: each {@code v1} is the lower-case
     * hex HMAC-SHA256 (RFC 2104) of {@code <t>.<payload>}, keyed by the UTF-8 bytes of the whole secret
     * string ({@code tgsec_...}, prefix included). Byte-compatible with Stripe's {@code Stripe-Signature}.
     */
    TOOLGATE("toolgate"),
    /**
     * Standard Webhooks 1.0 (standardwebhooks.com): {@code webhook-id}, {@code webhook-timestamp} and
     * {@code webhook-signature: v1,<base64>[ v1,<base64>...]} over {@code <id>.<timestamp>.<payload>}, keyed by
     * the base64-decoded bytes after the {@code whsec_} prefix.
     */
    STANDARD_WEBHOOKS("standard_webhooks");

    private final String wireName;

    Scheme(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the name Toolgate's REST API uses for the scheme: {@code toolgate} or {@code standard_webhooks}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Returns the scheme called {@code name} in Toolgate's REST API.
     *
     * @param name {@code toolgate} or {@code standard_webhooks}
     * @throws IllegalArgumentException for any other name
     */
    public static Scheme fromWireName(String name) {
        Objects.requireNonNull(name, "name");
        for (Scheme scheme : values()) {
            if (scheme.wireName.equals(name)) {
                return scheme;
            }
        }
        throw new IllegalArgumentException("unknown signature scheme: " + name);
    }
}
