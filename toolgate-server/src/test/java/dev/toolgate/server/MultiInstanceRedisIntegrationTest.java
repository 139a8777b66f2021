package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two instances that share PostgreSQL and Redis (127.0.0.1:6379): changes reach the other instance through Redis
 * pub/sub, and a call's variables are shared. Skipped without PostgreSQL or Redis, except under {@code CI=true},
 * where that fails.
 */
class MultiInstanceRedisIntegrationTest extends MultiInstanceTestBase {

    @Override
    void beforeInstances() {
        TestRedis.require(TestRedis.URL);
    }

    @Override
    List<String> transportSettings() {
        return List.of("--toolgate.redis-url=" + TestRedis.URL);
    }

    @Test
    void aVariableStoredThroughOneInstanceIsTheCallsOnTheOther() {
        String key = tenant();
        String agentId = a.api()
                .post(key, "/v1/agents", "{\"name\": \"vars\"}")
                .json()
                .get("id")
                .asString();
        ApiClient.Answer tool = a.api().post(key, "/v1/agents/" + agentId + "/tools", """
                {"name": "get_email", "description": "Takes the e-mail address", "tool_type": "extract_variable",
                 "config": {"variable_name": "email", "variable_type": "email"}}""");
        assertThat(tool.status()).as(tool.text()).isEqualTo(201);
        String callId = "call-" + UUID.randomUUID();

        ApiClient.Answer stored = a.api().post(key, "/v1/agents/" + agentId + "/invocations", """
                {"tool": "get_email", "arguments": {"value": "Jane@Example.com"}, "call": {"id": "%s"}}""".formatted(callId));
        ApiClient.Answer read = b.api().get(key, "/v1/calls/" + callId + "/variables");

        assertThat(stored.json().get("status").asString()).as(stored.text()).isEqualTo("ok");
        assertThat(read.json().at("/variables/email").asString()).isEqualTo("jane@example.com");
    }
}
