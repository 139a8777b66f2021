package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.server.console.ConsoleSessions;
import dev.toolgate.server.invocation.InvocationFilter;
import dev.toolgate.server.invocation.InvocationLog;
import dev.toolgate.server.invocation.InvocationQueries;
import dev.toolgate.server.invocation.InvocationRecord;
import dev.toolgate.server.tenant.ApiKeyService;
import dev.toolgate.server.tenant.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console's sessions and security over plain HTTP (no browser needed): the cookie's attributes, the
 * Content-Security-Policy, CSRF refusals, the idle timeout and sign-in links under a test clock, a revoked key ending
 * its session, the key never stored, and the console's absence from the OpenAPI document.
 */
@SpringBootTest(classes = ToolgateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ConsoleIntegrationTest.Clocks.class)
class ConsoleIntegrationTest {

    static final String ADMIN_KEY = "tg_test_console_http_admin_key_0123456789";
    static final MutableClock CLOCK = new MutableClock(Instant.now());
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("toolgate-console-http-it");
        registry.add("toolgate.data-dir", dataDir::toString);
        registry.add("toolgate.bootstrap-api-key", () -> ADMIN_KEY);
        registry.add("toolgate.console.sign-in-attempts-per-minute", () -> "0");
    }

    /** The test's clock, which the console's sessions read. */
    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiKeyService keys;

    @Autowired
    ConsoleSessions sessions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dev.toolgate.server.agent.AgentStore agents;

    @Autowired
    dev.toolgate.server.tenant.TenantStore tenants;

    @Autowired
    InvocationLog invocationLog;

    @Autowired
    InvocationQueries queries;

    final List<Cookie> cookies = new java.util.concurrent.CopyOnWriteArrayList<>();
    OkHttpClient http;

    @BeforeEach
    void client() {
        cookies.clear();
        http = new OkHttpClient.Builder()
                .followRedirects(false)
                .cookieJar(new CookieJar() {
                    @Override
                    public void saveFromResponse(HttpUrl url, List<Cookie> received) {
                        for (Cookie cookie : received) {
                            cookies.removeIf(c -> c.name().equals(cookie.name()));
                            if (cookie.expiresAt() > System.currentTimeMillis()) {
                                cookies.add(cookie);
                            }
                        }
                    }

                    @Override
                    public List<Cookie> loadForRequest(HttpUrl url) {
                        return cookies.stream().filter(c -> c.matches(url)).toList();
                    }
                })
                .build();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    Response get(String path) throws IOException {
        return http.newCall(new Request.Builder().url(url(path)).build()).execute();
    }

    Response post(String path, FormBody form) throws IOException {
        return http.newCall(new Request.Builder().url(url(path)).post(form).build())
                .execute();
    }

    String body(Response response) throws IOException {
        try (response) {
            return response.body().string();
        }
    }

    String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    /** Signs in with {@code key}; returns the session's CSRF token. */
    String signIn(String key) throws IOException {
        String form = csrfOf(body(get("/console/sign-in")));
        try (Response signedIn = post(
                "/console/sign-in",
                new FormBody.Builder().add("_csrf", form).add("api_key", key).build())) {
            assertThat(signedIn.code()).isEqualTo(302);
            assertThat(signedIn.header("Location")).endsWith("/console/agents");
            String setCookie = signedIn.headers("Set-Cookie").stream()
                    .filter(c -> c.startsWith("tg_console="))
                    .findFirst()
                    .orElseThrow();
            assertThat(setCookie)
                    .contains("HttpOnly")
                    .contains("SameSite=Strict")
                    .contains("Path=/console");
        }
        return csrfOf(body(get("/console/agents")));
    }

    @Test
    void theRootLeadsToSignInAndPagesCarryTheSecurityHeaders() throws IOException {
        try (Response root = get("/")) {
            assertThat(root.code()).isEqualTo(302);
            assertThat(root.header("Location")).endsWith("/console");
        }
        try (Response console = get("/console")) {
            assertThat(console.header("Location")).endsWith("/console/sign-in");
        }
        try (Response page = get("/console/agents")) {
            assertThat(page.code()).isEqualTo(303);
            assertThat(page.header("Location")).isEqualTo("/console/sign-in");
        }
        try (Response signInPage = get("/console/sign-in")) {
            String csp = signInPage.header("Content-Security-Policy");
            assertThat(csp)
                    .contains("script-src 'self'")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval");
            assertThat(signInPage.header("Cache-Control")).isEqualTo("no-store");
            assertThat(signInPage.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(body(signInPage)).doesNotContain("<script>").doesNotContain(" onclick=");
        }
    }

    @Test
    void aWrongKeyOrAFormFromElsewhereDoesNotSignIn() throws IOException {
        String form = csrfOf(body(get("/console/sign-in")));
        try (Response wrong = post(
                "/console/sign-in",
                new FormBody.Builder()
                        .add("_csrf", form)
                        .add("api_key", "tg_nope")
                        .build())) {
            assertThat(wrong.code()).isEqualTo(401);
        }
        cookies.clear();
        try (Response forged = post(
                "/console/sign-in",
                new FormBody.Builder()
                        .add("_csrf", form)
                        .add("api_key", ADMIN_KEY)
                        .build())) {
            assertThat(forged.code()).isEqualTo(403);
            assertThat(forged.headers("Set-Cookie")).noneMatch(c -> c.startsWith("tg_console="));
        }
    }

    @Test
    void aChangeWithoutTheSessionsCsrfTokenIsRefused() throws IOException {
        String csrf = signIn(ADMIN_KEY);
        long before = jdbc.sql("select count(*) from agents").query(Long.class).single();
        try (Response none = post(
                "/console/agents", new FormBody.Builder().add("name", "forged").build())) {
            assertThat(none.code()).isEqualTo(403);
        }
        try (Response wrong = post(
                "/console/agents",
                new FormBody.Builder()
                        .add("_csrf", csrf + "x")
                        .add("name", "forged")
                        .build())) {
            assertThat(wrong.code()).isEqualTo(403);
        }
        assertThat(jdbc.sql("select count(*) from agents").query(Long.class).single())
                .isEqualTo(before);
        try (Response ok = post(
                "/console/agents",
                new FormBody.Builder().add("_csrf", csrf).add("name", "real").build())) {
            assertThat(ok.code()).isEqualTo(302);
        }
        assertThat(jdbc.sql("select count(*) from agents").query(Long.class).single())
                .isEqualTo(before + 1);
    }

    @Test
    void theDatabaseHoldsNeitherTheKeyNorTheSessionToken() throws IOException {
        signIn(ADMIN_KEY);
        String token = cookies.stream()
                .filter(c -> c.name().equals("tg_console"))
                .findFirst()
                .orElseThrow()
                .value();
        List<String> stored = jdbc.sql("select token_hash || ' ' || key_id || ' ' || csrf_token from console_sessions")
                .query(String.class)
                .list();
        assertThat(stored).isNotEmpty().noneMatch(row -> row.contains(token) || row.contains(ADMIN_KEY));
        assertThat(stored).anyMatch(row -> row.startsWith(ApiKeyService.hash(token)));
    }

    @Test
    void aSessionEndsWhenIdleOrWhenItsKeyIsRevoked() throws IOException {
        ApiKeyService.CreatedKey key = keys.createKey(
                ApiKeyService.DEFAULT_TENANT_ID, "console idle", EnumSet.of(Scope.ADMIN), ApiKeyService.generateKey());
        signIn(key.key());
        CLOCK.advance(Duration.ofMinutes(29));
        try (Response stillIn = get("/console/agents")) {
            assertThat(stillIn.code()).isEqualTo(200);
        }
        CLOCK.advance(Duration.ofMinutes(31));
        try (Response idle = get("/console/agents")) {
            assertThat(idle.code()).isEqualTo(303);
        }

        signIn(key.key());
        keys.delete(ApiKeyService.DEFAULT_TENANT_ID, key.id());
        try (Response revoked = get("/console/agents")) {
            assertThat(revoked.code()).isEqualTo(303);
        }
        assertThat(jdbc.sql("select count(*) from console_sessions where key_id = ?")
                        .param(key.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aSignInLinkWorksOnceAndNotAfterItExpires() throws IOException {
        UUID keyId = keys.authenticate(ADMIN_KEY).orElseThrow().keyId();
        String expired = ConsoleSessions.signInLinkPath(sessions.issueSignInLink(keyId));
        CLOCK.advance(Duration.ofMinutes(6));
        String form = csrfOf(body(get(expired)));
        try (Response late =
                post(expired, new FormBody.Builder().add("_csrf", form).build())) {
            assertThat(late.code()).isEqualTo(401);
        }
        String fresh = ConsoleSessions.signInLinkPath(sessions.issueSignInLink(keyId));
        form = csrfOf(body(get(fresh)));
        try (Response first =
                post(fresh, new FormBody.Builder().add("_csrf", form).build())) {
            assertThat(first.code()).isEqualTo(302);
        }
        // signing in drops the form's cookie: a second use takes a new form, and the link is gone by then
        form = csrfOf(body(get(fresh)));
        try (Response again =
                post(fresh, new FormBody.Builder().add("_csrf", form).build())) {
            assertThat(again.code()).isEqualTo(401);
        }
    }

    @Test
    void signingOutEndsTheSession() throws IOException {
        String csrf = signIn(ADMIN_KEY);
        try (Response out = post(
                "/console/sign-out", new FormBody.Builder().add("_csrf", csrf).build())) {
            assertThat(out.code()).isEqualTo(302);
        }
        try (Response after = get("/console/agents")) {
            assertThat(after.code()).isEqualTo(303);
        }
    }

    @Test
    void anotherTenantsAgentIsNotFound() throws IOException {
        UUID agentId = agents.create(ApiKeyService.DEFAULT_TENANT_ID, "default tenant's", null)
                .id();
        UUID other = tenants.create("other tenant").id();
        ApiKeyService.CreatedKey key =
                keys.createKey(other, "other admin", EnumSet.of(Scope.ADMIN), ApiKeyService.generateKey());
        signIn(key.key());
        try (Response foreign = get("/console/agents/" + agentId + "/tools")) {
            assertThat(foreign.code()).isEqualTo(404);
            assertThat(body(foreign)).doesNotContain("default tenant's");
        }
        assertThat(body(get("/console/agents"))).doesNotContain("default tenant's");
        try (Response operatorPage = get("/console/operator")) {
            assertThat(operatorPage.code()).isEqualTo(403);
        }
        try (Response malformed = get("/console/agents/not-an-id/tools")) {
            assertThat(malformed.code()).isEqualTo(400);
            assertThat(malformed.header("Content-Type")).startsWith("text/html");
        }
        try (Response unknown = get("/console/agents/" + UUID.randomUUID() + "/tools")) {
            assertThat(unknown.code()).isEqualTo(404);
        }
    }

    @Test
    void theInvocationLogFiltersByEveryConditionTheConsoleOffers() {
        UUID tenant = ApiKeyService.DEFAULT_TENANT_ID;
        UUID agentId = agents.create(tenant, "filters", null).id();
        String key = "a".repeat(64);
        Instant t0 = Instant.parse("2026-11-21T08:00:00Z");
        record(
                tenant,
                agentId,
                "lookup",
                "ok",
                null,
                200,
                12.5,
                "call-1",
                "{\"headers\":{\"Idempotency-Key\":\"" + key + "\"}}",
                t0);
        record(tenant, agentId, "lookup", "error", "HTTP_TOOL_TIMEOUT", null, 9000, "call-1", null, t0.plusSeconds(60));
        record(
                tenant,
                agentId,
                "lookup",
                "error",
                "HTTP_TOOL_CUSTOMER_ERROR",
                503,
                80,
                "call-2",
                null,
                t0.plusSeconds(120));
        record(tenant, agentId, "other", "ok", null, 204, 3, "call-2", null, t0.plusSeconds(180));

        assertThat(count(
                        tenant,
                        agentId,
                        new InvocationFilter(
                                null, InvocationFilter.Outcome.ANY, InvocationFilter.Call.ANY, null, null)))
                .isEqualTo(4);
        assertThat(count(tenant, agentId, new InvocationFilter("lookup", null, null, null, null)))
                .isEqualTo(3);
        assertThat(count(
                        tenant,
                        agentId,
                        new InvocationFilter(
                                null,
                                new InvocationFilter.Outcome(null, "HTTP_TOOL_TIMEOUT", null, null),
                                null,
                                null,
                                null)))
                .isEqualTo(1);
        assertThat(count(
                        tenant,
                        agentId,
                        new InvocationFilter(
                                null, new InvocationFilter.Outcome(null, null, 2, null), null, null, null)))
                .isEqualTo(2);
        assertThat(count(
                        tenant,
                        agentId,
                        new InvocationFilter(
                                null, new InvocationFilter.Outcome(null, null, 5, null), null, null, null)))
                .isEqualTo(1);
        assertThat(count(
                        tenant,
                        agentId,
                        new InvocationFilter(
                                null, new InvocationFilter.Outcome("error", null, null, 100.0), null, null, null)))
                .isEqualTo(1);
        assertThat(count(
                        tenant,
                        agentId,
                        new InvocationFilter(null, null, new InvocationFilter.Call("call-2", null), null, null)))
                .isEqualTo(2);
        assertThat(count(
                        tenant,
                        agentId,
                        new InvocationFilter(null, null, new InvocationFilter.Call(null, key), null, null)))
                .isEqualTo(1);
        assertThat(count(
                        tenant,
                        agentId,
                        new InvocationFilter(null, null, null, t0.plusSeconds(60), t0.plusSeconds(180))))
                .isEqualTo(2);
    }

    private void record(
            UUID tenant,
            UUID agentId,
            String tool,
            String status,
            String code,
            Integer http,
            double ms,
            String callId,
            String request,
            Instant at) {
        invocationLog.record(InvocationRecord.builder(UUID.randomUUID(), tenant)
                .agentId(agentId)
                .toolName(tool)
                .kind("invoke")
                .status(status)
                .errorCode(code)
                .httpStatus(http)
                .durationMs(ms)
                .callId(callId)
                .requestJson(request)
                .createdAt(at)
                .build());
    }

    private int count(UUID tenant, UUID agentId, InvocationFilter filter) {
        return queries.list(tenant, agentId, filter, null, 200).records().size();
    }

    @Test
    void theConsoleIsNotPartOfTheApiDocument() throws IOException {
        String document = body(get("/v3/api-docs"));
        assertThat(document)
                .contains("\"/v1/agents\"")
                .doesNotContain("/console")
                .doesNotContain("\"/\":");
    }
}
