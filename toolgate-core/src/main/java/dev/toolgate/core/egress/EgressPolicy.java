package dev.toolgate.core.egress;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import okhttp3.Dns;
import okhttp3.OkHttpClient;

/**
 * The egress policy: which destinations a tool call may reach. Immutable and thread-safe.
 *
 * <p>Policy (docs/security.md, "Where a request may go"):
 * <ol>
 *   <li>Scheme {@code https} only, followed by {@code //} and a host; no control character anywhere in the URL
 *       and no white space around it (parsers drop or trim those, and so read another URL).</li>
 *   <li>The authority has no userinfo, backslash, {@code %}, whitespace, control or non-ASCII character;
 *       a port, if given, is 1-65535. The host judged is the one OkHttp's {@code HttpUrl} yields, and the URL
 *       is refused if {@code HttpUrl} or {@code java.net.URI} cannot parse it or disagree on host or port.</li>
 *   <li>IPv4 literals only as canonical dotted quads; every other numeric host is refused, never decoded.
 *       IPv6 literals in brackets, without a zone id.</li>
 *   <li>Addresses: only {@link AddressClass#PUBLIC} ones ({@link AddressClassifier}); IPv4-mapped IPv6 is
 *       judged as IPv4; NAT64, 6to4, Teredo and IPv4-compatible prefixes are blocked whole.</li>
 *   <li>Names: localhost, single-label and special-use names ({@link SpecialNames}) are refused without
 *       resolving. Other names must resolve, and every address must pass: one blocked address denies the
 *       name. An empty answer or a resolver failure is a resolution failure ({@link UnknownHostException}
 *       on the live path, {@link DenyReason#NO_ADDRESSES} / {@link DenyReason#RESOLUTION_FAILED} in
 *       {@link #decide(String)}), not a policy denial.</li>
 *   <li>The operator allowlist ({@link AllowlistEntry}) is the only way past rules 4 and 5.</li>
 * </ol>
 *
 * <p>Use: the executor calls {@link #checkUrl(String)} before sending and builds its client with
 * {@link #applyTo(OkHttpClient.Builder)}; the test fire's dry run calls {@link #decide(String)}.
 */
public final class EgressPolicy {

    /*
     * Threat model. A tenant (or a prompt-injected model filling in arguments) controls the URL and the DNS
     * of the names in it; the attacker wants the request to reach something only Toolgate can reach: cloud
     * metadata (169.254.169.254 and friends), loopback admin ports, the private network. Three classic
     * bypasses, and what stops each:
     *
     * 1. Parser differential. The check and the client read different hosts from one string
     *    ("https://1.1.1.1\@127.0.0.1/", "https://%31%32%37.0.0.1/", full-width digits, "0177.0.0.1" read
     *    as decimal by the JDK and as octal by glibc). Defence: a narrow character set for the authority,
     *    no decoding of anything numeric, and the judged host is OkHttp's own HttpUrl.host(), cross-checked
     *    against java.net.URI; any disagreement refuses (UrlInspection).
     *
     * 2. Literal bypass. OkHttp never calls Dns for a host that looks like an IP address (RouteSelector uses
     *    InetAddress.getByName when canParseAsIpAddress), so a resolver-only guard misses literals. Defence:
     *    checkUrl judges literals itself, and the connect-time guard (GuardedSocketFactory) judges the
     *    InetSocketAddress of every connect, whatever produced it; an unresolved address fails closed.
     *
     * 3. DNS rebinding (time of check vs time of use). A name answers a public address to the check and
     *    127.0.0.1 to the connect. Defence: the check and the connect use the same answer. GuardedDns
     *    resolves once, judges every address, and returns exactly the checked list; OkHttp connects only to
     *    what Dns returns, so the answer is pinned. The socket guard re-judges the address at connect().
     *
     * Also closed: proxies (a JVM-wide https.proxyHost would make the proxy resolve the name: Proxy.NO_PROXY,
     * and sockets are created with Proxy.NO_PROXY so socksProxyHost is ignored too), redirects (never
     * followed, so a 3xx cannot point anywhere) and silent retries on other routes (an executor may turn
     * OkHttp's connection retry back on: every retried connect still passes the guarded Dns and socket).
     *
     * Allowlist and ports. Dns.lookup(host) does not see the port, so GuardedDns admits an address an
     * allowlist entry admits on SOME port (or any address of a name with a host:port entry), and the socket
     * guard, which sees the port, makes the exact decision. It learns the name behind an address from the
     * InetAddress itself: GuardedDns returns addresses created with InetAddress.getByAddress(host, bytes),
     * and OkHttp wraps that very object in the InetSocketAddress it connects to, so getHostString() gives
     * the name without any reverse lookup. A literal has no name, so a host:port entry never admits a
     * literal, and nothing but GuardedDns attaches names.
     */

    /** How many distinct URLs' {@link #checkUrl} verdicts are kept (a tool's URL is checked on every call). */
    static final int CHECKED_URLS = 4096;
    /** A longer URL's verdict is not kept, so the memo holds at most about 8 MiB of keys. */
    static final int MAX_MEMO_URL_CHARS = 2048;

    private final List<AllowlistEntry> allowlist;
    private final Dns resolver;
    private final AddressJudge judge;
    /** {@link #checkUrl} is a pure function of the URL for one policy, so its verdicts can be kept. */
    private final Cache<String, EgressDecision> checked =
            Caffeine.newBuilder().maximumSize(CHECKED_URLS).build();

    private EgressPolicy(Builder builder) {
        this.allowlist = builder.allowlist;
        this.resolver = builder.resolver;
        this.judge = new AddressJudge(builder.allowlist);
    }

    /** Returns a builder: allowlist empty, resolver {@link Dns#SYSTEM}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the production default: no allowlist (no private, loopback or metadata address is reachable), the system resolver. */
    public static EgressPolicy ofDefaults() {
        return builder().build();
    }

    /** Returns the operator allowlist, in configuration order; immutable, empty by default. */
    public List<AllowlistEntry> allowlist() {
        return allowlist;
    }

    /**
     * Checks a raw URL without any DNS: {@link #checkSyntax(String) the syntax}, then special names and, for
     * an IP literal, the address.
     *
     * @param rawUrl the URL as it will be sent (any string; null is refused)
     * <p>No DNS, no clock, no state: the verdict depends on the URL and this policy only, so the verdicts of the
     * last {@value #CHECKED_URLS} distinct URLs (of at most {@value #MAX_MEMO_URL_CHARS} characters) are kept and a
     * tool's URL, checked on every call, is parsed once.
     *
     * @return allowed when the request may proceed to resolution (for a literal: may connect), with the
     *     literal's verdict in {@code addresses}; otherwise the denial. Never throws.
     */
    public EgressDecision checkUrl(String rawUrl) {
        if (rawUrl == null || rawUrl.length() > MAX_MEMO_URL_CHARS) {
            return inspect(rawUrl);
        }
        return checked.get(rawUrl, this::inspect);
    }

    private EgressDecision inspect(String rawUrl) {
        return switch (UrlInspection.of(rawUrl)) {
            case UrlInspection.Refused refused -> EgressDecision.deny(refused.reason(), refused.message(), List.of());
            case UrlInspection.Target target -> checkTarget(target);
        };
    }

    /**
     * Checks only the syntax of a raw URL, the part of {@link #checkUrl(String)} that holds for every policy:
     * rules 1-3 of the class comment, plus the refusal of control characters anywhere and of surrounding
     * white space (a parser that drops or trims them reads another URL than the one written). Special names
     * and addresses are not judged, since the allowlist decides those. Pure: no DNS. The tool parser applies
     * this when a tool is saved, so that a URL is refused then rather than rewritten.
     *
     * @param rawUrl the URL as written (any string; null is refused)
     * @return allowed, with no addresses, when the syntax is acceptable; otherwise the denial with one of
     *     {@link DenyReason#NOT_HTTPS}, {@link DenyReason#MALFORMED_URL}, {@link DenyReason#USERINFO},
     *     {@link DenyReason#ILLEGAL_AUTHORITY_CHARACTER}, {@link DenyReason#BAD_PORT},
     *     {@link DenyReason#NON_CANONICAL_IP_LITERAL} or {@link DenyReason#ZONE_ID}. Never throws.
     */
    public static EgressDecision checkSyntax(String rawUrl) {
        return switch (UrlInspection.of(rawUrl)) {
            case UrlInspection.Refused refused -> EgressDecision.deny(refused.reason(), refused.message(), List.of());
            case UrlInspection.Target target -> EgressDecision.allow(List.of());
        };
    }

    /**
     * Checks a URL like {@link #checkUrl(String)}, then resolves a host name through the resolver and judges
     * every address on the URL's port: the test fire's dry run. Nothing is connected.
     *
     * @param rawUrl the URL as it will be sent
     * @return the decision with one verdict per address; denied if any address is blocked, and with
     *     {@link DenyReason#RESOLUTION_FAILED} or {@link DenyReason#NO_ADDRESSES} when resolution fails
     *     (the live path reports those as DNS errors, not as blocked destinations)
     */
    public EgressDecision decide(String rawUrl) {
        EgressDecision checked = checkUrl(rawUrl);
        if (!checked.allowed() || !checked.addresses().isEmpty()) {
            return checked; // refused, or an IP literal, whose verdict is the decision
        }
        UrlInspection.Target target = (UrlInspection.Target) UrlInspection.of(rawUrl);
        List<InetAddress> answers;
        try {
            answers = resolver.lookup(target.host());
        } catch (UnknownHostException e) {
            return EgressDecision.deny(
                    DenyReason.RESOLUTION_FAILED, "host '" + target.host() + "' could not be resolved", List.of());
        }
        if (answers == null || answers.isEmpty()) {
            return EgressDecision.deny(
                    DenyReason.NO_ADDRESSES, "host '" + target.host() + "' resolved to no addresses", List.of());
        }
        List<AddressVerdict> verdicts = answers.stream()
                .map(address -> judge.judge(address, target.port(), target.host()))
                .toList();
        return AddressJudge.resolvedDecision(target.host(), verdicts);
    }

    /**
     * Installs the guards on an OkHttp client builder: a guarded {@link Dns} (resolve once, judge every
     * address, return exactly the checked list), a guarded {@link javax.net.SocketFactory} (judge the address
     * at {@code connect()}, fail closed on an unresolved one), {@link Proxy#NO_PROXY}, no redirects (plain or
     * TLS) and no retry on connection failure. Other settings (timeouts, TLS) are left to the caller, who may turn
     * OkHttp's connection retry back on ({@code HttpExecutor} does): a retried connect still passes both guards.
     *
     * <p>Inside calls, a refusal surfaces as {@link EgressDeniedException}; a resolution failure (including
     * an empty answer) as {@link UnknownHostException}. OkHttp may report a refusal on one route as a
     * suppressed exception of another route's failure.
     *
     * @param builder the builder to configure
     * @return {@code builder}, for chaining
     */
    public OkHttpClient.Builder applyTo(OkHttpClient.Builder builder) {
        return applyTo(builder, GuardedSocketFactory.ConnectObserver.NONE);
    }

    /** As {@link #applyTo(OkHttpClient.Builder)}, with an observer told of every checked connect (tests). */
    OkHttpClient.Builder applyTo(OkHttpClient.Builder builder, GuardedSocketFactory.ConnectObserver observer) {
        return builder.dns(new GuardedDns(judge, resolver))
                .socketFactory(new GuardedSocketFactory(judge, observer))
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false);
    }

    private EgressDecision checkTarget(UrlInspection.Target target) {
        if (target.literal() != null) {
            AddressVerdict verdict = judge.judge(target.literal(), target.port(), null);
            return verdict.allowed()
                    ? EgressDecision.allow(List.of(verdict))
                    : EgressDecision.deny(
                            DenyReason.BLOCKED_ADDRESS,
                            "address " + verdict.address() + " is blocked: " + verdict.reason(),
                            List.of(verdict));
        }
        return judge.nameRefusal(target.host(), target.port())
                .map(refused -> EgressDecision.deny(refused.reason(), refused.message(), List.of()))
                .orElseGet(() -> EgressDecision.allow(List.of()));
    }

    /** The judge of names and addresses under this policy's allowlist, as the live-path guards apply it. */
    AddressJudge judge() {
        return judge;
    }

    /**
     * The connect-time check: judges the exact address and port a socket is about to connect to.
     *
     * @return the endpoint, when allowed
     * @throws EgressDeniedException if the endpoint is unresolved, not an InetSocketAddress, or blocked
     */
    InetSocketAddress checkConnect(SocketAddress endpoint) throws EgressDeniedException {
        return judge.checkConnect(endpoint);
    }

    /** Builds an {@link EgressPolicy}. Not thread-safe; the policy it builds is. */
    public static final class Builder {
        private List<AllowlistEntry> allowlist = List.of();
        private Dns resolver = Dns.SYSTEM;

        private Builder() {}

        /**
         * Sets the operator allowlist (default empty), e.g. from {@link AllowlistEntry#parseList(String)}.
         *
         * @param entries the entries, in order
         * @return this builder
         * @throws NullPointerException if {@code entries} or an entry is null
         */
        public Builder allowlist(List<AllowlistEntry> entries) {
            this.allowlist = List.copyOf(entries);
            return this;
        }

        /**
         * Sets the resolver names are looked up with (default {@link Dns#SYSTEM}); tests pass a fake one.
         *
         * @param resolver the resolver; OkHttp's contract: throws UnknownHostException on failure
         * @return this builder
         * @throws NullPointerException if {@code resolver} is null
         */
        public Builder resolver(Dns resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /** Returns the policy. */
        public EgressPolicy build() {
            return new EgressPolicy(this);
        }
    }
}
