package dev.toolgate.core.egress;

/** SKELETON (being completed by the egress work): machine-readable egress deny reasons. */
public enum DenyReason {
    NOT_HTTPS,
    MALFORMED_URL,
    USERINFO,
    BLOCKED_ADDRESS,
    SPECIAL_USE_NAME,
    NON_CANONICAL_IP_LITERAL,
    NO_ADDRESSES
}
