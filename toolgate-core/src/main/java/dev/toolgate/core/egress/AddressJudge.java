package dev.toolgate.core.egress;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * Judges names and addresses against the address classes and the operator allowlist (rules 4 to 6 of
 * {@link EgressPolicy}): the part of the policy that {@link GuardedDns} and {@link GuardedSocketFactory} apply on the
 * live path. Immutable and thread-safe.
 *
 * @param allowlist the operator allowlist, in configuration order
 */
record AddressJudge(List<AllowlistEntry> allowlist) {

    /** Returns why the name may not be resolved for {@code port} (-1: for any port), or empty. */
    Optional<UrlInspection.Refused> nameRefusal(String host, int port) {
        for (AllowlistEntry entry : allowlist) {
            if (entry instanceof AllowlistEntry.HostPort hostPort && hostPort.admits(host, port)) {
                return Optional.empty();
            }
        }
        return SpecialNames.refusal(host);
    }

    /**
     * Judges one address for a destination port.
     *
     * @param address the address (an IPv4-mapped IPv6 address is judged as IPv4)
     * @param port the destination port, or -1 to admit what an allowlist entry admits on some port
     * @param hostName the name the address was resolved for, or null for a literal
     */
    AddressVerdict judge(InetAddress address, int port, String hostName) {
        String text = IpLiterals.toText(IpLiterals.toAddress(Cidr.canonicalBytes(address)));
        if (!AddressClassifier.classify(address).blocked()) {
            return new AddressVerdict(text, true, AddressClass.PUBLIC.label());
        }
        String description = AddressClassifier.describe(address);
        for (AllowlistEntry entry : allowlist) {
            boolean admits = switch (entry) {
                case AllowlistEntry.Network network -> network.admits(address, port);
                case AllowlistEntry.HostPort hostPort -> hostName != null && hostPort.admits(hostName, port);
            };
            if (admits) {
                return new AddressVerdict(text, true, "operator allowlist " + entry + " (" + description + ")");
            }
        }
        return new AddressVerdict(text, false, description);
    }

    /** Returns the decision on a name's resolved addresses: denied if any one is blocked. */
    static EgressDecision resolvedDecision(String host, List<AddressVerdict> verdicts) {
        List<AddressVerdict> blocked =
                verdicts.stream().filter(verdict -> !verdict.allowed()).toList();
        if (blocked.isEmpty()) {
            return EgressDecision.allow(verdicts);
        }
        AddressVerdict first = blocked.get(0);
        String more = blocked.size() > 1 ? " and " + (blocked.size() - 1) + " more blocked address(es)" : "";
        return EgressDecision.deny(
                DenyReason.BLOCKED_ADDRESS,
                "host '" + host + "' resolved to blocked address " + first.address() + " (" + first.reason() + ")"
                        + more,
                verdicts);
    }

    /**
     * The connect-time check: judges the exact address and port a socket is about to connect to.
     *
     * @return the endpoint, when allowed
     * @throws EgressDeniedException if the endpoint is unresolved, not an InetSocketAddress, or blocked
     */
    InetSocketAddress checkConnect(SocketAddress endpoint) throws EgressDeniedException {
        if (!(endpoint instanceof InetSocketAddress socketAddress) || socketAddress.isUnresolved()) {
            throw new EgressDeniedException(
                    DenyReason.UNRESOLVED_ADDRESS,
                    "connection refused: the target was not a resolved, checked address");
        }
        String carried = socketAddress.getHostString(); // never a reverse lookup
        String hostName = carried.indexOf(':') >= 0 || IpLiterals.looksNumeric(carried) ? null : carried;
        AddressVerdict verdict = judge(socketAddress.getAddress(), socketAddress.getPort(), hostName);
        if (!verdict.allowed()) {
            throw new EgressDeniedException(
                    DenyReason.BLOCKED_ADDRESS,
                    "connection to " + verdict.address() + " port " + socketAddress.getPort() + " refused: "
                            + verdict.reason());
        }
        return socketAddress;
    }
}
