package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI contract (docs/api.md): the document served at {@code /v3/api-docs} and Swagger UI at
 * {@code /docs/api}, then checked by tools nobody here wrote, from {@code contract/} (npm packages pinned by its
 * lockfile, installed by scripts/setup): Redocly CLI's recommended ruleset must pass with no error and no warning,
 * and a TypeScript client generated from the served document ({@code openapi-typescript} + {@code openapi-fetch})
 * must type-check ({@code tsc --noEmit}) and walk the API against this running server. Without Node.js, npm or
 * {@code contract/node_modules} those tests are skipped, and fail under {@code CI=true}.
 */
@SpringBootTest(classes = ToolgateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiContractIntegrationTest {

    static final String ADMIN_KEY = "tg_test_contract_admin_key_0123456789";
    static final NodeKit KIT = NodeKit.of("contract", "The contract tests need Node.js, npm and contract/node_modules");
    static final Path CONTRACT = KIT.dir();

    /**
     * The most problems Redocly's recommended ruleset may report on the served document. Zero: a change that makes
     * the document break a rule fails here.
     */
    static final int MAX_LINT_ERRORS = 0;

    static final int MAX_LINT_WARNINGS = 0;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("toolgate-contract");
        registry.add("toolgate.data-dir", dataDir::toString);
        registry.add("toolgate.bootstrap-api-key", () -> ADMIN_KEY);
        registry.add("toolgate.egress.allowlist", () -> "127.0.0.1:" + TestEndpoint.SERVER.getPort());
        registry.add("toolgate.egress.extra-ca", TestEndpoint.CA_PEM::toString);
        registry.add("toolgate.rate-limit.tenant-per-minute", () -> "0");
        registry.add("toolgate.rate-limit.tool-per-minute", () -> "0");
    }

    @LocalServerPort
    int port;

    @Autowired
    BuildProperties build;

    ApiClient api;
    JsonNode document;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://127.0.0.1:" + port);
        ApiClient.Answer answer = api.get(null, "/v3/api-docs");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        document = answer.json();
    }

    @Test
    void documentNamesTheApiItsVersionLicenseAndApiKeyScheme() {
        JsonNode info = document.get("info");
        assertThat(info.get("title").asString()).isEqualTo("Toolgate API");
        assertThat(info.get("version").asString()).isEqualTo(build.getVersion());
        assertThat(info.get("description").asString()).contains("X-API-Key");
        assertThat(info.get("license").get("name").asString()).isEqualTo("Apache-2.0");
        assertThat(info.get("license").get("url").asString()).isEqualTo("https://www.apache.org/licenses/LICENSE-2.0");

        JsonNode scheme = document.at("/components/securitySchemes/ApiKey");
        assertThat(scheme.get("type").asString()).isEqualTo("apiKey");
        assertThat(scheme.get("in").asString()).isEqualTo("header");
        assertThat(scheme.get("name").asString()).isEqualTo("X-API-Key");
        assertThat(document.get("security").toString()).isEqualTo("[{\"ApiKey\":[]}]");
        assertThat(document.at("/servers/0/url").asString()).isEqualTo("/");
    }

    @Test
    void everyOperationHasAnIdSummaryResourceTagAndTheErrorsItGives() {
        Set<String> tags = new HashSet<>();
        document.get("tags").forEach(tag -> tags.add(tag.get("name").asString()));
        assertThat(tags)
                .containsExactlyInAnyOrder(
                        "agents",
                        "tools",
                        "functions",
                        "invocations",
                        "calls",
                        "tool calls",
                        "test fires",
                        "knowledge",
                        "secrets",
                        "signing secrets",
                        "api keys",
                        "tenants",
                        "rate limits",
                        "health",
                        "platform adapters");
        Map<String, String> ids = new TreeMap<>();
        operations().forEach((where, operation) -> {
            String id = operation.get("operationId").asString();
            assertThat(id).as(where).matches("[a-z][a-zA-Z0-9]*");
            assertThat(ids.put(id, where)).as("operationId %s of %s", id, where).isNull();
            assertThat(operation.get("summary").asString()).as(where).isNotBlank();
            assertThat(operation.get("tags")).as(where).hasSize(1);
            assertThat(tags).as(where).contains(operation.get("tags").get(0).asString());
            operation
                    .path("parameters")
                    .forEach(parameter -> assertThat(parameter.get("name").asString())
                            .as(where)
                            .isNotEqualTo("principal"));
            assertThat(operation.at("/responses/401/$ref").asString()).as(where).startsWith("#/components/responses/");
            // A voice platform's adapter proves itself with its own header, not an API key with scopes: no 403.
            boolean ownScheme = operation.has("security")
                    && !operation.get("security").toString().contains("\"ApiKey\"");
            if (!ownScheme) {
                assertThat(operation.at("/responses/403/$ref").asString())
                        .as(where)
                        .startsWith("#/components/responses/");
            }
            if (where.contains("{")) {
                assertThat(operation.at("/responses/404/$ref").asString())
                        .as(where)
                        .startsWith("#/components/responses/");
            }
            if (operation.has("requestBody")) {
                // Some operations name their own 413/422 responses (with examples), others take the shared ones.
                assertThat(operation.at("/responses/413/$ref").asString())
                        .as(where)
                        .matches("#/components/responses/(ContentTooLarge|PayloadTooLarge)");
                assertThat(operation.has("responses")
                                && operation.get("responses").has("422"))
                        .as(where)
                        .isTrue();
            }
        });
        assertThat(ids)
                .containsEntry("createTool", "POST /v1/agents/{agentId}/tools")
                .containsEntry("listInvocations", "GET /v1/agents/{agentId}/invocations")
                .containsEntry("invokeTool", "POST /v1/agents/{agentId}/invocations")
                .containsEntry("replayInvocation", "POST /v1/invocations/{id}/replay")
                .containsEntry("getToolHealth", "GET /v1/agents/{agentId}/tools/{toolId}/health")
                .containsEntry("receiveVapiToolCalls", "POST /v1/agents/{agentId}/adapters/vapi")
                .doesNotContainValue("POST /v1/agents/{agentId}/mcp");
        assertThat(document.at("/paths/~1v1~1agents~1{agentId}~1adapters~1retell/post/security/0")
                        .has("RetellSignature"))
                .isTrue();
        assertThat(document.at("/components/securitySchemes/VapiSecret/name").asString())
                .isEqualTo("X-Vapi-Secret");
        assertThat(document.at("/paths/~1v1~1agents~1{agentId}~1tools/post/tags/0")
                        .asString())
                .isEqualTo("tools");
        assertThat(document.at("/paths/~1v1~1agents~1{agentId}~1tool-calls/post/tags/0")
                        .asString())
                .isEqualTo("tool calls");
        assertThat(document.at("/paths/~1v1~1agents~1{agentId}~1tools~1{toolId}~1test/post/tags/0")
                        .asString())
                .isEqualTo("test fires");
    }

    @Test
    void createAnswers201DeleteAnswers204AndErrorsAreProblems() {
        JsonNode create = document.at("/paths/~1v1~1agents~1{agentId}~1tools/post/responses");
        assertThat(create.has("201")).isTrue();
        assertThat(create.has("200")).isFalse();
        JsonNode created = create.at("/201/content/application~1json/schema");
        assertThat(created.has("$ref")
                        || created.has("oneOf")
                        || "object".equals(created.path("type").asString()))
                .as(created.toString())
                .isTrue();
        JsonNode delete = document.at("/paths/~1v1~1agents~1{agentId}/delete/responses");
        assertThat(delete.has("204")).isTrue();
        assertThat(delete.has("200")).isFalse();
        assertThat(delete.get("204").has("content")).isFalse();

        JsonNode unprocessable = document.at("/components/responses/UnprocessableContent");
        assertThat(unprocessable
                        .at("/content/application~1problem+json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Problem");
        JsonNode problem = document.at("/components/schemas/Problem/properties");
        assertThat(problem.propertyNames()).contains("type", "title", "status", "detail", "code", "errors");
        assertThat(problem.at("/errors/items/$ref").asString()).isEqualTo("#/components/schemas/FieldProblem");
        assertThat(document.at("/components/schemas/FieldProblem/properties").propertyNames())
                .containsExactlyInAnyOrder("field", "message");

        // and the server really answers so
        ApiClient.Answer invalid = api.post(ADMIN_KEY, "/v1/agents", "{}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.json().at("/errors/0/field").asString()).isEqualTo("name");
    }

    @Test
    void swaggerUiIsServedFromItsWebJarWithoutAnApiKey() {
        ApiClient.Answer page = api.get(null, "/docs/api");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("swagger-ui");
        assertThat(page.text()).doesNotContainPattern("(src|href)=\"(https?:)?//");

        Matcher assets = Pattern.compile("(?:src|href)=\"\\./([^\"]+)\"").matcher(page.text());
        List<String> fetched = new ArrayList<>();
        while (assets.find()) {
            ApiClient.Answer asset = api.get(null, "/docs/swagger-ui/" + assets.group(1));
            assertThat(asset.status()).as(assets.group(1)).isEqualTo(200);
            fetched.add(assets.group(1));
        }
        assertThat(fetched).contains("swagger-ui-bundle.js", "swagger-initializer.js", "swagger-ui.css");

        JsonNode config = api.get(null, "/v3/api-docs/swagger-config").json();
        assertThat(config.get("url").asString()).isEqualTo("/v3/api-docs");
        assertThat(config.get("validatorUrl").asString()).isEqualTo("none");
    }

    @Test
    void documentPassesRedoclysRecommendedRuleset() throws Exception {
        Path file = writeDocument();
        NodeKit.Run lint = KIT.run(KIT.bin("redocly"), "lint", "--format=json", file.toString());
        JsonNode report = ApiClient.JSON.readTree(lint.stdout());
        int errors = report.at("/totals/errors").asInt();
        int warnings = report.at("/totals/warnings").asInt();
        Map<String, List<String>> byRule = new TreeMap<>();
        report.get("problems")
                .forEach(problem -> byRule.computeIfAbsent(
                                problem.get("ruleId").asString()
                                        + " ("
                                        + problem.get("severity").asString()
                                        + ")",
                                rule -> new ArrayList<>())
                        .add(problem.at("/location/0/pointer").asString()));
        assertThat(errors)
                .as("Redocly errors (exit %d), by rule: %s", lint.exit(), byRule)
                .isLessThanOrEqualTo(MAX_LINT_ERRORS);
        assertThat(warnings).as("Redocly warnings, by rule: %s", byRule).isLessThanOrEqualTo(MAX_LINT_WARNINGS);
        assertThat(lint.exit()).as(lint.stderr()).isZero();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // four Node.js processes; tsc alone takes seconds
    void generatedTypeScriptClientTypeChecksAndWalksTheApi() throws Exception {
        Path file = writeDocument();
        Path types = CONTRACT.resolve("target/api.d.ts");
        Files.deleteIfExists(types);
        // A field with a default may be left out of a request: not required in the generated types.
        NodeKit.expectSuccess(KIT.run(
                KIT.bin("openapi-typescript"),
                file.toString(),
                "--default-non-nullable",
                "false",
                "--output",
                types.toString()));
        NodeKit.expectSuccess(KIT.run(KIT.bin("tsc"), "--noEmit", "-p", "tsconfig.json"));
        // type-checked just above: only emit the JavaScript that node runs
        NodeKit.expectSuccess(KIT.run(KIT.bin("tsc"), "-p", "tsconfig.json", "--noCheck"));

        while (TestEndpoint.SERVER.takeRequest(1, TimeUnit.MILLISECONDS) != null) {
            // drop requests left over by other tests
        }
        for (int i = 0; i < 3; i++) { // the invocation, its replay and the assistant message's tool call
            TestEndpoint.SERVER.enqueue(new MockResponse.Builder()
                    .code(200)
                    .addHeader("Content-Type", "application/json")
                    .body("{\"name\":\"Ada Lovelace\",\"tier\":\"gold\"}")
                    .build());
        }
        NodeKit.Run walk = KIT.run(
                Map.of(
                        "TOOLGATE_URL",
                        "http://127.0.0.1:" + port,
                        "TOOLGATE_API_KEY",
                        ADMIN_KEY,
                        "TOOL_URL",
                        TestEndpoint.url("/crm/customers")),
                "node",
                "target/js/walk.js");
        NodeKit.expectSuccess(walk);
        for (String step : List.of(
                "createAgent",
                "createTool",
                "getAgentFunctions",
                "invokeTool",
                "listInvocations",
                "getInvocation",
                "replayInvocation",
                "runToolCalls",
                "testFireTool")) {
            assertThat(walk.stdout()).as(walk.stdout()).contains("step " + step + " ok");
        }
        assertThat(walk.stdout()).contains("walk complete");
        for (int i = 0; i < 3; i++) {
            RecordedRequest request = TestEndpoint.SERVER.takeRequest(1, TimeUnit.SECONDS);
            assertThat(request).as("tenant endpoint call %d", i + 1).isNotNull();
            assertThat(request.getHeaders().get("X-Toolgate-Signature")).startsWith("t=");
            assertThat(request.getBody().utf8()).isEqualTo("{\"phone\":\"+14155550123\"}");
        }
    }

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations.put(
                        operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(),
                        operation.getValue());
            }
        }
        return operations;
    }

    /** Writes the served document to {@code contract/target/openapi.json}, after checking the tools are there. */
    private Path writeDocument() throws IOException {
        KIT.require("node", "npm");
        Path file = CONTRACT.resolve("target/openapi.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, document.toPrettyString(), StandardCharsets.UTF_8);
        return file;
    }
}
