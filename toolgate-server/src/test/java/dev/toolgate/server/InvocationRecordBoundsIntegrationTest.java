package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One invocation record is bounded: arguments and the rendered request past
 * {@code toolgate.limits.max-record-field-bytes} are stored cut with a marker, as JSON that still parses, so the
 * agent's log always lists; and a row written before the bound (oversize, or not JSON at all) lists too.
 */
@SpringBootTest(classes = ToolgateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InvocationRecordBoundsIntegrationTest {

    static final String KEY = "tg_test_bounds_admin_key_0123456789abc";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("toolgate-bounds");
        registry.add("toolgate.data-dir", dataDir::toString);
        registry.add("toolgate.bootstrap-api-key", () -> KEY);
        registry.add("toolgate.egress.allowlist", () -> "127.0.0.1:" + TestEndpoint.SERVER.getPort());
        registry.add("toolgate.egress.extra-ca", TestEndpoint.CA_PEM::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    String agentId;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://127.0.0.1:" + port);
        agentId = api.agentWithTool(KEY, "take_note", "{\"note\": {\"type\": \"string\"}}", TestEndpoint.url("/notes"));
    }

    @Test
    void fiftyKbOfArgumentsAreStoredCutWithAMarkerAndTheLogStillLists() {
        TestEndpoint.SERVER.enqueue(new MockResponse.Builder().body("noted").build());
        // 30,000 characters, about 52 KB once JSON-escaped: under the 64 KiB argument limit, over the 16 KiB bound
        String note = "n\"\\é".repeat(7_500);
        ApiClient.Answer invoked = api.post(
                KEY,
                "/v1/agents/" + agentId + "/invocations",
                ApiClient.JSON
                        .createObjectNode()
                        .put("tool", "take_note")
                        .set("arguments", ApiClient.JSON.createObjectNode().put("note", note))
                        .toString());
        String id = invoked.json().get("invocation_id").asString();

        ApiClient.Answer list = api.get(KEY, "/v1/agents/" + agentId + "/invocations");
        ApiClient.Answer one = api.get(KEY, "/v1/invocations/" + id);
        ApiClient.Answer curl = api.get(KEY, "/v1/invocations/" + id + "/curl");
        ApiClient.Answer replay = api.post(KEY, "/v1/invocations/" + id + "/replay", "{}");
        Map<String, Object> stored = jdbc.sql("select arguments, request from invocations where id = ?")
                .param(UUID.fromString(id))
                .query()
                .singleRow();

        assertThat(invoked.json().get("status").asString()).as(invoked.text()).isEqualTo("ok");
        for (String column : new String[] {"arguments", "request"}) {
            String value = (String) stored.get(column);
            assertThat(value.getBytes(StandardCharsets.UTF_8).length).as(column).isLessThanOrEqualTo(16_384);
            assertThat(ApiClient.JSON.readTree(value).asString()).as(column).contains("…[cut: ");
        }
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.json().get("data").get(0).get("arguments").asString())
                .startsWith("{\"note\":\"n\\\"")
                .containsPattern("…\\[cut: \\d+ bytes]$");
        assertThat(one.status()).as(one.text()).isEqualTo(200);
        assertThat(one.json().get("request").asString()).contains("…[cut: ");
        assertThat(curl.status()).as(curl.text()).isEqualTo(409);
        assertThat(curl.text()).contains("request_cut");
        assertThat(replay.status()).as(replay.text()).isEqualTo(409);
        assertThat(replay.json().get("code").asString()).isEqualTo("arguments_cut");
    }

    @Test
    void aLegacyOversizeOrUnparseableRowStillLists() {
        UUID id = UUID.randomUUID();
        UUID tenantId = UUID.fromString(
                api.get(KEY, "/v1/agents/" + agentId).json().get("tenant_id").asString());
        jdbc.sql("insert into invocations (id, tenant_id, agent_id, tool_name, kind, status, truncated, duration_ms,"
                        + " timings, arguments, request, call_context, created_at)"
                        + " values (?, ?, ?, 'take_note', 'invoke', 'ok', false, 1, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        tenantId,
                        UUID.fromString(agentId),
                        "{\"total_ms\": 1",
                        "{\"note\": \"" + "x".repeat(200_000) + "\"}",
                        "not json at all",
                        "[".repeat(5_000),
                        Timestamp.from(Instant.now()))
                .update();

        ApiClient.Answer list = api.get(KEY, "/v1/agents/" + agentId + "/invocations");
        ApiClient.Answer one = api.get(KEY, "/v1/invocations/" + id);

        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(one.status()).as(one.text()).isEqualTo(200);
        assertThat(one.json().get("arguments").asString())
                .hasSizeLessThanOrEqualTo(16_384)
                .contains("…[cut: ");
        assertThat(one.json().get("request").asString()).isEqualTo("not json at all");
        assertThat(one.json().get("timings").asString()).isEqualTo("{\"total_ms\": 1");
        assertThat(list.text().length()).isLessThan(3 * 16_384 + 10_000);
    }

    @Test
    void aStoredToolThatNoLongerPassesTheRulesIsLeftOutNeverA500AndCanBeDeleted() {
        String toolId = api.get(KEY, "/v1/agents/" + agentId + "/tools")
                .json()
                .get("data")
                .get(0)
                .get("id")
                .asString();
        // As an older version could have stored it: a lookahead pattern, which RE2 cannot run.
        String stored = jdbc.sql("select definition from tools where id = ?")
                .param(UUID.fromString(toolId))
                .query(String.class)
                .single();
        String legacy = stored.replace("{\"type\":\"string\"}", "{\"type\":\"string\",\"pattern\":\"^(?=a)a$\"}");
        assertThat(legacy).isNotEqualTo(stored);
        jdbc.sql("update tools set definition = ?, updated_at = ? where id = ?")
                .params(legacy, Timestamp.from(Instant.now().plusSeconds(1)), UUID.fromString(toolId))
                .update();

        ApiClient.Answer list = api.get(KEY, "/v1/agents/" + agentId + "/tools");
        ApiClient.Answer one = api.get(KEY, "/v1/agents/" + agentId + "/tools/" + toolId);
        ApiClient.Answer functions = api.get(KEY, "/v1/agents/" + agentId + "/functions?format=openai");
        ApiClient.Answer deleted = api.delete(KEY, "/v1/agents/" + agentId + "/tools/" + toolId);

        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.text()).doesNotContain(toolId);
        assertThat(one.status()).as(one.text()).isEqualTo(404);
        assertThat(functions.status()).as(functions.text()).isEqualTo(200);
        assertThat(functions.text()).doesNotContain("take_note");
        assertThat(deleted.status()).as(deleted.text()).isEqualTo(204);
    }
}
