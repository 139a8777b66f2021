package dev.toolgate.verify;

import java.util.Objects;

/**
 * The request's signature did not verify. Answer it with 401 and do not act on the request. The message
 * says what was wrong (never a secret or an expected signature) and is meant for the endpoint's own log;
 * {@link #reason()} is the same as a value.
 */
public final class SignatureVerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a request was refused; every kit in {@code examples/} reports the same names. */
    public enum Reason {
        /** A header the scheme needs is absent or empty ({@code X-Toolgate-Signature}, or a {@code webhook-*}). */
        MISSING_HEADER,
        /** A header is present but not in the scheme's syntax (e.g. no {@code t=}, or a timestamp that is not a number). */
        MALFORMED_HEADER,
        /** The header carries signatures, but none of version {@code v1}, the one this verifier understands. */
        NO_SUPPORTED_SIGNATURE,
        /** No {@code v1} signature matches any of the verifier's secrets: wrong secret, or the request was altered. */
        NO_MATCHING_SIGNATURE,
        /** The signature is genuine but its timestamp is older than the tolerance allows (a replay, or a slow clock). */
        TIMESTAMP_TOO_OLD,
        /** The signature is genuine but its timestamp lies further in the future than the tolerance allows. */
        TIMESTAMP_IN_FUTURE
    }

    private final Reason reason;

    /**
     * @param reason why the request was refused
     * @param message a description safe to log: it must not contain a secret
     */
    public SignatureVerificationException(Reason reason, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Returns why the request was refused. */
    public Reason reason() {
        return reason;
    }
}
