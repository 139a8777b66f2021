/**
 * The egress policy: which destinations a tool call may reach, and the guards that enforce it inside
 * OkHttp.
 *
 * <p>Public API: {@link dev.toolgate.core.egress.EgressPolicy} (check a URL, decide with resolution, guard a
 * client), {@link dev.toolgate.core.egress.AllowlistEntry} (the operator's way in),
 * {@link dev.toolgate.core.egress.AddressClassifier} and {@link dev.toolgate.core.egress.AddressClass} (the
 * IANA special-purpose tables), and the values {@link dev.toolgate.core.egress.EgressDecision},
 * {@link dev.toolgate.core.egress.AddressVerdict}, {@link dev.toolgate.core.egress.DenyReason} and
 * {@link dev.toolgate.core.egress.EgressDeniedException}. The threat model is a block comment in
 * {@code EgressPolicy}; its package-private {@code AddressJudge} judges names and addresses against the allowlist for
 * the guards ({@code GuardedDns}, {@code GuardedSocketFactory}).
 */
package dev.toolgate.core.egress;
