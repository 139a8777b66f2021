package dev.toolgate.core.egress;

import java.util.List;

/**
 * The egress verdict on one URL, as shown by a test fire ({@code "egress": {"allowed","reason","addresses"}}).
 *
 * @param allowed whether the request may go out (for {@link EgressPolicy#checkUrl(String)}: may proceed to
 *     resolution)
 * @param reason why it was denied (operator-facing sentence), or null when allowed
 * @param denyReason the machine-readable reason: non-null exactly when {@code allowed} is false
 * @param addresses the addresses considered (literal or resolved), each with its verdict; empty when the URL
 *     itself was refused before any address was known, or when a host name was not resolved yet
 */
public record EgressDecision(boolean allowed, String reason, DenyReason denyReason, List<AddressVerdict> addresses) {
    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if {@code denyReason} is null for a denial or non-null for an allowance
     */
    public EgressDecision {
        if (allowed != (denyReason == null)) {
            throw new IllegalArgumentException("denyReason must be set exactly when the decision is a denial");
        }
        if (!allowed && (reason == null || reason.isBlank())) {
            reason = denyReason.label();
        }
        addresses = List.copyOf(addresses == null ? List.of() : addresses);
    }

    /** Returns an allowance with the given address verdicts. */
    static EgressDecision allow(List<AddressVerdict> addresses) {
        return new EgressDecision(true, null, null, addresses);
    }

    /** Returns a denial with a reason sentence and the address verdicts known so far. */
    static EgressDecision deny(DenyReason denyReason, String reason, List<AddressVerdict> addresses) {
        return new EgressDecision(false, reason, denyReason, addresses);
    }

    /** Returns the exception the guarded resolver or socket would throw for this denial. */
    EgressDeniedException toException() {
        return new EgressDeniedException(denyReason, reason);
    }
}
