package dev.toolgate.core.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Dns;

/**
 * The resolver OkHttp uses under the egress policy: refuses special names and numeric hosts without
 * resolving, resolves a name once, judges every address, and returns exactly the checked list (OkHttp
 * connects only to what Dns returns, so the answer is pinned and cannot be rebound between check and
 * connect).
 *
 * <p>Dns does not see the port, so an address is let through if the allowlist admits it on some port;
 * the socket guard makes the exact decision. Each returned address carries the name it was resolved for
 * ({@link InetAddress#getByAddress(String, byte[])}), which the socket guard reads back for host:port
 * allowlist entries.
 */
final class GuardedDns implements Dns {
    private final AddressJudge judge;
    private final Dns resolver;

    GuardedDns(AddressJudge judge, Dns resolver) {
        this.judge = judge;
        this.resolver = resolver;
    }

    /**
     * Resolves and judges {@code hostname}.
     *
     * <p>Throws {@link EgressDeniedException} if the name or any of its addresses is refused (nothing was
     * connected). {@link Dns#lookup} declares only {@link UnknownHostException}, but a refusal must not look
     * like a resolution failure, so the refusal is thrown undeclared: Java checks exceptions only at compile
     * time, and OkHttp (Kotlin) treats any {@link java.io.IOException} from Dns as the call's failure.
     *
     * @throws UnknownHostException if the resolver fails or answers with no addresses
     */
    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        try {
            return guardedLookup(hostname);
        } catch (EgressDeniedException e) {
            throw GuardedDns.<RuntimeException>undeclared(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T undeclared(Throwable throwable) throws T {
        throw (T) throwable;
    }

    private List<InetAddress> guardedLookup(String hostname) throws UnknownHostException, EgressDeniedException {
        String host = hostname.toLowerCase(java.util.Locale.ROOT);
        if (host.indexOf(':') >= 0 || IpLiterals.looksNumeric(host)) {
            return List.of(literal(host));
        }
        var refusal = judge.nameRefusal(host, -1);
        if (refusal.isPresent()) {
            throw new EgressDeniedException(
                    refusal.get().reason(), refusal.get().message());
        }
        List<InetAddress> answers = resolver.lookup(hostname);
        if (answers == null || answers.isEmpty()) {
            throw new UnknownHostException(hostname + ": the resolver returned no addresses");
        }
        List<AddressVerdict> verdicts =
                answers.stream().map(address -> judge.judge(address, -1, host)).toList();
        EgressDecision decision = AddressJudge.resolvedDecision(host, verdicts);
        if (!decision.allowed()) {
            throw decision.toException();
        }
        List<InetAddress> pinned = new ArrayList<>(answers.size());
        for (InetAddress address : answers) {
            pinned.add(named(hostname, address));
        }
        return List.copyOf(pinned);
    }

    /** OkHttp never asks Dns about literals; judge one anyway rather than resolve it. */
    private InetAddress literal(String host) throws EgressDeniedException {
        byte[] bytes = host.indexOf(':') >= 0 ? IpLiterals.parseIpv6(host) : IpLiterals.parseCanonicalIpv4(host);
        if (bytes == null) {
            throw new EgressDeniedException(
                    DenyReason.NON_CANONICAL_IP_LITERAL,
                    "host '" + host + "' is numeric but not a canonical IP address");
        }
        InetAddress address = IpLiterals.toAddress(bytes);
        AddressVerdict verdict = judge.judge(address, -1, null);
        if (!verdict.allowed()) {
            throw new EgressDeniedException(
                    DenyReason.BLOCKED_ADDRESS, "address " + verdict.address() + " is blocked: " + verdict.reason());
        }
        return address;
    }

    /** Returns the same address carrying {@code hostname}, keeping an IPv6 scope id. */
    private static InetAddress named(String hostname, InetAddress address) throws UnknownHostException {
        if (address instanceof Inet6Address v6 && v6.getScopeId() != 0) {
            return Inet6Address.getByAddress(hostname, v6.getAddress(), v6.getScopeId());
        }
        return InetAddress.getByAddress(hostname, address.getAddress());
    }
}
