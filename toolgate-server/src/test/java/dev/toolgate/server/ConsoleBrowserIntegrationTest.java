package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.console.ConsoleSessions;
import dev.toolgate.server.tenant.ApiKeyService;
import dev.toolgate.server.tenant.Scope;
import dev.toolgate.server.tool.ToolService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console in a real browser (Chromium through Selenium, see {@link ConsoleBrowser}), against the whole application
 * and a loopback TLS tenant endpoint admitted by the test's egress allowlist: sign in; create an agent and an HTTP tool
 * whose schema has an error, see it beside the field, fix it; dry run; send; find the invocation; replay it; rotate
 * the signing secret; create and revoke a key; sign out. A read-only key cannot change anything; a hostile tool
 * description renders as text; a one-time sign-in link works once; revoking a key ends its session. axe-core checks
 * every page, and each page's screenshot is written under {@code target/console-screenshots/}.
 */
@SpringBootTest(classes = ToolgateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIntegrationTest {

    static final String ADMIN_KEY = "tg_test_console_admin_key_0123456789";
    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("toolgate-console-it");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("toolgate.data-dir", DATA_DIR::toString);
        registry.add("toolgate.bootstrap-api-key", () -> ADMIN_KEY);
        registry.add("toolgate.egress.allowlist", () -> "127.0.0.1:" + TestEndpoint.SERVER.getPort());
        registry.add("toolgate.egress.extra-ca", TestEndpoint.CA_PEM::toString);
        registry.add("toolgate.rate-limit.test-fire-per-minute", () -> "0");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiKeyService keys;

    @Autowired
    ConsoleSessions sessions;

    @Autowired
    AgentStore agents;

    @Autowired
    ToolService tools;

    @Autowired
    JdbcClient jdbc;

    ConsoleBrowser browser;

    @BeforeAll
    void startBrowser() throws IOException {
        browser = ConsoleBrowser.start(port);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signedOut() throws InterruptedException {
        browser.open("/console/sign-in");
        browser.driver.manage().deleteAllCookies();
        TestEndpoint.dropReceived();
    }

    void signIn(String key) {
        browser.open("/");
        browser.waitForTitle("Sign in");
        browser.type("#api_key", key);
        browser.click("form[action='/console/sign-in'] button[type=submit]");
        browser.waitForTitle("Agents");
    }

    @Test
    void anAdminDoesTheWholeJobInTheBrowser() throws Exception {
        browser.open("/");
        browser.waitForTitle("Sign in");
        browser.checkPage("01-sign-in");
        signIn(ADMIN_KEY);
        browser.checkPage("02-agents");

        browser.type("#agent-name", "front desk");
        browser.click("form[action='/console/agents'] button[type=submit]");
        browser.waitForTitle("Tools of front desk");
        browser.checkPage("03-tools-empty");

        browser.click("form.inline button[type=submit]");
        browser.waitForTitle("New tool");
        // another type loads that type's example, with its config's fields
        new org.openqa.selenium.support.ui.Select(browser.find("#f-type")).selectByValue("end_call");
        browser.waitFor("h1", "New end_call tool");
        assertThat(browser.find("#f-config").getAttribute("value")).contains("goodbye_message");
        new org.openqa.selenium.support.ui.Select(browser.find("#f-type")).selectByValue("http_request");
        browser.waitFor("h1", "New http_request tool");
        String url = "https://127.0.0.1:" + TestEndpoint.SERVER.getPort() + "/orders";
        browser.type("#f-name", "lookup_order");
        browser.type("#f-description", "Looks up an order by its number and says when it ships.");
        browser.setJson("f-parameters", "{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"strin\"}}}");
        browser.setJson(
                "f-config",
                "{\"url\":\"" + url
                        + "\",\"method\":\"POST\",\"auth\":{\"type\":\"bearer\",\"token\":\"tok-secret-41\"}}");
        browser.click("form[novalidate] button[type=submit]");
        browser.waitFor("#e-parameters", "parameters.properties.order_id.type");
        assertThat(browser.find("#f-parameters").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.text("#form-errors")).contains("not saved");
        browser.checkPage("04-tool-schema-error");

        browser.setJson(
                "f-parameters",
                "{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\",\"description\":\"The order"
                        + " number\"}},\"required\":[\"order_id\"]}");
        browser.setJson(
                "f-config",
                "{\"url\":\"" + url
                        + "\",\"method\":\"POST\",\"auth\":{\"type\":\"bearer\",\"token\":\"tok-secret-41\"}}");
        browser.click("form[novalidate] button[type=submit]");
        browser.waitForTitle("Tool saved");
        String signingSecret = browser.find("#secret-value").getAttribute("value");
        assertThat(signingSecret).startsWith("tgsec_");
        assertThat(browser.all(".snippet")).hasSize(5);
        browser.checkPage("05-tool-created");

        browser.clickText("Test it");
        browser.waitForTitle("Test lookup_order");
        browser.type("#a-order_id", "A-1042");
        browser.type("#call-id", "call-77");
        browser.click("button[value=dry_run]");
        browser.waitFor("#test-result h2", "Dry run");
        assertThat(browser.text("#test-result"))
                .contains("Egress verdict: allowed")
                .contains("127.0.0.1");
        assertThat(browser.text("#test-result"))
                .contains("X-Toolgate-Signature")
                .doesNotContain("tok-secret-41");
        assertThat(browser.text("#curl")).startsWith("curl");
        browser.checkPage("06-test-dry-run");

        browser.click("#mode-json");
        browser.setJson("raw-arguments", "{not json");
        browser.click("button[value=dry_run]");
        browser.waitFor("#alerts", "is not valid JSON");
        browser.click("#mode-form");

        TestEndpoint.SERVER.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "text/plain")
                .body("Order A-1042 ships on Friday.")
                .build());
        browser.click("button[value=send]");
        browser.waitFor("#test-result h2", "Sent");
        browser.waitFor("#model-text", "Order A-1042 ships on Friday.");
        assertThat(browser.text("#response-body")).contains("Order A-1042 ships on Friday.");
        assertThat(browser.text("#test-result"))
                .contains("HTTP 200")
                .contains("Total")
                .contains("budget");
        assertThat(browser.all("svg.waterfall rect")).isNotEmpty();
        RecordedRequest sent = TestEndpoint.SERVER.takeRequest(5, TimeUnit.SECONDS);
        assertThat(sent).isNotNull();
        assertThat(sent.getHeaders().get("X-Toolgate-Signature")).startsWith("t=");
        browser.checkPage("07-test-sent");

        browser.clickText("Open the invocation");
        browser.waitForTitle("Invocation");
        assertThat(browser.text("main"))
                .contains("lookup_order")
                .contains("A-1042")
                .doesNotContain("tok-secret-41");
        browser.checkPage("08-invocation");

        browser.clickText("invocations");
        browser.waitForTitle("Invocations of front desk");
        browser.checkPage("09-invocations");
        browser.driver
                .findElement(org.openqa.selenium.By.xpath("//td/a[normalize-space()='200']"))
                .click();
        browser.waitForTitle("Invocations of front desk");
        assertThat(browser.driver.getCurrentUrl()).contains("http_status_class=2");
        assertThat(browser.all("tbody tr")).hasSize(1);
        browser.type("#q-code", "HTTP_TOOL_TIMEOUT");
        browser.click(".filters button[type=submit]");
        browser.waitFor("#invocation-list", "No invocations match");

        browser.open("/console/agents");
        browser.clickText("Invocations");
        browser.waitForTitle("Invocations of front desk");
        browser.clickText("Details");
        browser.waitForTitle("Invocation");
        browser.clickText("Replay");
        browser.waitForTitle("Replay");
        browser.checkPage("10-replay-confirm");
        TestEndpoint.SERVER.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "text/plain")
                .body("Order A-1042 ships on Friday, still.")
                .build());
        browser.clickText("Replay now");
        browser.waitForTitle("Replayed");
        browser.waitFor("main", "Order A-1042 ships on Friday, still.");
        assertThat(browser.text("main")).contains("ok").contains("Order A-1042 ships on Friday, still.");
        browser.checkPage("11-replayed");
        browser.click("#replay-link");
        browser.waitForTitle("Invocation");
        browser.waitFor("main", "Replay of");
        assertThat(browser.text("main")).contains("Replay of");
        browser.clickText("Open in the test panel");
        browser.waitForTitle("Test lookup_order");
        assertThat(browser.find("#raw-arguments").getAttribute("value")).contains("A-1042");
        assertThat(browser.find("#call-id").getAttribute("value")).isEqualTo("call-77");

        browser.open("/console/agents");
        browser.driver
                .findElement(org.openqa.selenium.By.linkText("front desk"))
                .click();
        browser.waitForTitle("Tools of front desk");
        browser.checkPage("12-tools");
        browser.driver
                .findElement(org.openqa.selenium.By.linkText("lookup_order"))
                .click();
        browser.waitForTitle("Tool lookup_order");
        browser.checkPage("13-tool-edit");
        assertThat(browser.driver.getPageSource())
                .doesNotContain("tok-secret-41")
                .doesNotContain(signingSecret);
        browser.clickText("Health");
        browser.waitForTitle("Health of lookup_order");
        browser.checkPage("14-health");
        browser.driver.navigate().back();
        browser.waitForTitle("Tool lookup_order");
        browser.clickText("Signing secret");
        browser.waitForTitle("Signing secret");
        browser.checkPage("15-signing");
        browser.clickText("Rotate signing secret");
        browser.waitForTitle("Signing secret rotated");
        String rotated = browser.find("#secret-value").getAttribute("value");
        assertThat(rotated).startsWith("tgsec_").isNotEqualTo(signingSecret);
        browser.waitFor("main", "keeps signing until");
        assertThat(browser.text("main")).contains("keeps signing until");
        browser.checkPage("16-rotated");

        browser.open("/console/keys");
        browser.waitForTitle("API keys");
        browser.checkPage("17-keys");
        browser.type("#key-name", "voice runtime");
        browser.click("#scope-tools-invoke");
        browser.clickText("Create key");
        browser.waitForTitle("API key created");
        String created = browser.find("#secret-value").getAttribute("value");
        assertThat(keys.authenticate(created)).isPresent();
        browser.checkPage("18-key-created");
        browser.open("/console/keys");
        assertThat(browser.driver.getPageSource()).doesNotContain(created);
        browser.driver
                .findElement(org.openqa.selenium.By.cssSelector("a[aria-label='Revoke key voice runtime']"))
                .click();
        browser.waitForTitle("Revoke API key");
        browser.checkPage("19-key-revoke");
        browser.clickText("Revoke key");
        browser.waitForTitle("API keys");
        assertThat(browser.text("main")).doesNotContain("voice runtime");
        assertThat(keys.authenticate(created)).isEmpty();

        browser.open("/console/secrets");
        browser.waitForTitle("Secrets");
        browser.type("#secret-name", "CRM_TOKEN");
        browser.type("#secret-value-in", "crm-value-never-shown-93");
        browser.clickText("Save secret");
        browser.waitForTitle("Secrets");
        browser.waitFor("main", "CRM_TOKEN");
        assertThat(browser.text("main")).contains("CRM_TOKEN");
        assertThat(browser.driver.getPageSource()).doesNotContain("crm-value-never-shown-93");
        browser.checkPage("20-secrets");

        browser.open("/console/operator");
        browser.waitForTitle("Operator");
        browser.checkPage("21-operator");
        browser.type("#tenant-name", "Acme Dental");
        browser.clickText("Create tenant");
        browser.waitForTitle("Tenant created");
        String tenantKey = browser.find("#secret-value").getAttribute("value");
        assertThat(keys.authenticate(tenantKey)).get().matches(p -> !p.isOperator());
        browser.checkPage("21b-tenant-created");
        browser.open("/console/operator");
        browser.waitFor("main", "Acme Dental");
        assertThat(browser.text("main")).contains("Acme Dental");
        assertThat(browser.driver.getPageSource()).doesNotContain(tenantKey);
        browser.open("/console/docs");
        browser.waitForTitle("Docs");
        browser.checkPage("22-docs");
        browser.open("/console/docs/errors#HTTP_TOOL_TIMEOUT");
        browser.waitForTitle("Error codes");
        assertThat(browser.all("tr[id='HTTP_TOOL_TIMEOUT']")).hasSize(1);
        browser.checkPage("23-doc-errors");

        browser.clickText("Sign out");
        browser.waitForTitle("Sign in");
        browser.open("/console/agents");
        browser.waitForTitle("Sign in");
    }

    @Test
    void aReadOnlyKeySeesNoFormAndCannotChangeAnything() throws Exception {
        UUID agentId = agents.create(ApiKeyService.DEFAULT_TENANT_ID, "read-only check", null)
                .id();
        UUID toolId = tools.create(
                        ApiKeyService.DEFAULT_TENANT_ID,
                        agentId,
                        JsonMapper.builder()
                                .build()
                                .readTree("{\"name\":\"ro_tool\",\"description\":\"A tool a read-only key may look"
                                        + " at.\",\"tool_type\":\"end_call\"}"))
                .tool()
                .id();
        ApiKeyService.CreatedKey key = keys.createKey(
                ApiKeyService.DEFAULT_TENANT_ID,
                "read only",
                EnumSet.of(Scope.TOOLS_READ, Scope.INVOCATIONS_READ),
                ApiKeyService.generateKey());
        signIn(key.key());
        assertThat(browser.all("form[action='/console/agents']")).isEmpty();
        assertThat(browser.all("a[href$='/delete']")).isEmpty();
        browser.checkPage("30-read-only-agents");
        browser.open("/console/agents/" + agentId + "/tools/" + toolId);
        browser.waitForTitle("Tool ro_tool");
        assertThat(browser.all("form[novalidate] button[type=submit]")).isEmpty();
        assertThat(browser.find("form[novalidate] fieldset").getAttribute("disabled"))
                .isNotNull();
        browser.checkPage("31-read-only-tool");

        // A hand-made POST with the session's own CSRF token is still refused: the key lacks the scope.
        String csrf =
                (String) browser.script("return JSON.parse(document.body.getAttribute('hx-headers'))['X-CSRF-Token'];");
        Object status = browser.driver instanceof org.openqa.selenium.JavascriptExecutor js
                ? js.executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "fetch('/console/agents', {method: 'POST', headers: {'Content-Type':"
                                + " 'application/x-www-form-urlencoded', 'X-CSRF-Token': arguments[0]},"
                                + " body: 'name=sneaky'}).then(function (r) { done(r.status); });",
                        csrf)
                : null;
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(agents.list(ApiKeyService.DEFAULT_TENANT_ID))
                .noneMatch(a -> a.name().equals("sneaky"));

        // Revoking the key ends the session at once.
        keys.delete(ApiKeyService.DEFAULT_TENANT_ID, key.id());
        browser.open("/console/agents");
        browser.waitForTitle("Sign in");
    }

    @Test
    void aHostileToolDescriptionRendersAsText() throws Exception {
        UUID agentId = agents.create(ApiKeyService.DEFAULT_TENANT_ID, "<b>hostile</b> agent", null)
                .id();
        String hostile = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"> ends the call";
        tools.create(
                ApiKeyService.DEFAULT_TENANT_ID,
                agentId,
                JsonMapper.builder()
                        .build()
                        .createObjectNode()
                        .put("name", "hostile_tool")
                        .put("description", hostile)
                        .put("tool_type", "end_call"));
        signIn(ADMIN_KEY);
        browser.open("/console/agents/" + agentId + "/tools");
        browser.waitForTitle("Tools of");
        assertThat(browser.text("main"))
                .contains("<script>window.__pwned = 1</script>")
                .contains("<b>hostile</b>");
        assertThat(browser.script("return window.__pwned === undefined")).isEqualTo(true);
        assertThat(browser.all("main img")).isEmpty();
        browser.checkPage("40-hostile-description");
    }

    @Test
    void aOneTimeSignInLinkWorksOnce() throws Exception {
        UUID keyId = keys.authenticate(ADMIN_KEY).orElseThrow().keyId();
        String path = ConsoleSessions.signInLinkPath(sessions.issueSignInLink(keyId));
        browser.open(path);
        browser.waitForTitle("Sign in with a link");
        browser.checkPage("50-sign-in-link");
        browser.clickText("Sign in");
        browser.waitForTitle("Agents");

        browser.driver.manage().deleteAllCookies();
        browser.open(path);
        browser.clickText("Sign in");
        browser.waitForTitle("Sign in");
        browser.waitFor("main", "already used or has expired");
        assertThat(browser.text("main")).contains("already used or has expired");
        assertThat(jdbc.sql("select count(*) from console_sign_in_links")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
