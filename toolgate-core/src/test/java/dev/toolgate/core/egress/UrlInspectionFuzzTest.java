package dev.toolgate.core.egress;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Dns;
import okhttp3.HttpUrl;

/**
 * Fuzz tests of the URL inspection and the egress decision (docs/fuzzing.md). Pure: the resolver is a fake
 * that answers with addresses taken from the fuzz input, and nothing is ever connected.
 *
 * <p>Invariants: the checks never throw; an allowed URL is one OkHttp parses to the same host and port, with
 * no control character, surrounding white space, userinfo, {@code %} or {@code \} in its authority, and its
 * canonical form (what the tool parser stores and the executor re-checks) is allowed too; a denial always has
 * a reason and never echoes the query; and no path (dry run, guarded resolver, socket guard) ever allows a
 * non-public address without an allowlist, judged by an oracle independent of {@link AddressClassifier}.
 */
class UrlInspectionFuzzTest {

    private static final String SECRET = "S3CR3T";

    /** The raw bytes, read as UTF-8, are the URL: seeds are plain text files. */
    @FuzzTest(maxDuration = "2m")
    void checkUrlNeverThrowsAndAllowsOnlyUnambiguousUrls(byte[] input) {
        String url = new String(input, StandardCharsets.UTF_8);
        EgressPolicy policy = EgressPolicy.builder().resolver(neverResolves()).build();

        EgressDecision decision = policy.checkUrl(url);
        EgressDecision syntax = EgressPolicy.checkSyntax(url);

        if (!decision.allowed()) {
            assertThat(decision.denyReason()).isNotNull();
            assertThat(decision.reason()).isNotBlank();
        }
        if (decision.allowed()) {
            assertThat(syntax.allowed())
                    .as("checkUrl allows only what checkSyntax allows")
                    .isTrue();
            assertUnambiguous(url);
            for (AddressVerdict verdict : decision.addresses()) {
                assertThat(blockedByOracle(textToAddress(verdict.address())))
                        .as("allowed literal %s", verdict.address())
                        .isFalse();
            }
        }
        if (syntax.allowed()) {
            String canonical = HttpUrl.get(url).toString();
            assertThat(EgressPolicy.checkSyntax(canonical).allowed())
                    .as("the canonical form %s of an allowed URL is allowed", canonical)
                    .isTrue();
            assertThat(policy.checkUrl(canonical).allowed()).isEqualTo(decision.allowed());
        }
        if (!url.contains(SECRET)) {
            String withQuery = url + "/?token=" + SECRET;
            EgressDecision denied = policy.checkUrl(withQuery);
            if (!denied.allowed()) {
                assertThat(denied.reason()).doesNotContain(SECRET);
            }
        }
    }

    /**
     * A host from the input (as a name, IPv4 or IPv6 literal) resolves to addresses from the input: no
     * decision, resolver answer or connect check may let a non-public address through.
     */
    @FuzzTest(maxDuration = "2m")
    void neverAllowsANonPublicAddress(FuzzedDataProvider data) {
        List<InetAddress> answers = new ArrayList<>();
        int count = data.consumeInt(0, 4);
        for (int i = 0; i < count; i++) {
            answers.add(address(data));
        }
        String host = data.consumeString(80);
        int port = data.consumeInt(1, 65535);
        Dns resolver = hostname -> {
            if (answers.isEmpty()) {
                throw new UnknownHostException(hostname);
            }
            return List.copyOf(answers);
        };
        EgressPolicy policy = EgressPolicy.builder().resolver(resolver).build();
        String url = "https://" + host + ":" + port + "/" + data.consumeRemainingAsString();

        EgressDecision decision = policy.decide(url);
        if (decision.allowed()) {
            assertThat(decision.addresses()).isNotEmpty();
            for (AddressVerdict verdict : decision.addresses()) {
                assertThat(verdict.allowed()).isTrue();
                assertThat(blockedByOracle(textToAddress(verdict.address())))
                        .as("decide allowed %s for %s", verdict.address(), url)
                        .isFalse();
            }
        } else if (decision.denyReason().isResolutionFailure()) {
            assertThat(decision.addresses()).isEmpty();
        }

        List<InetAddress> pinned;
        try {
            pinned = new GuardedDns(policy.judge(), resolver).lookup(host);
        } catch (UnknownHostException e) {
            pinned = List.of();
        } catch (Exception e) {
            // GuardedDns throws EgressDeniedException undeclared; nothing else may escape
            assertThat(e).isInstanceOf(EgressDeniedException.class);
            pinned = List.of();
        }
        for (InetAddress address : pinned) {
            assertThat(blockedByOracle(address))
                    .as("the guarded resolver returned %s", address)
                    .isFalse();
        }
        for (InetAddress address : answers) {
            try {
                policy.checkConnect(new InetSocketAddress(address, port));
                assertThat(blockedByOracle(address))
                        .as("the socket guard let %s through", address)
                        .isFalse();
            } catch (EgressDeniedException expected) {
                assertThat(expected.reason()).isEqualTo(DenyReason.BLOCKED_ADDRESS);
            }
        }
    }

    /** What an allowed URL must look like, checked without the code under test. */
    private static void assertUnambiguous(String url) {
        assertThat(url.strip()).isEqualTo(url);
        assertThat(url.chars().noneMatch(c -> c < 0x20 || c == 0x7f)).isTrue();
        assertThat(url).startsWithIgnoringCase("https://");
        int start = "https://".length();
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        assertThat(authority).isNotEmpty().doesNotContain("@", "%", "\\", " ");
        assertThat(authority.chars().allMatch(c -> c < 0x80)).isTrue();
        HttpUrl parsed = HttpUrl.parse(url);
        assertThat(parsed).isNotNull();
        assertThat(parsed.isHttps()).isTrue();
        assertThat(parsed.username()).isEmpty();
        assertThat(parsed.password()).isEmpty();
        String host = authority.startsWith("[") ? authority.substring(0, authority.indexOf(']') + 1) : authority;
        int colon = host.startsWith("[") ? -1 : host.indexOf(':');
        String bareHost = colon < 0 ? host : host.substring(0, colon);
        String okHost = parsed.host().indexOf(':') >= 0 ? "[" + parsed.host() + "]" : parsed.host();
        if (!bareHost.startsWith("[")) {
            assertThat(okHost).isEqualToIgnoringCase(bareHost);
        }
    }

    /**
     * An oracle of non-public addresses built from the JDK's own predicates and a few RFC ranges, independent
     * of {@link AddressClassifier}'s tables. It is a subset of what the policy blocks.
     */
    static boolean blockedByOracle(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // this network, RFC 791
                    || (first == 100 && (second & 0xc0) == 64) // shared address space, RFC 6598
                    || (first == 192 && second == 0 && b[2] == 0) // IETF protocol assignments, RFC 6890
                    || first >= 240; // reserved and broadcast, RFC 1112
        }
        int head = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        return (b[0] & 0xfe) == 0xfc // unique local, RFC 4193
                || (head == 0x0064 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) // NAT64, RFC 6052
                || head == 0x2002 // 6to4, RFC 3056
                || (b[0] & 0xe0) != 0x20; // outside global unicast 2000::/3, RFC 4291
    }

    /** An IPv4, IPv4-mapped IPv6 or IPv6 address from the input (zero-filled when the input runs out). */
    private static InetAddress address(FuzzedDataProvider data) {
        byte[] bytes = new byte[data.consumeBoolean() ? 4 : 16];
        boolean mapped = bytes.length == 16 && data.consumeBoolean();
        byte[] drawn = data.consumeBytes(mapped ? 4 : bytes.length);
        if (mapped) {
            bytes[10] = (byte) 0xff;
            bytes[11] = (byte) 0xff;
            System.arraycopy(drawn, 0, bytes, 12, drawn.length);
        } else {
            System.arraycopy(drawn, 0, bytes, 0, drawn.length);
        }
        return IpLiterals.toAddress(bytes);
    }

    private static InetAddress textToAddress(String text) {
        byte[] bytes = text.indexOf(':') >= 0 ? IpLiterals.parseIpv6(text) : IpLiterals.parseCanonicalIpv4(text);
        assertThat(bytes).as("verdict address %s is canonical text", text).isNotNull();
        return IpLiterals.toAddress(bytes);
    }

    private static Dns neverResolves() {
        return hostname -> {
            throw new AssertionError("checkUrl must not resolve " + hostname);
        };
    }
}
