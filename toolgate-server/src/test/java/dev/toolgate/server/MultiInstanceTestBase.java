package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.server.secrets.SecretCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Two instances on one PostgreSQL database: a write through instance A takes effect on A before its answer, and on
 * instance B within {@link #PROPAGATION}. Each test first makes B cache what A then changes, so B could only pass
 * by hearing of the change. Subclasses choose how the instances talk (Redis, or PostgreSQL alone).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MultiInstanceTestBase {

    /** How soon a change made on one instance must take effect on the other. */
    static final Duration PROPAGATION = Duration.ofSeconds(1);

    static final String OPERATOR_KEY = "tg_test_multi_operator_key_0123456789";

    TestPostgres database;
    Gateway a;
    Gateway b;

    /** Settings of both instances beyond the shared database and master key, e.g. a Redis URL. */
    abstract List<String> transportSettings();

    @BeforeAll
    void startTwoInstances() throws Exception {
        beforeInstances();
        database = TestPostgres.create();
        List<String> args = new ArrayList<>(transportSettings());
        args.add("--toolgate.db.url=" + database.url());
        args.add("--toolgate.db.user=" + database.user());
        args.add("--toolgate.db.password=");
        args.add("--toolgate.master-key=" + SecretCipher.generateKeysetJson());
        args.add("--toolgate.bootstrap-api-key=" + OPERATOR_KEY);
        Path dataDir = Files.createTempDirectory("toolgate-multi");
        args.add("--toolgate.data-dir=" + dataDir);
        a = Gateway.start(args);
        b = Gateway.start(args);
    }

    /** Runs before the instances start (e.g. to check that Redis is there). */
    void beforeInstances() {}

    @AfterAll
    void stopInstances() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {b, a, database}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    /** A new tenant: its id and its admin key. */
    record NewTenant(String id, String admin) {}

    /** Creates a tenant, so rate limits and keys of one test never touch another's. */
    NewTenant newTenant() {
        JsonNode created = a.api()
                .post(OPERATOR_KEY, "/v1/tenants", "{\"name\": \"t-" + UUID.randomUUID() + "\"}")
                .json();
        return new NewTenant(
                created.get("id").asString(), created.get("api_key").asString());
    }

    /** Creates a tenant and returns its admin key. */
    String tenant() {
        return newTenant().admin();
    }

    /** Creates an agent with one {@code end_call} tool named {@code bye}; returns the agent's id. */
    String agentWithTool(String key) {
        String agentId = a.api()
                .post(key, "/v1/agents", "{\"name\": \"multi\"}")
                .json()
                .get("id")
                .asString();
        ApiClient.Answer tool = a.api()
                .post(
                        key,
                        "/v1/agents/" + agentId + "/tools",
                        "{\"name\": \"bye\", \"description\": \"Ends the call\", \"tool_type\": \"end_call\","
                                + " \"config\": {}}");
        assertThat(tool.status()).as(tool.text()).isEqualTo(201);
        return agentId;
    }

    static ApiClient.Answer invoke(Gateway gateway, String key, String agentId) {
        return gateway.api()
                .post(key, "/v1/agents/" + agentId + "/invocations", "{\"tool\": \"bye\", \"arguments\": {}}");
    }

    static String errorCode(ApiClient.Answer answer) {
        JsonNode error = answer.json() == null ? null : answer.json().get("error");
        return error == null || error.isNull() ? null : error.get("code").asString();
    }

    /** Creates a key with {@code scopes} for the tenant of {@code adminKey}; returns {id, key}. */
    String[] key(String adminKey) {
        JsonNode created = a.api()
                .post(adminKey, "/v1/api-keys", "{\"name\": \"revocable\", \"scopes\": [\"tools:read\"]}")
                .json();
        return new String[] {created.get("id").asString(), created.get("key").asString()};
    }

    @Test
    void aKeyRevokedOnOneInstanceIsRefusedOnTheOtherWithinASecond() {
        String admin = tenant();
        String[] key = key(admin);
        assertThat(b.api().get(key[1], "/v1/agents").status()).isEqualTo(200);

        assertThat(a.api().delete(admin, "/v1/api-keys/" + key[0]).status()).isEqualTo(204);
        int onA = a.api().get(key[1], "/v1/agents").status();

        assertThat(onA).isEqualTo(401);
        Gateway.awaitTrue(
                PROPAGATION,
                () -> b.api().get(key[1], "/v1/agents").status() == 401,
                "instance B refuses the revoked key");
    }

    @Test
    void aToolDisabledOnOneInstanceIsRefusedOnTheOtherWithinASecond() {
        String admin = tenant();
        String agentId = agentWithTool(admin);
        String toolId = a.api()
                .get(admin, "/v1/agents/" + agentId + "/tools")
                .json()
                .get("data")
                .get(0)
                .get("id")
                .asString();
        assertThat(errorCode(invoke(b, admin, agentId))).isNull();

        a.api().patch(admin, "/v1/agents/" + agentId + "/tools/" + toolId, "{\"is_enabled\": false}");
        String onA = errorCode(invoke(a, admin, agentId));

        assertThat(onA).isEqualTo("HTTP_TOOL_DISABLED");
        Gateway.awaitTrue(
                PROPAGATION,
                () -> "HTTP_TOOL_DISABLED".equals(errorCode(invoke(b, admin, agentId))),
                "instance B refuses the disabled tool");
    }

    @Test
    void anAgentDeletedOnOneInstanceIsGoneOnTheOtherWithinASecond() {
        String admin = tenant();
        String agentId = agentWithTool(admin);
        assertThat(errorCode(invoke(b, admin, agentId))).isNull();

        assertThat(a.api().delete(admin, "/v1/agents/" + agentId).status()).isEqualTo(204);

        assertThat(invoke(a, admin, agentId).status()).isEqualTo(404);
        Gateway.awaitTrue(
                PROPAGATION, () -> invoke(b, admin, agentId).status() == 404, "instance B no longer finds the agent");
    }

    @Test
    void rateLimitsChangedOnOneInstanceApplyOnTheOtherWithinASecond() {
        NewTenant tenant = newTenant();
        String admin = tenant.admin();
        String agentId = agentWithTool(admin);
        assertThat(errorCode(invoke(b, admin, agentId))).isNull();

        a.api().put(OPERATOR_KEY, "/v1/tenants/" + tenant.id() + "/rate-limits", "{\"tool_per_minute\": 1}");

        Gateway.awaitTrue(
                PROPAGATION,
                () -> {
                    ApiClient.Answer answer = invoke(b, admin, agentId);
                    return "HTTP_TOOL_RATE_LIMITED".equals(errorCode(answer))
                            && answer.json()
                                    .get("error")
                                    .get("message")
                                    .asString()
                                    .contains(" 1 calls per minute");
                },
                "instance B applies the new limit of 1 call per minute");
    }
}
