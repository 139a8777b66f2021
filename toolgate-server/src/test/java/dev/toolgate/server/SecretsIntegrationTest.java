package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.server.secrets.MasterKeyLoader;
import dev.toolgate.server.tenant.ApiKeyService;
import dev.toolgate.server.tenant.Scope;
import dev.toolgate.server.tenant.TenantStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Secrets end to end through the REST API: tenant secrets in templates, write-only reads, encryption at rest (the
 * database file, the log and every API response are searched for each plaintext), and signing-secret rotation
 * under a test clock, verified with javax.crypto rather than the gateway's signer.
 */
@SpringBootTest(
        classes = ToolgateApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.dev.toolgate=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
@Import(SecretsIntegrationTest.Clocks.class)
class SecretsIntegrationTest {

    static final String ADMIN_KEY = "tg_test_secrets_admin_key_0123456789";
    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("toolgate-secrets-it");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("toolgate.data-dir", DATA_DIR::toString);
        registry.add("toolgate.bootstrap-api-key", () -> ADMIN_KEY);
        registry.add("toolgate.egress.allowlist", () -> "127.0.0.1:" + TestEndpoint.SERVER.getPort());
        registry.add("toolgate.egress.extra-ca", TestEndpoint.CA_PEM::toString);
    }

    static final MutableClock CLOCK = new MutableClock(Instant.now());

    /** The test's clock, which the signing-secret and tenant-secret stores read. */
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
    TenantStore tenants;

    @Autowired
    JdbcClient jdbc;

    /** The body of every API response this test received. */
    final List<String> responses = Collections.synchronizedList(new ArrayList<>());

    /** Answers queued by the tests; requests to a path ending in {@code /echo} or {@code /echo_keyed} are echoed. */
    final QueueDispatcher queue = new QueueDispatcher();

    /** The signature header of every request the echo paths received. */
    final List<String> echoedSignatures = Collections.synchronizedList(new ArrayList<>());

    ApiClient api;
    String agentId;

    @AfterEach
    void tearDown() {
        TestEndpoint.SERVER.setDispatcher(new QueueDispatcher());
    }

    @BeforeEach
    void setUp() throws InterruptedException {
        TestEndpoint.SERVER.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String path = request.getUrl().encodedPath();
                if (path.endsWith("/echo") || path.endsWith("/echo_keyed")) {
                    echoedSignatures.add(request.getHeaders().get("X-Toolgate-Signature"));
                    return TestEndpoint.echo(request, path.endsWith("/echo_keyed"));
                }
                return queue.dispatch(request);
            }
        });
        OkHttpClient recording = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    okhttp3.Response response = chain.proceed(chain.request());
                    responses.add(response.peekBody(Long.MAX_VALUE).string());
                    return response;
                })
                .build();
        api = new ApiClient(recording, "http://127.0.0.1:" + port);
        while (TestEndpoint.SERVER.takeRequest(1, TimeUnit.MILLISECONDS) != null) {
            // drop requests left over by other tests
        }
        agentId = api.post(ADMIN_KEY, "/v1/agents", "{\"name\":\"secrets\"}")
                .json()
                .get("id")
                .asString();
    }

    private JsonNode createTool(String name, String config) {
        ApiClient.Answer answer = api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/tools", """
                {"name": "%s", "description": "Looks up a customer", "tool_type": "http_request",
                 "parameters": {"type": "object", "properties": {"phone": {"type": "string"}}},
                 "config": {"url": "%s", %s}}
                """.formatted(
                        name, TestEndpoint.url("/crm/" + name), config));
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json();
    }

    private JsonNode invoke(String tool) {
        ApiClient.Answer answer = api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/invocations",
                "{\"tool\": \"" + tool + "\", \"arguments\": {\"phone\": \"+14155550123\"}, \"call\": {\"id\": \""
                        + UUID.randomUUID() + "\"}}"); // a call of its own: a repeat inside one call reuses the result
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private RecordedRequest invokeOk(String tool) throws InterruptedException {
        queue.enqueue(
                new MockResponse.Builder().code(200).body("{\"found\": true}").build());
        JsonNode answer = invoke(tool);
        assertThat(answer.get("status").asString()).as(answer.toString()).isEqualTo("ok");
        RecordedRequest request = TestEndpoint.SERVER.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        return request;
    }

    private String rotate(String toolId, String body) {
        ApiClient.Answer answer =
                api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/tools/" + toolId + "/signing-secret/rotate", body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().get("signing_secret").asString();
    }

    @Test
    void noSecretPlaintextReachesTheDatabaseFileTheLogOrAnyApiResponse(CapturedOutput output) throws Exception {
        String bearer = "leak-bearer-" + UUID.randomUUID();
        String headerValue = "leak-header-" + UUID.randomUUID();
        String tenantSecret = "leak-tenant-" + UUID.randomUUID();
        String badSecret = "leak-line-" + UUID.randomUUID();
        String marker = "control-marker-" + UUID.randomUUID();
        String querySecret = "leak-query \"/+&<ü>' " + UUID.randomUUID();

        assertThat(api.put(ADMIN_KEY, "/v1/secrets/crm_key", "{\"value\": \"" + tenantSecret + "\"}")
                        .status())
                .isEqualTo(201);
        assertThat(api.put(ADMIN_KEY, "/v1/secrets/bad.header", "{\"value\": \"x\\n" + badSecret + "\"}")
                        .status())
                .isEqualTo(201);
        JsonNode lookup = createTool("lookup", """
                "body_mode": "envelope", "auth": {"type": "bearer", "token": "%s"},
                "headers": [{"key": "X-Crm-Key", "value": "{{secrets.crm_key}}"}, {"key": "X-Marker", "value": "%s"}]
                """.formatted(bearer, marker));
        JsonNode keyed = createTool(
                "keyed",
                "\"auth\": {\"type\": \"header\", \"header_name\": \"X-Api-Key\", \"value\": \"" + headerValue + "\"}");
        createTool("broken", "\"headers\": [{\"key\": \"X-Bad\", \"value\": \"{{secrets.bad.header}}\"}]");
        String lookupId = lookup.get("id").asString();
        String firstSigning = lookup.get("signing_secret").asString();
        String keyedSigning = keyed.get("signing_secret").asString();
        String rotatedSigning = rotate(lookupId, "{}");

        RecordedRequest first = invokeOk("lookup");
        assertThat(api.patch(
                                ADMIN_KEY,
                                "/v1/agents/" + agentId + "/tools/" + lookupId,
                                "{\"description\": \"Finds a customer\", \"config\": {\"auth\": {\"type\": \"bearer\", \"token\": \"***\"}}}")
                        .status())
                .isEqualTo(200);
        RecordedRequest afterPatch = invokeOk("lookup");
        RecordedRequest keyedRequest = invokeOk("keyed");
        JsonNode broken = invoke("broken");
        JsonNode dryRun = api.post(
                        ADMIN_KEY,
                        "/v1/agents/" + agentId + "/tools/" + lookupId + "/test",
                        "{\"arguments\": {\"phone\": \"1\"}, \"dry_run\": true}")
                .json();
        queue.enqueue(
                new MockResponse.Builder().code(200).body("{\"found\": true}").build());
        ApiClient.Answer replay = api.post(
                ADMIN_KEY, "/v1/invocations/" + first.getHeaders().get("X-Toolgate-Invocation-Id") + "/replay", "{}");
        RecordedRequest replayed = TestEndpoint.SERVER.takeRequest(5, TimeUnit.SECONDS);

        // an endpoint that echoes its whole request, as a debug endpoint (200) and as an HTML error page (401)
        assertThat(api.put(
                                ADMIN_KEY,
                                "/v1/secrets/query_key",
                                "{\"value\": " + ApiClient.JSON.writeValueAsString(querySecret) + "}")
                        .status())
                .isEqualTo(201);
        String echoId = createTool("echo", """
                        "body_mode": "envelope", "auth": {"type": "bearer", "token": "%s"},
                        "headers": [{"key": "X-Crm-Key", "value": "{{secrets.crm_key}}"}],
                        "query_params": [{"key": "key", "value": "{{secrets.query_key}}"}]
                        """.formatted(bearer)).get("id").asString();
        createTool("echo_keyed", """
                "method": "POST", "body_mode": "arguments",
                "auth": {"type": "header", "header_name": "X-Api-Key", "value": "%s"},
                "query_params": [{"key": "key", "value": "{{secrets.query_key}}"}]
                """.formatted(headerValue));
        JsonNode echoed = invoke("echo");
        JsonNode echoedError = invoke("echo_keyed");
        String testPath = "/v1/agents/" + agentId + "/tools/" + echoId + "/test";
        JsonNode echoFire = api.post(ADMIN_KEY, testPath, "{\"arguments\": {\"phone\": \"1\"}}")
                .json();
        JsonNode echoDryRun = api.post(ADMIN_KEY, testPath, "{\"arguments\": {\"phone\": \"1\"}, \"dry_run\": true}")
                .json();
        ApiClient.Answer echoReplay = api.post(
                ADMIN_KEY, "/v1/invocations/" + echoed.get("invocation_id").asString() + "/replay", "{}");
        List<RecordedRequest> echoRequests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            echoRequests.add(TestEndpoint.SERVER.takeRequest(5, TimeUnit.SECONDS));
        }

        // the endpoint got the real values and echoed them; the model, the tester and the replay get "***"
        assertThat(echoRequests)
                .allSatisfy(r -> assertThat(r.getUrl().queryParameter("key")).isEqualTo(querySecret));
        assertThat(echoRequests.get(0).getHeaders().get("Authorization")).isEqualTo("Bearer " + bearer);
        assertThat(echoRequests.get(1).getHeaders().get("X-Api-Key")).isEqualTo(headerValue);
        assertThat(echoed.get("status").asString()).isEqualTo("ok");
        for (JsonNode answer : List.of(echoed, echoFire.get("result"), echoReplay.json())) {
            assertThat(answer.get("content").asString())
                    .containsIgnoringCase("Authorization: ***")
                    .containsIgnoringCase("X-Crm-Key: ***")
                    .containsIgnoringCase("X-Toolgate-Signature: ***")
                    .contains("decoded key=***", "form key=***", "\"decoded_key\":\"***\"", "echo?key=***");
        }
        assertThat(echoedError.get("error").get("code").asString()).isEqualTo("HTTP_TOOL_CUSTOMER_ERROR");
        assertThat(api.get(
                                ADMIN_KEY,
                                "/v1/invocations/"
                                        + echoedError.get("invocation_id").asString())
                        .json()
                        .get("response_preview")
                        .asString())
                .containsIgnoringCase("X-Api-Key: ***")
                .contains("decoded key=***");
        assertThat(echoDryRun
                        .get("request")
                        .get("headers")
                        .get("X-Toolgate-Signature")
                        .asString())
                .isEqualTo("***");
        assertThat(echoDryRun.get("request").get("url").asString()).endsWith("?key=***");

        // on the wire: the real values, and one signature per active secret
        assertThat(replay.status()).as(replay.text()).isEqualTo(200);
        for (RecordedRequest request : List.of(first, afterPatch, replayed)) {
            assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + bearer);
            assertThat(request.getHeaders().get("X-Crm-Key")).isEqualTo(tenantSecret);
            String timestamp = request.getHeaders().get("X-Toolgate-Timestamp");
            String content = timestamp + "." + request.getBody().utf8();
            assertThat(request.getHeaders().get("X-Toolgate-Signature"))
                    .isEqualTo("t=" + timestamp + ",v1=" + hmacHex(rotatedSigning, content) + ",v1="
                            + hmacHex(firstSigning, content));
        }
        assertThat(keyedRequest.getHeaders().get("X-Api-Key")).isEqualTo(headerValue);
        assertThat(broken.get("error").get("code").asString()).isEqualTo("HTTP_TOOL_INTERNAL");
        assertThat(broken.get("error").get("message").asString()).contains("X-Bad");

        // everywhere else: "***"
        assertThat(dryRun.get("request").get("headers").get("Authorization").asString())
                .isEqualTo("***");
        assertThat(dryRun.get("request").get("headers").get("X-Crm-Key").asString())
                .isEqualTo("***");
        JsonNode log = waitForInvocations(9);
        for (JsonNode entry : log) {
            JsonNode record = api.get(
                            ADMIN_KEY, "/v1/invocations/" + entry.get("id").asString())
                    .json();
            JsonNode headers = record.get("request").get("headers");
            if (headers != null) {
                assertThat(api.get(
                                        ADMIN_KEY,
                                        "/v1/invocations/" + entry.get("id").asString() + "/curl")
                                .status())
                        .isEqualTo(200);
            }
            if (headers != null && headers.has("Authorization")) {
                assertThat(headers.get("Authorization").asString()).isEqualTo("***");
                assertThat(headers.get("X-Crm-Key").asString()).isEqualTo("***");
            }
            if (headers != null && headers.has("X-Api-Key")) {
                assertThat(headers.get("X-Api-Key").asString()).isEqualTo("***");
            }
        }
        api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/tools");
        api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/tools/" + lookupId);
        api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/tools/" + lookupId + "/health");
        api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/functions?format=openai");
        assertThat(api.get(ADMIN_KEY, "/v1/secrets/crm_key").json().get("value").asString())
                .isEqualTo("***");
        assertThat(api.get(ADMIN_KEY, "/v1/secrets")
                        .json()
                        .get("data")
                        .valueStream()
                        .map(s -> s.get("value").asString())
                        .distinct()
                        .toList())
                .containsExactly("***");

        // the database file, after H2 has written everything to disk
        jdbc.sql("checkpoint sync").update();
        String files = readAll(DATA_DIR);
        assertThat(files.contains(marker))
                .as("the search sees plain column text in the database file")
                .isTrue();
        String keyMaterial = ApiClient.JSON
                .readTree(Files.readString(DATA_DIR.resolve(MasterKeyLoader.KEYSET_FILE)))
                .get("key")
                .get(0)
                .get("keyData")
                .get("value")
                .asString();
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("bearer token", bearer);
        secrets.put("header auth value", headerValue);
        secrets.put("tenant secret", tenantSecret);
        secrets.put("tenant secret with a line break", badSecret);
        secrets.put("first signing secret", firstSigning);
        secrets.put("other tool's signing secret", keyedSigning);
        secrets.put("rotated signing secret", rotatedSigning);
        secrets.put("tenant secret in a query", querySecret);
        secrets.put(
                "tenant secret in a query, as sent",
                echoRequests.get(0).getUrl().encodedQuery().substring(4));
        List<String> signatures = new ArrayList<>(echoedSignatures);
        for (RecordedRequest request : List.of(first, afterPatch, keyedRequest, replayed)) {
            signatures.add(request.getHeaders().get("X-Toolgate-Signature"));
        }
        assertThat(signatures).hasSize(8).doesNotContainNull();
        for (int i = 0; i < signatures.size(); i++) {
            secrets.put("request signature " + i, signatures.get(i));
        }
        secrets.forEach((what, secret) -> assertThat(files.contains(secret))
                .as("database files hold the " + what)
                .isFalse());

        // the application log (our own code at DEBUG), which must not hold the master key either
        String logged = output.getAll();
        assertThat(logged).contains("Created a new master key");
        secrets.forEach((what, secret) -> assertThat(logged.contains(secret))
                .as("the log holds the " + what)
                .isFalse());
        assertThat(logged.contains(keyMaterial))
                .as("the log holds the master key")
                .isFalse();

        // every API response: auth values and tenant secrets never; a signing secret only in the answer that issued it
        List<String> bodies = List.copyOf(responses);
        assertThat(bodies).hasSizeGreaterThan(15);
        secrets.forEach((what, secret) -> assertThat(
                        bodies.stream().filter(body -> body.contains(secret)).count())
                .as("API responses holding the " + what)
                .isEqualTo(what.contains("signing") ? 1 : 0));
        assertThat(bodies.stream().filter(body -> body.contains(keyMaterial)))
                .as("responses with the master key")
                .isEmpty();
    }

    @Test
    void standardWebhooksToolSignsWithBothSecretsDuringTheOverlapAndOnlyTheNewOneAfter() throws Exception {
        Instant start = CLOCK.instant();
        JsonNode tool = createTool("hooks", "\"body_mode\": \"envelope\", \"signature_scheme\": \"standard_webhooks\"");
        String original = tool.get("signing_secret").asString();
        RecordedRequest before = invokeOk("hooks");

        ApiClient.Answer rotation = api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/tools/" + tool.get("id").asString() + "/signing-secret/rotate",
                "{}");
        String rotated = rotation.json().get("signing_secret").asString();
        CLOCK.advance(Duration.ofHours(24).minusSeconds(1));
        RecordedRequest insideWindow = invokeOk("hooks");
        CLOCK.advance(Duration.ofSeconds(2));
        RecordedRequest afterWindow = invokeOk("hooks");

        assertThat(original).startsWith("whsec_");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(original);
        assertThat(rotation.json().get("previous_expires_at").asString())
                .isEqualTo(start.plus(Duration.ofHours(24)).toString());
        assertThat(rotation.json().get("overlap_seconds").asLong()).isEqualTo(86_400);
        assertThat(rotation.json().get("active_signing_secrets").asInt()).isEqualTo(2);
        assertThat(standardSignatures(before)).containsExactly(standardSignature(original, before));
        assertThat(insideWindow.getHeaders().get("webhook-signature")).matches("v1,\\S+ v1,\\S+");
        assertThat(standardSignatures(insideWindow))
                .containsExactlyInAnyOrder(
                        standardSignature(rotated, insideWindow), standardSignature(original, insideWindow));
        assertThat(standardSignatures(afterWindow)).containsExactly(standardSignature(rotated, afterWindow));
    }

    @Test
    void rotationKeepsAtMostThreeSecretsAndAZeroOverlapEndsTheOldOnesAtOnce() throws Exception {
        JsonNode tool = createTool("rotating", "\"body_mode\": \"envelope\"");
        String toolId = tool.get("id").asString();
        String s0 = tool.get("signing_secret").asString();
        CLOCK.advance(Duration.ofSeconds(10));
        String s1 = rotate(toolId, "");
        CLOCK.advance(Duration.ofSeconds(60));
        String s2 = rotate(toolId, "{\"overlap_seconds\": 3600}");
        RecordedRequest three = invokeOk("rotating");
        CLOCK.advance(Duration.ofSeconds(60));
        String s3 = rotate(toolId, "{}");
        RecordedRequest capped = invokeOk("rotating");
        String s4 = rotate(toolId, "{\"overlap_seconds\": 0}");
        RecordedRequest alone = invokeOk("rotating");

        assertThat(toolgateSignatures(three))
                .containsExactlyInAnyOrder(
                        toolgateSignature(s2, three), toolgateSignature(s1, three), toolgateSignature(s0, three));
        assertThat(toolgateSignatures(three).get(0))
                .as("the current secret signs first")
                .isEqualTo(toolgateSignature(s2, three));
        assertThat(toolgateSignatures(capped))
                .containsExactlyInAnyOrder(
                        toolgateSignature(s3, capped), toolgateSignature(s2, capped), toolgateSignature(s1, capped));
        assertThat(toolgateSignatures(alone)).containsExactly(toolgateSignature(s4, alone));
        String path = "/v1/agents/" + agentId + "/tools/" + toolId + "/signing-secret/rotate";
        ApiClient.Answer tooLong = api.post(ADMIN_KEY, path, "{\"overlap_seconds\": 86401}");
        ApiClient.Answer unknown = api.post(ADMIN_KEY, path, "{\"overlap\": 5}");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("overlap_seconds");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(api.post(
                                ADMIN_KEY,
                                "/v1/agents/" + agentId + "/tools/" + UUID.randomUUID() + "/signing-secret/rotate",
                                "{}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void changingTheSignatureSchemeIssuesASecretOfTheNewForm() throws Exception {
        JsonNode tool = createTool("switching", "\"body_mode\": \"envelope\"");

        ApiClient.Answer patched = api.patch(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/tools/" + tool.get("id").asString(),
                "{\"config\": {\"signature_scheme\": \"standard_webhooks\"}}");
        ApiClient.Answer unchanged = api.patch(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/tools/" + tool.get("id").asString(),
                "{\"description\": \"Still standard webhooks\"}");
        String secret = patched.json().get("signing_secret").asString();
        RecordedRequest request = invokeOk("switching");

        assertThat(tool.get("signing_secret").asString()).startsWith("tgsec_");
        assertThat(secret).startsWith("whsec_");
        assertThat(unchanged.json().has("signing_secret")).isFalse();
        assertThat(standardSignatures(request)).containsExactly(standardSignature(secret, request));
    }

    @Test
    void tenantSecretsApiIsWriteOnlyValidatedScopedAndConfinedToItsTenant() throws Exception {
        String readOnly = keys.createKey(
                        ApiKeyService.DEFAULT_TENANT_ID,
                        "ro",
                        EnumSet.of(Scope.TOOLS_READ),
                        ApiKeyService.generateKey())
                .key();
        UUID otherTenant = tenants.create("other").id();
        String otherKey = keys.createKey(otherTenant, "admin", EnumSet.of(Scope.ADMIN), ApiKeyService.generateKey())
                .key();
        String name = "crm.token-" + UUID.randomUUID().toString().substring(0, 8);

        ApiClient.Answer created = api.put(ADMIN_KEY, "/v1/secrets/" + name, "{\"value\": \"first-value\"}");
        CLOCK.advance(Duration.ofSeconds(5));
        ApiClient.Answer replaced = api.put(ADMIN_KEY, "/v1/secrets/" + name, "{\"value\": \"second-value\"}");
        createTool("uses_secret", "\"headers\": [{\"key\": \"X-Token\", \"value\": \"{{secrets." + name + "}}\"}]");
        RecordedRequest request = invokeOk("uses_secret");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("value").asString()).isEqualTo("***");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("created_at").asString())
                .isEqualTo(created.json().get("created_at").asString());
        assertThat(replaced.json().get("updated_at").asString())
                .isNotEqualTo(created.json().get("updated_at").asString());
        assertThat(request.getHeaders().get("X-Token")).isEqualTo("second-value");
        assertThat(api.get(ADMIN_KEY, "/v1/secrets/" + name).json().get("value").asString())
                .isEqualTo("***");
        assertThat(api.get(readOnly, "/v1/secrets")
                        .json()
                        .get("data")
                        .valueStream()
                        .map(s -> s.get("name").asString())
                        .toList())
                .contains(name);

        // validation
        assertThat(api.put(ADMIN_KEY, "/v1/secrets/bad%20name", "{\"value\": \"v\"}")
                        .status())
                .isEqualTo(422);
        assertThat(api.put(ADMIN_KEY, "/v1/secrets/" + "n".repeat(129), "{\"value\": \"v\"}")
                        .status())
                .isEqualTo(422);
        assertThat(api.put(ADMIN_KEY, "/v1/secrets/x", "{\"value\": \"***\"}")
                        .json()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("value");
        assertThat(api.put(ADMIN_KEY, "/v1/secrets/x", "{\"value\": \"\"}").status())
                .isEqualTo(422);
        assertThat(api.put(ADMIN_KEY, "/v1/secrets/x", "{\"value\": 42}").status())
                .isEqualTo(422);
        assertThat(api.put(ADMIN_KEY, "/v1/secrets/x", "{}").status()).isEqualTo(422);
        assertThat(api.put(ADMIN_KEY, "/v1/secrets/x", "{\"value\": \"" + "v".repeat(8193) + "\"}")
                        .status())
                .isEqualTo(422);

        // scopes
        assertThat(api.put(readOnly, "/v1/secrets/" + name, "{\"value\": \"v\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.delete(readOnly, "/v1/secrets/" + name).status()).isEqualTo(403);
        assertThat(api.get(null, "/v1/secrets").status()).isEqualTo(401);

        // another tenant: neither sees the secret nor can use it, and its own secret of the same name stays apart
        assertThat(api.get(otherKey, "/v1/secrets/" + name).status()).isEqualTo(404);
        assertThat(api.get(otherKey, "/v1/secrets").json().get("data")).isEmpty();
        assertThat(api.delete(otherKey, "/v1/secrets/" + name).status()).isEqualTo(404);
        String otherAgent = api.post(otherKey, "/v1/agents", "{\"name\": \"other\"}")
                .json()
                .get("id")
                .asString();
        api.post(otherKey, "/v1/agents/" + otherAgent + "/tools", """
                {"name": "borrow", "description": "d", "tool_type": "http_request",
                 "config": {"url": "%s", "headers": [{"key": "X-Token", "value": "{{secrets.%s}}"}]}}
                """.formatted(TestEndpoint.url("/borrow"), name));
        JsonNode borrowed = api.post(otherKey, "/v1/agents/" + otherAgent + "/invocations", "{\"tool\": \"borrow\"}")
                .json();
        assertThat(borrowed.get("error").get("code").asString()).isEqualTo("HTTP_TOOL_INTERNAL");
        assertThat(borrowed.get("error").get("message").asString())
                .contains("'" + name + "'")
                .contains("not set");

        // deletion: gone for reads and for templates
        assertThat(api.delete(ADMIN_KEY, "/v1/secrets/" + name).status()).isEqualTo(204);
        assertThat(api.get(ADMIN_KEY, "/v1/secrets/" + name).status()).isEqualTo(404);
        assertThat(api.delete(ADMIN_KEY, "/v1/secrets/" + name).status()).isEqualTo(404);
        JsonNode missing = invoke("uses_secret");
        assertThat(missing.get("error").get("code").asString()).isEqualTo("HTTP_TOOL_INTERNAL");
        assertThat(missing.get("error").get("message").asString()).contains("'" + name + "'");
        assertThat(TestEndpoint.SERVER.takeRequest(100, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void theOpenApiDocumentListsTheSecretsEndpoints() {
        JsonNode paths = api.get(null, "/v3/api-docs").json().get("paths");

        assertThat(paths.has("/v1/secrets/{name}")).isTrue();
        assertThat(paths.has("/v1/agents/{agentId}/tools/{toolId}/signing-secret/rotate"))
                .isTrue();
    }

    private JsonNode waitForInvocations(int atLeast) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            JsonNode data = api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/invocations")
                    .json()
                    .get("data");
            if (data.size() >= atLeast) {
                return data;
            }
            Thread.sleep(50); // the invocation log is written in the background
        }
        throw new AssertionError("the invocation log did not show " + atLeast + " invocations");
    }

    private static String readAll(Path dir) throws java.io.IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .append('\n');
            }
        }
        return all.toString();
    }

    private static List<String> toolgateSignatures(RecordedRequest request) {
        return Stream.of(request.getHeaders().get("X-Toolgate-Signature").split(","))
                .filter(part -> part.startsWith("v1="))
                .map(part -> part.substring(3))
                .toList();
    }

    private static String toolgateSignature(String secret, RecordedRequest request) throws Exception {
        return hmacHex(
                secret,
                request.getHeaders().get("X-Toolgate-Timestamp") + "."
                        + request.getBody().utf8());
    }

    private static List<String> standardSignatures(RecordedRequest request) {
        return List.of(request.getHeaders().get("webhook-signature").split(" "));
    }

    /** Standard Webhooks 1.0: {@code v1,} + base64 HMAC-SHA256 over {@code id.timestamp.body}, keyed by the decoded secret. */
    private static String standardSignature(String secret, RecordedRequest request) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        String content = request.getHeaders().get("webhook-id") + "."
                + request.getHeaders().get("webhook-timestamp") + "."
                + request.getBody().utf8();
        return "v1," + Base64.getEncoder().encodeToString(hmac(key, content));
    }

    private static String hmacHex(String secret, String content) throws Exception {
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), content));
    }

    private static byte[] hmac(byte[] key, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    }
}
