package dev.toolgate.core.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * checkUrl: the pure pre-flight check (no DNS). Tables follow docs/security.md, "Where a request may go":
 * literal encodings, authority confusion, schemes, host normalisation.
 */
class EgressPolicyCheckUrlTest {

    private final EgressPolicy policy = EgressPolicy.ofDefaults();

    static Stream<Arguments> allowedUrls() {
        return Stream.of(
                argumentSet("plain name", "https://example.com/"),
                argumentSet("scheme and host in upper case", "HTTPS://API.Example.COM/path?q=1"),
                argumentSet("explicit port", "https://api.example.com:8443/x"),
                argumentSet("lowest and highest port", "https://example.com:1/"),
                argumentSet("highest port", "https://example.com:65535/"),
                argumentSet("zero-padded port is still the port", "https://example.com:0443/"),
                argumentSet("punycode IDN", "https://xn--bcher-kva.de/"),
                // a trailing dot on a NAME is a fully qualified name; OkHttp and URI agree on it
                argumentSet("fully qualified name with trailing dot", "https://example.com./"),
                // example.com is a delegated name with public addresses, unlike the .example TLD
                argumentSet("example.com is not the .example TLD", "https://example.com/"),
                argumentSet("public IPv4 literal", "https://1.1.1.1/"),
                argumentSet("public IPv6 literal", "https://[2606:4700:4700::1111]/"),
                argumentSet("public IPv6 literal, upper case", "https://[2A00:1450:4001::]:443/"),
                // mapped IPv6 is judged as the IPv4 inside, which is public here
                argumentSet("IPv4-mapped public address", "https://[::ffff:8.8.8.8]/"),
                // '@' after '#' or '?' is not in the authority: OkHttp connects to example.com
                argumentSet("'@' in the fragment", "https://example.com#@127.0.0.1/"),
                argumentSet("'@' in the fragment after a path", "https://example.com/x#@localhost"),
                argumentSet("'@' and '\\' in the fragment of a public literal", "https://8.8.8.8/#\\@127.0.0.1"),
                argumentSet("space inside the path", "https://example.com/a b"),
                argumentSet("'@' in the query", "https://example.com?@127.0.0.1/"),
                argumentSet("backslash in the path, not the authority", "https://example.com/a\\b"));
    }

    @ParameterizedTest
    @MethodSource("allowedUrls")
    void allowsPublicHttpsUrls(String url) {
        EgressDecision decision = policy.checkUrl(url);

        assertThat(decision.allowed()).as(decision.reason()).isTrue();
        assertThat(decision.denyReason()).isNull();
    }

    static Stream<Arguments> literalEncodingCorpus() {
        return Stream.of(
                argumentSet("decimal dword", "https://2130706433/", DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet(
                        "decimal dword of a PUBLIC address is refused too",
                        "https://134744072/",
                        DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet("hex dword", "https://0x7f000001/", DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet(
                        "hex dword of a public address", "https://0x08080808/", DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet("hex first octet", "https://0x7f.0.0.1/", DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet("bare 0x", "https://0x/", DenyReason.NON_CANONICAL_IP_LITERAL),
                // JDK reads 0177 as decimal 177, glibc and WHATWG as octal 127: never decode
                argumentSet("octal first octet", "https://0177.0.0.1/", DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet("octal 10/8", "https://012.0.0.1/", DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet("octal dword", "https://017700000001/", DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet("mixed hex and octal", "https://0x7f.0.0.01/", DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet("short form a.b", "https://127.1/", DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet("short form a.b.c", "https://127.0.1/", DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet("single zero", "https://0/", DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet("zero-padded octets", "https://127.000.000.001/", DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet("one zero-padded octet", "https://8.8.8.08/", DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet("over-long hex", "https://0x41414141A9FEA9FE/", DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet(
                        "out-of-range octets that wrap on some parsers",
                        "https://425.510.425.510/",
                        DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet("octet 256", "https://256.0.0.1/", DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet("dword overflow", "https://4294967296/", DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet("five parts", "https://1.2.3.4.5/", DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet("trailing dot on a literal", "https://127.0.0.1./", DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet(
                        "trailing dot on a public literal", "https://8.8.8.8./", DenyReason.NON_CANONICAL_IP_LITERAL),
                // WHATWG "ends in a number": the last label makes it an IPv4 attempt
                argumentSet("name ending in a hex label", "https://example.0x10/", DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet("name ending in a number", "https://example.123/", DenyReason.NON_CANONICAL_IP_LITERAL),
                argumentSet(
                        "percent-encoded digits", "https://%31%32%37.0.0.1/", DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                argumentSet(
                        "percent-encoded letter in localhost",
                        "https://local%68ost/",
                        DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                argumentSet(
                        "full-width digits and dots",
                        "https://\uff11\uff12\uff17\uff0e\uff10\uff0e\uff10\uff0e\uff11/",
                        DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                argumentSet(
                        "ideographic full stops",
                        "https://127\u30020\u30020\u30021/",
                        DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                argumentSet(
                        "enclosed alphanumerics digits",
                        "https://\u2460\u2461\u2466.0.0.1/",
                        DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                argumentSet(
                        "enclosed alphanumerics localhost",
                        "https://\u24db\u24de\u24d2\u24d0\u24db\u24d7\u24de\u24e2\u24e3/",
                        DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                // the same decodings of a PUBLIC address are refused too: never decode, whatever the result
                argumentSet(
                        "percent-encoded public address", "https://%38.8.8.8/", DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                argumentSet("percent-encoded dot", "https://example%2Ecom/", DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                argumentSet(
                        "ideographic full stops, public",
                        "https://8\u30028\u30028\u30028/",
                        DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                argumentSet(
                        "full-width full stops, public",
                        "https://8\uff0e8\uff0e8\uff0e8/",
                        DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                argumentSet(
                        "half-width ideographic full stops",
                        "https://example\uff61com/",
                        DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                argumentSet(
                        "full-width digits of a public address",
                        "https://\uff18.\uff18.\uff18.\uff18/",
                        DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                argumentSet(
                        "unicode IDN (write punycode)",
                        "https://b\u00fccher.de/",
                        DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                argumentSet("canonical loopback", "https://127.0.0.1/", DenyReason.BLOCKED_ADDRESS),
                argumentSet(
                        "canonical metadata", "https://169.254.169.254/latest/meta-data/", DenyReason.BLOCKED_ADDRESS),
                argumentSet("Alibaba metadata", "https://100.100.100.200/", DenyReason.BLOCKED_ADDRESS),
                argumentSet("Oracle metadata", "https://192.0.0.192/", DenyReason.BLOCKED_ADDRESS),
                argumentSet("all-zero address", "https://0.0.0.0/", DenyReason.BLOCKED_ADDRESS),
                argumentSet("broadcast", "https://255.255.255.255/", DenyReason.BLOCKED_ADDRESS),
                argumentSet("IPv6 unspecified", "https://[::]/", DenyReason.BLOCKED_ADDRESS),
                argumentSet("IPv6 loopback", "https://[::1]/", DenyReason.BLOCKED_ADDRESS),
                argumentSet("IPv6 loopback, zero-padded", "https://[0000::1]/", DenyReason.BLOCKED_ADDRESS),
                argumentSet("IPv6 loopback, long form", "https://[0:0:0:0:0:0:0:1]/", DenyReason.BLOCKED_ADDRESS),
                argumentSet("mapped loopback, dotted", "https://[::ffff:127.0.0.1]/", DenyReason.BLOCKED_ADDRESS),
                argumentSet("mapped loopback, hex", "https://[::ffff:7f00:1]/", DenyReason.BLOCKED_ADDRESS),
                argumentSet(
                        "mapped metadata, long form",
                        "https://[0:0:0:0:0:ffff:a9fe:a9fe]/",
                        DenyReason.BLOCKED_ADDRESS),
                argumentSet("IPv4-compatible loopback", "https://[::127.0.0.1]/", DenyReason.BLOCKED_ADDRESS),
                argumentSet("NAT64 metadata", "https://[64:ff9b::a9fe:a9fe]/", DenyReason.BLOCKED_ADDRESS),
                argumentSet("6to4 metadata", "https://[2002:a9fe:a9fe::]/", DenyReason.BLOCKED_ADDRESS),
                argumentSet("AWS IPv6 metadata", "https://[fd00:ec2::254]/", DenyReason.BLOCKED_ADDRESS),
                argumentSet(
                        "mapped with non-canonical IPv4 tail",
                        "https://[::ffff:0177.0.0.1]/",
                        DenyReason.MALFORMED_URL),
                argumentSet("over-long IPv6 group", "https://[::00001]/", DenyReason.MALFORMED_URL));
    }

    @ParameterizedTest
    @MethodSource("literalEncodingCorpus")
    void refusesEveryNonCanonicalOrBlockedLiteral(String url, DenyReason expected) {
        EgressDecision decision = policy.checkUrl(url);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.denyReason()).as(decision.reason()).isEqualTo(expected);
    }

    static Stream<Arguments> authorityConfusion() {
        return Stream.of(
                argumentSet("userinfo", "https://user@example.com/", DenyReason.USERINFO),
                argumentSet("empty userinfo", "https://@example.com/", DenyReason.USERINFO),
                argumentSet("empty userinfo before a public literal", "https://@8.8.8.8/", DenyReason.USERINFO),
                argumentSet("empty password", "https://:@example.com/", DenyReason.USERINFO),
                argumentSet("user and password", "https://user:pass@example.com/", DenyReason.USERINFO),
                argumentSet(
                        "public-looking userinfo before a private host",
                        "https://example.com@127.0.0.1/",
                        DenyReason.USERINFO),
                argumentSet("encoded '/' in userinfo", "https://a%2F@example.com/", DenyReason.USERINFO),
                // java.net.URL and OkHttp read different hosts from these two
                argumentSet("backslash-at (1)", "https://127.0.0.1\\@1.1.1.1/", DenyReason.USERINFO),
                argumentSet("backslash-at (2)", "https://1.1.1.1\\@127.0.0.1/", DenyReason.USERINFO),
                argumentSet("Orange Tsai's triple host", "https://1.1.1.1 &@2.2.2.2# @3.3.3.3/", DenyReason.USERINFO),
                argumentSet("port, backslash and at", "https://a:80\\@@b.example.com/", DenyReason.USERINFO),
                argumentSet(
                        "backslash without at",
                        "https://example.com\\.evil.example.net/",
                        DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                argumentSet("space in host", "https://exa mple.com/", DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                argumentSet("tab in host", "https://exa\tmple.com/", DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                argumentSet(
                        "NUL in host", "https://example.com\u0000.evil.net/", DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                argumentSet("DEL in host", "https://example.com\u007f/", DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                argumentSet(
                        "other punctuation in host", "https://exa!mple.com/", DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                argumentSet("bracket in a name", "https://example.com]/", DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                argumentSet("bracketed IPv4", "https://[127.0.0.1]/", DenyReason.MALFORMED_URL),
                argumentSet("zone id, encoded", "https://[::1%25lo]/", DenyReason.ZONE_ID),
                argumentSet("link-local with zone id", "https://[fe80::1%25eth0]/", DenyReason.ZONE_ID),
                argumentSet("unbracketed IPv6", "https://::1/", DenyReason.MALFORMED_URL),
                argumentSet("unbracketed IPv6 with port", "https://::1:443/", DenyReason.MALFORMED_URL),
                argumentSet("unclosed bracket", "https://[::1/", DenyReason.MALFORMED_URL),
                argumentSet("text after bracket", "https://[::1]x/", DenyReason.MALFORMED_URL),
                argumentSet("invalid IPv6", "https://[::g]/", DenyReason.MALFORMED_URL),
                argumentSet("two ports", "https://example.com:443:443/", DenyReason.MALFORMED_URL),
                argumentSet("port 0", "https://example.com:0/", DenyReason.BAD_PORT),
                argumentSet("port 65536", "https://example.com:65536/", DenyReason.BAD_PORT),
                argumentSet("port 99999", "https://example.com:99999/", DenyReason.BAD_PORT),
                argumentSet("empty port", "https://example.com:/", DenyReason.BAD_PORT),
                argumentSet("negative port", "https://example.com:-1/", DenyReason.BAD_PORT),
                argumentSet("port with letters", "https://example.com:443abc/", DenyReason.BAD_PORT),
                argumentSet("bad port on IPv6 literal", "https://[2606:4700:4700::1111]:0/", DenyReason.BAD_PORT),
                argumentSet("no host", "https:///example.com", DenyReason.MALFORMED_URL),
                argumentSet("empty authority before a public literal", "https:///8.8.8.8/", DenyReason.MALFORMED_URL),
                argumentSet(
                        "backslash ending a public host", "https://8.8.8.8\\/", DenyReason.ILLEGAL_AUTHORITY_CHARACTER),
                // parsers drop or trim these, so they would read another URL than the one written
                argumentSet("tab in the path", "https://example.com/a\tb", DenyReason.MALFORMED_URL),
                argumentSet("line break in the path", "https://example.com/a\nb", DenyReason.MALFORMED_URL),
                argumentSet("CR LF in the query", "https://example.com/?a=\r\nHost:x", DenyReason.MALFORMED_URL),
                argumentSet("NUL in the fragment", "https://example.com/#\u0000", DenyReason.MALFORMED_URL),
                argumentSet("C1 control in the path", "https://example.com/\u009b", DenyReason.MALFORMED_URL),
                argumentSet("tab inside the scheme", "ht\ttps://example.com/", DenyReason.MALFORMED_URL),
                argumentSet("trailing space", "https://example.com/ ", DenyReason.MALFORMED_URL),
                argumentSet("trailing line break", "https://example.com/\n", DenyReason.MALFORMED_URL),
                argumentSet("ideographic space before", "\u3000https://example.com/", DenyReason.MALFORMED_URL),
                argumentSet("nothing after //", "https://", DenyReason.MALFORMED_URL),
                argumentSet("only a port", "https://:443/", DenyReason.MALFORMED_URL),
                // a host before '#@' or '?@' is what is judged: here it is local
                argumentSet(
                        "fragment-at with a local host",
                        "https://localhost#@example.com/",
                        DenyReason.SPECIAL_USE_NAME),
                argumentSet(
                        "query-at with a local host", "https://127.0.0.1?@example.com/", DenyReason.BLOCKED_ADDRESS));
    }

    @ParameterizedTest
    @MethodSource("authorityConfusion")
    void refusesAuthorityConfusion(String url, DenyReason expected) {
        EgressDecision decision = policy.checkUrl(url);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.denyReason()).as(decision.reason()).isEqualTo(expected);
    }

    static Stream<Arguments> otherSchemes() {
        return Stream.of(
                argumentSet("http", "http://example.com/", DenyReason.NOT_HTTPS),
                argumentSet("HTTP upper case", "HTTP://example.com/", DenyReason.NOT_HTTPS),
                argumentSet("ws", "ws://example.com/", DenyReason.NOT_HTTPS),
                argumentSet("wss", "wss://example.com/", DenyReason.NOT_HTTPS),
                argumentSet("file", "file:///etc/passwd", DenyReason.NOT_HTTPS),
                argumentSet("gopher", "gopher://127.0.0.1:6379/_INFO", DenyReason.NOT_HTTPS),
                argumentSet("ftp", "ftp://example.com/", DenyReason.NOT_HTTPS),
                argumentSet("dict", "dict://127.0.0.1:11211/stat", DenyReason.NOT_HTTPS),
                argumentSet("ldap", "ldap://127.0.0.1/", DenyReason.NOT_HTTPS),
                argumentSet("tftp", "tftp://127.0.0.1/x", DenyReason.NOT_HTTPS),
                argumentSet("jar wrapping https", "jar:https://example.com/x.jar!/", DenyReason.NOT_HTTPS),
                argumentSet("netdoc", "netdoc:///etc/passwd", DenyReason.NOT_HTTPS),
                argumentSet("data", "data:text/plain,hello", DenyReason.NOT_HTTPS),
                argumentSet("javascript", "javascript:alert(1)", DenyReason.NOT_HTTPS),
                argumentSet("https look-alike", "httpss://example.com/", DenyReason.NOT_HTTPS),
                argumentSet("https+unix", "https+unix://example.com/", DenyReason.NOT_HTTPS),
                argumentSet("scheme-relative", "//example.com/", DenyReason.NOT_HTTPS),
                argumentSet("no scheme", "example.com/path", DenyReason.NOT_HTTPS),
                argumentSet("leading space", " https://example.com/", DenyReason.MALFORMED_URL),
                argumentSet("empty", "", DenyReason.MALFORMED_URL),
                // OkHttp reads a host from these; the policy requires "//"
                argumentSet("opaque https", "https:1.1.1.1/", DenyReason.MALFORMED_URL),
                argumentSet("one slash", "https:/1.1.1.1/", DenyReason.MALFORMED_URL),
                argumentSet("backslashes instead of slashes", "https:\\\\1.1.1.1/", DenyReason.MALFORMED_URL));
    }

    @ParameterizedTest
    @MethodSource("otherSchemes")
    void refusesEverySchemeButHttps(String url, DenyReason expected) {
        EgressDecision decision = policy.checkUrl(url);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.denyReason()).as(decision.reason()).isEqualTo(expected);
    }

    /** The syntax half alone: what the tool parser applies at save time, whatever the allowlist says. */
    @Test
    void checksSyntaxWithoutJudgingNamesOrAddresses() {
        assertThat(EgressPolicy.checkSyntax("https://127.0.0.1/").allowed()).isTrue();
        assertThat(EgressPolicy.checkSyntax("https://localhost/").allowed()).isTrue();
        assertThat(EgressPolicy.checkSyntax("https://%38.8.8.8/").denyReason())
                .isEqualTo(DenyReason.ILLEGAL_AUTHORITY_CHARACTER);
        assertThat(EgressPolicy.checkSyntax("https://example.com/\t").denyReason())
                .isEqualTo(DenyReason.MALFORMED_URL);
        assertThat(EgressPolicy.checkSyntax(null).allowed()).isFalse();
    }

    @Test
    void refusesNullUrl() {
        EgressDecision decision = policy.checkUrl(null);

        assertThat(decision.denyReason()).isEqualTo(DenyReason.MALFORMED_URL);
    }

    static Stream<Arguments> hostNames() {
        return Stream.of(
                argumentSet("localhost", "https://localhost/", DenyReason.SPECIAL_USE_NAME),
                argumentSet("LOCALHOST upper case", "https://LOCALHOST/", DenyReason.SPECIAL_USE_NAME),
                argumentSet("localhost with trailing dot", "https://localhost./", DenyReason.SPECIAL_USE_NAME),
                argumentSet(
                        "localhost, mixed case, dot and port", "https://LocalHost.:8443/", DenyReason.SPECIAL_USE_NAME),
                argumentSet("subdomain of localhost", "https://api.localhost/", DenyReason.SPECIAL_USE_NAME),
                argumentSet("GCP metadata name", "https://metadata.google.internal/", DenyReason.SPECIAL_USE_NAME),
                argumentSet("mDNS", "https://printer.local/", DenyReason.SPECIAL_USE_NAME),
                argumentSet("home.arpa", "https://router.home.arpa/", DenyReason.SPECIAL_USE_NAME),
                argumentSet("reverse zone", "https://1.0.0.127.in-addr.arpa/", DenyReason.SPECIAL_USE_NAME),
                argumentSet(".test", "https://api.test/", DenyReason.SPECIAL_USE_NAME),
                argumentSet(".invalid", "https://api.invalid/", DenyReason.SPECIAL_USE_NAME),
                argumentSet(".example TLD", "https://api.example/", DenyReason.SPECIAL_USE_NAME),
                argumentSet(".localdomain", "https://host.localdomain/", DenyReason.SPECIAL_USE_NAME),
                argumentSet(".onion", "https://abc.onion/", DenyReason.SPECIAL_USE_NAME),
                argumentSet(".alt", "https://abc.alt/", DenyReason.SPECIAL_USE_NAME),
                argumentSet(".corp", "https://wiki.corp/", DenyReason.SPECIAL_USE_NAME),
                argumentSet("single label", "https://intranet/", DenyReason.SINGLE_LABEL_NAME),
                argumentSet("EC2 metadata alias", "https://instance-data/", DenyReason.SINGLE_LABEL_NAME),
                argumentSet("single label with trailing dot", "https://intranet./", DenyReason.SINGLE_LABEL_NAME),
                argumentSet("ip6-localhost (single label)", "https://ip6-localhost/", DenyReason.SINGLE_LABEL_NAME),
                // java.net.URI refuses these hosts, and public CAs may not issue certificates with underscores
                argumentSet("underscore", "https://foo_bar.example.com/", DenyReason.MALFORMED_URL),
                argumentSet("leading hyphen", "https://-foo.example.com/", DenyReason.MALFORMED_URL),
                argumentSet("empty label", "https://a..example.com/", DenyReason.MALFORMED_URL),
                argumentSet("leading dot", "https://.example.com/", DenyReason.MALFORMED_URL),
                argumentSet("two trailing dots", "https://example.com../", DenyReason.MALFORMED_URL),
                argumentSet(
                        "64-character label", "https://" + "a".repeat(64) + ".example.com/", DenyReason.MALFORMED_URL),
                argumentSet(
                        "254-character name",
                        "https://" + "abcdefghi.".repeat(25) + "info/",
                        DenyReason.MALFORMED_URL));
    }

    @ParameterizedTest
    @MethodSource("hostNames")
    void refusesLocalAndMalformedNamesWithoutResolving(String url, DenyReason expected) {
        EgressDecision decision = policy.checkUrl(url);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.denyReason()).as(decision.reason()).isEqualTo(expected);
    }

    @Test
    void reportsTheVerdictOnABlockedLiteral() {
        EgressDecision decision = policy.checkUrl("https://169.254.169.254/latest/meta-data/");

        assertThat(decision.addresses())
                .containsExactly(new AddressVerdict(
                        "169.254.169.254", false, "link-local 169.254.0.0/16 (RFC 3927); cloud metadata service"));
        assertThat(decision.reason())
                .isEqualTo(
                        "address 169.254.169.254 is blocked: link-local 169.254.0.0/16 (RFC 3927); cloud metadata service");
    }

    @Test
    void reportsMappedLiteralAsTheIpv4ItConnectsTo() {
        EgressDecision decision = policy.checkUrl("https://[::ffff:7f00:1]/");

        assertThat(decision.addresses()).extracting(AddressVerdict::address).containsExactly("127.0.0.1");
    }

    @Test
    void reportsTheVerdictOnAnAllowedLiteral() {
        EgressDecision decision = policy.checkUrl("https://[2606:4700:4700:0:0:0:0:1111]/");

        assertThat(decision.addresses())
                .containsExactly(new AddressVerdict("2606:4700:4700::1111", true, "public unicast"));
    }

    @Test
    void leavesNamesUnresolvedInCheckUrl() {
        EgressDecision decision = EgressPolicy.builder()
                .resolver(hostname -> {
                    throw new AssertionError("checkUrl must not resolve " + hostname);
                })
                .build()
                .checkUrl("https://api.example.com/");

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.addresses()).isEmpty();
    }

    @Test
    void neverEchoesPathOrQueryWhichMayHoldSecrets() {
        EgressDecision http = policy.checkUrl("http://example.com/hook?token=s3cret");
        EgressDecision userinfo = policy.checkUrl("https://admin:s3cret@example.com/hook?token=s3cret");
        EgressDecision blocked = policy.checkUrl("https://127.0.0.1/hook?token=s3cret");

        assertThat(http.reason()).doesNotContain("s3cret");
        assertThat(userinfo.reason()).doesNotContain("s3cret").doesNotContain("admin");
        assertThat(blocked.reason()).doesNotContain("s3cret");
    }

    /**
     * Guard test: pins what OkHttp does with inputs the raw checks refuse before OkHttp sees them. If an OkHttp
     * upgrade changes one of these, re-read UrlInspection: these decodings are why '%', non-ASCII and '\' are
     * refused in the authority rather than left to the parser.
     */
    static Stream<Arguments> okHttpDecodings() {
        return Stream.of(
                argumentSet("percent-decodes the host", "https://%31%32%37.0.0.1/", "127.0.0.1"),
                argumentSet("folds full-width digits", "https://\uff11\uff12\uff17.\uff10.\uff10.\uff11/", "127.0.0.1"),
                argumentSet("maps ideographic full stops", "https://127\u30020\u30020\u30021/", "127.0.0.1"),
                argumentSet(
                        "maps enclosed alphanumerics",
                        "https://\u24db\u24de\u24d2\u24d0\u24db\u24d7\u24de\u24e2\u24e3/",
                        "localhost"),
                argumentSet("ends the authority at a backslash", "https://127.0.0.1\\@1.1.1.1/", "127.0.0.1"),
                argumentSet("unmaps IPv4-mapped IPv6", "https://[::ffff:7f00:1]/", "127.0.0.1"),
                argumentSet("reads a host from an opaque https URL", "https:1.1.1.1/", "1.1.1.1"),
                argumentSet("maps half-width ideographic full stops", "https://8\uff618\uff618\uff618/", "8.8.8.8"),
                argumentSet("drops a tab in the path", "https://example.com/a\tb", "example.com"),
                argumentSet("trims surrounding white space", " https://example.com/\n", "example.com"),
                argumentSet("reads an empty userinfo as none", "https://@example.com/", "example.com"),
                argumentSet("skips an empty authority", "https:///example.com/", "example.com"));
    }

    @ParameterizedTest
    @MethodSource("okHttpDecodings")
    void okHttpStillDecodesWhatTheRawChecksRefuse(String url, String okHttpHost) {
        HttpUrl parsed = HttpUrl.parse(url);

        assertThat(parsed).isNotNull();
        assertThat(parsed.host()).isEqualTo(okHttpHost);
        assertThat(policy.checkUrl(url).allowed()).isFalse();
    }
}
