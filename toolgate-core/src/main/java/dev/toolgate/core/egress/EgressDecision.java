package dev.toolgate.core.egress;

import java.util.List;

/**
 * The egress verdict on one URL, as shown by a test fire ({@code "egress": {"allowed","reason","addresses"}}).
 *
 * @param allowed whether the request may go out
 * @param reason why it was denied (operator-facing sentence), or null when allowed
 * @param denyReason the machine-readable reason, or null when allowed
 * @param addresses the addresses considered (literal or resolved), each with its verdict; empty when the URL
 *     itself was refused before any address was known
 */
public record EgressDecision(boolean allowed, String reason, DenyReason denyReason, List<AddressVerdict> addresses) {
    public EgressDecision {
        addresses = List.copyOf(addresses == null ? List.of() : addresses);
    }
}
