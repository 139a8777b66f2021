package dev.toolgate.core.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connect path, end to end through OkHttp, on loopback only (docs/security.md, "Where a request may go":
 * the rules on the addresses the connection really uses, on public addresses and on proxies). Every connect
 * that passes the guard goes through an observer that refuses any non-loopback destination, so even a broken
 * guard could not send a packet off this machine. Plain http URLs are fine here: the scheme is checkUrl's job,
 * not the guards'.
 */
class EgressConnectTest {

    private static final InetAddress LOOPBACK = TestAddresses.ip("127.0.0.1");

    private final MockWebServer server = new MockWebServer();
    private final MockWebServer otherServer = new MockWebServer();
    private final List<InetSocketAddress> dialled = new CopyOnWriteArrayList<>();
    private int port;

    @BeforeEach
    void startServers() throws IOException {
        server.start(LOOPBACK, 0);
        otherServer.start(LOOPBACK, 0);
        port = server.getPort();
    }

    @AfterEach
    void stopServers() {
        server.close();
        otherServer.close();
    }

    /** The harness: records every dial and refuses anything but loopback, after the guard has passed it. */
    private OkHttpClient client(EgressPolicy policy) {
        return policy.applyTo(new OkHttpClient.Builder(), endpoint -> {
                    if (!endpoint.getAddress().isLoopbackAddress()) {
                        throw new IOException("test harness: refusing to dial non-loopback " + endpoint);
                    }
                    dialled.add(endpoint);
                })
                .callTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static String get(OkHttpClient client, String url) throws IOException {
        try (Response response =
                client.newCall(new Request.Builder().url(url).build()).execute()) {
            return response.code() + " " + response.body().string();
        }
    }

    private EgressPolicy policy(String allowlist, FakeDns dns) {
        return EgressPolicy.builder()
                .allowlist(AllowlistEntry.parseList(allowlist))
                .resolver(dns)
                .build();
    }

    @Test
    void installsGuardsAndTurnsOffProxiesRedirectsAndRetries() {
        OkHttpClient client =
                EgressPolicy.ofDefaults().applyTo(new OkHttpClient.Builder()).build();

        assertThat(client.dns()).isInstanceOf(GuardedDns.class);
        assertThat(client.socketFactory()).isInstanceOf(GuardedSocketFactory.class);
        assertThat(client.proxy()).isEqualTo(Proxy.NO_PROXY);
        assertThat(client.followRedirects()).isFalse();
        assertThat(client.followSslRedirects()).isFalse();
        assertThat(client.retryOnConnectionFailure()).isFalse();
    }

    // (8) pinning and rebinding

    @Test
    void connectsToExactlyTheCheckedAddressAndResolvesOncePerCall() throws Exception {
        FakeDns dns = new FakeDns().answerThen("rebind.example.com", List.of("127.0.0.1"), List.of("127.0.0.2"));
        EgressPolicy policy = policy("127.0.0.1", dns);
        server.enqueue(new MockResponse.Builder().body("first").build());

        String first = get(client(policy), "http://rebind.example.com:" + port + "/");

        assertThat(first).isEqualTo("200 first");
        assertThat(dns.lookups("rebind.example.com")).isEqualTo(1);
        assertThat(dialled).containsExactly(new InetSocketAddress(LOOPBACK, port));
    }

    @Test
    void refusesTheReboundAnswerBeforeConnecting() throws Exception {
        FakeDns dns = new FakeDns().answerThen("rebind.example.com", List.of("127.0.0.1"), List.of("127.0.0.2"));
        EgressPolicy policy = policy("127.0.0.1", dns);
        server.enqueue(new MockResponse.Builder().body("first").build());
        get(client(policy), "http://rebind.example.com:" + port + "/");

        // a fresh client has no pooled connection, so it must resolve again and gets the rebound answer
        assertThatThrownBy(() -> get(client(policy), "http://rebind.example.com:" + port + "/"))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessageContaining("127.0.0.2");

        assertThat(dns.lookups("rebind.example.com")).isEqualTo(2);
        assertThat(dialled).containsExactly(new InetSocketAddress(LOOPBACK, port));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void socketGuardRefusesUnlistedAddressEvenWhenDnsIsBypassed() {
        FakeDns dns = new FakeDns();
        EgressPolicy policy = policy("127.0.0.1", dns);

        assertThatThrownBy(() -> get(client(policy), "http://127.0.0.2:" + port + "/"))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessage("connection to 127.0.0.2 port " + port + " refused: loopback 127.0.0.0/8 (RFC 1122)");

        assertThat(dns.totalLookups()).isZero();
        assertThat(dialled).isEmpty();
    }

    // (10) the literal path skips Dns, the socket guard still runs

    @Test
    void literalHostSkipsDnsButPassesTheSocketGuard() throws Exception {
        FakeDns dns = new FakeDns();
        EgressPolicy policy = policy("127.0.0.1:" + port, dns);
        server.enqueue(new MockResponse.Builder().body("ok").build());

        String body = get(client(policy), "http://127.0.0.1:" + port + "/");

        assertThat(body).isEqualTo("200 ok");
        assertThat(dns.totalLookups()).isZero();
        assertThat(dialled).containsExactly(new InetSocketAddress(LOOPBACK, port));
    }

    @Test
    void socketGuardRefusesLiteralWithoutAllowlist() {
        FakeDns dns = new FakeDns();
        EgressPolicy policy = EgressPolicy.builder().resolver(dns).build();

        assertThatThrownBy(() -> get(client(policy), "http://127.0.0.1:" + port + "/"))
                .isInstanceOf(EgressDeniedException.class)
                .extracting(e -> ((EgressDeniedException) e).reason())
                .isEqualTo(DenyReason.BLOCKED_ADDRESS);

        assertThat(dns.totalLookups()).isZero();
        assertThat(dialled).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void socketGuardChecksThePortOfAnAddressEntry() {
        EgressPolicy policy = policy("127.0.0.1:" + otherServer.getPort(), new FakeDns());

        assertThatThrownBy(() -> get(client(policy), "http://127.0.0.1:" + port + "/"))
                .isInstanceOf(EgressDeniedException.class);

        assertThat(dialled).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    // (11) JVM proxy settings are ignored

    @Test
    void ignoresJvmProxySettings() throws Exception {
        EgressPolicy policy = policy("127.0.0.1:" + port, new FakeDns());
        server.enqueue(new MockResponse.Builder().body("direct").build());
        Map<String, String> saved = new HashMap<>();
        try (ServerSocket trap = new ServerSocket(0, 50, LOOPBACK)) {
            String trapPort = Integer.toString(trap.getLocalPort());
            for (String key : List.of("http.proxyHost", "https.proxyHost", "socksProxyHost")) {
                setProperty(saved, key, "127.0.0.1");
            }
            for (String key : List.of("http.proxyPort", "https.proxyPort", "socksProxyPort")) {
                setProperty(saved, key, trapPort);
            }
            setProperty(saved, "http.nonProxyHosts", ""); // by default the JVM exempts 127.*; make the trap real
            setProperty(saved, "socksNonProxyHosts", "");
            assertControlClientUsesTheTrap(trap);

            String body = get(client(policy), "http://127.0.0.1:" + port + "/");

            assertThat(body).isEqualTo("200 direct");
            assertThat(dialled).containsExactly(new InetSocketAddress(LOOPBACK, port));
            assertNoConnectionWaiting(trap);
        } finally {
            saved.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    /** Control: an unguarded client really is sent to the trap, so the main assertion can fail. */
    private void assertControlClientUsesTheTrap(ServerSocket trap) throws IOException {
        OkHttpClient unguarded =
                new OkHttpClient.Builder().callTimeout(Duration.ofMillis(500)).build();
        assertThatThrownBy(() -> get(unguarded, "http://127.0.0.1:" + port + "/"))
                .isInstanceOf(IOException.class);
        trap.setSoTimeout(2_000);
        trap.accept().close();
        unguarded.connectionPool().evictAll();
    }

    private static void assertNoConnectionWaiting(ServerSocket trap) throws IOException {
        trap.setSoTimeout(200); // the call has returned: a proxied connection would already be queued
        assertThatThrownBy(trap::accept).isInstanceOf(SocketTimeoutException.class);
    }

    private static void setProperty(Map<String, String> saved, String key, String value) {
        saved.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    // (12) the allowlist hook, end to end

    @Test
    void hostEntryAdmitsItsNameOnItsPortEndToEnd() throws Exception {
        FakeDns dns = new FakeDns().answer("backend.test", "127.0.0.1");
        EgressPolicy policy = policy("backend.test:" + port, dns);
        server.enqueue(new MockResponse.Builder().body("backend").build());

        String body = get(client(policy), "http://backend.test:" + port + "/");

        assertThat(body).isEqualTo("200 backend");
        assertThat(dialled).containsExactly(new InetSocketAddress(LOOPBACK, port));
    }

    @Test
    void hostEntryDoesNotOpenOtherPortsOfItsName() {
        FakeDns dns = new FakeDns().answer("backend.test", "127.0.0.1");
        EgressPolicy policy = policy("backend.test:" + port, dns);

        // Dns lets the name through (it cannot see the port); the socket guard, which can, refuses
        assertThatThrownBy(() -> get(client(policy), "http://backend.test:" + otherServer.getPort() + "/"))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessageContaining("port " + otherServer.getPort());

        assertThat(dns.lookups("backend.test")).isEqualTo(1);
        assertThat(dialled).isEmpty();
        assertThat(otherServer.getRequestCount()).isZero();
    }

    @Test
    void addressEntryAdmitsAResolvedName() throws Exception {
        FakeDns dns = new FakeDns().answer("svc.example.com", "127.0.0.1");
        EgressPolicy policy = policy("127.0.0.0/8:" + port, dns);
        server.enqueue(new MockResponse.Builder().body("svc").build());

        String body = get(client(policy), "http://svc.example.com:" + port + "/");

        assertThat(body).isEqualTo("200 svc");
        assertThat(dialled).containsExactly(new InetSocketAddress(LOOPBACK, port));
    }

    @Test
    void withoutAllowlistANameResolvingToLoopbackIsRefusedBeforeConnecting() {
        FakeDns dns = new FakeDns().answer("svc.example.com", "127.0.0.1");
        EgressPolicy policy = EgressPolicy.builder().resolver(dns).build();

        assertThatThrownBy(() -> get(client(policy), "http://svc.example.com:" + port + "/"))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessageContaining("resolved to blocked address 127.0.0.1");

        assertThat(dialled).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void resolutionFailureStaysAnUnknownHostException() {
        EgressPolicy policy = policy("127.0.0.1", new FakeDns());

        assertThatThrownBy(() -> get(client(policy), "http://unknown.example.com:" + port + "/"))
                .isInstanceOf(java.net.UnknownHostException.class)
                .isNotInstanceOf(EgressDeniedException.class);
    }

    @Test
    void doesNotFollowRedirects() throws Exception {
        EgressPolicy policy = policy("127.0.0.1", new FakeDns());
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .setHeader("Location", "http://127.0.0.1:" + otherServer.getPort() + "/")
                .build());

        String result = get(client(policy), "http://127.0.0.1:" + port + "/");

        assertThat(result).startsWith("302");
        assertThat(otherServer.getRequestCount()).isZero();
        assertThat(dialled).containsExactly(new InetSocketAddress(LOOPBACK, port));
    }
}
