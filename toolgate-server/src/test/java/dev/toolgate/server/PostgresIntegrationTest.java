package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The same Flyway migrations and the REST API on PostgreSQL (127.0.0.1:5432, database {@code test}, trust auth),
 * in a schema of its own that is dropped afterwards. Skipped when PostgreSQL is not reachable, except under
 * {@code CI=true}, where a missing database fails the build.
 */
@SpringBootTest(classes = ToolgateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresIntegrationTest {

    static final String BASE_URL =
            System.getenv().getOrDefault("TOOLGATE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("TOOLGATE_TEST_PG_USER", "postgres");
    static final String SCHEMA =
            "toolgate_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    static final String ADMIN_KEY = "tg_test_pg_admin_key_0123456789";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        try (Connection connection = DriverManager.getConnection(BASE_URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("create schema " + SCHEMA);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("PostgreSQL at " + BASE_URL + " is required under CI=true: " + e.getMessage());
            }
            Assumptions.abort("PostgreSQL not reachable at " + BASE_URL + ": " + e.getMessage());
        }
        registry.add("toolgate.db.url", () -> BASE_URL + "?currentSchema=" + SCHEMA);
        registry.add("toolgate.db.user", () -> USER);
        registry.add("toolgate.db.password", () -> "");
        registry.add("toolgate.master-key", dev.toolgate.server.secrets.SecretCipher::generateKeysetJson);
        registry.add("toolgate.bootstrap-api-key", () -> ADMIN_KEY);
        registry.add("toolgate.data-dir", () -> System.getProperty("java.io.tmpdir") + "/toolgate-pg-it");
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(BASE_URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @LocalServerPort
    int port;

    @Test
    void migratesAndServesTheApiOnPostgres() {
        ApiClient api = new ApiClient("http://127.0.0.1:" + port);

        String agentId = api.post(ADMIN_KEY, "/v1/agents", "{\"name\":\"pg\"}")
                .json()
                .get("id")
                .asString();
        ApiClient.Answer tool = api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/tools", """
                {"name": "lookup", "description": "Looks things up", "tool_type": "http_request",
                 "parameters": {"type": "object", "properties": {"q": {"type": "string"}}, "required": ["q"]},
                 "config": {"url": "https://api.example.com/lookup"}}
                """);
        ApiClient.Answer duplicate = api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/tools", """
                {"name": "lookup", "description": "again", "tool_type": "end_call", "config": {}}
                """);
        JsonNode invoked = api.post(
                        ADMIN_KEY,
                        "/v1/agents/" + agentId + "/invocations",
                        "{\"tool\": \"lookup\", \"arguments\": {}}")
                .json();
        JsonNode log = api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/invocations?status=error")
                .json();

        assertThat(tool.status()).as(tool.text()).isEqualTo(201);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(invoked.get("error").get("code").asString()).isEqualTo("HTTP_TOOL_INVALID_ARGS");
        assertThat(log.get("data")).hasSize(1);
        assertThat(log.get("data").get(0).get("arguments").isObject()).isTrue();
    }

    @org.springframework.beans.factory.annotation.Autowired
    dev.toolgate.core.knowledge.KnowledgeSearch knowledge;

    @Test
    void storesAndSearchesKnowledgeDocumentsOnPostgres() {
        ApiClient api = new ApiClient("http://127.0.0.1:" + port);
        String agentId = api.post(ADMIN_KEY, "/v1/agents", "{\"name\":\"pg knowledge\"}")
                .json()
                .get("id")
                .asString();
        String documents = "/v1/agents/" + agentId + "/knowledge/documents";
        String id = api.post(ADMIN_KEY, documents, """
                        {"title": "Parking", "content_type": "text/markdown",
                         "content": "# Parking\\n\\nFree parking is behind the building, entrance on Elm Street."}
                        """).json().get("id").asString();

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> !api.get(ADMIN_KEY, documents + "/" + id)
                        .json()
                        .get("status")
                        .asString()
                        .equals("processing"));

        assertThat(api.get(ADMIN_KEY, documents + "/" + id).json().get("status").asString())
                .isEqualTo("ready");
        assertThat(api.get(ADMIN_KEY, documents + "/" + id + "/chunks")
                        .json()
                        .get("data")
                        .get(0)
                        .get("text")
                        .asString())
                .isEqualTo("Parking\n\nFree parking is behind the building, entrance on Elm Street.");
        assertThat(knowledge.search(
                        dev.toolgate.server.tenant.ApiKeyService.DEFAULT_TENANT_ID,
                        UUID.fromString(agentId),
                        "where can I park?",
                        3,
                        0.1))
                .singleElement()
                .satisfies(hit -> assertThat(hit.documentId()).isEqualTo(id));
    }
}
