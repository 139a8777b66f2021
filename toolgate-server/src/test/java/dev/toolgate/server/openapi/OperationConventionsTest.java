package dev.toolgate.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.bind.annotation.RequestMethod;

class OperationConventionsTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        // a one-word verb gets the resource its path names, plural for list
        "create, POST, /v1/agents/{agentId}/tools, createTool",
        "list, GET, /v1/agents/{agentId}/invocations, listInvocations",
        "get, GET, /v1/agents/{agentId}, getAgent",
        "delete, DELETE, /v1/api-keys/{keyId}, deleteApiKey",
        "list, GET, /v1/api-keys, listApiKeys",
        "replay, POST, /v1/invocations/{id}/replay, replayInvocation",
        "rotate, POST, /v1/agents/{agentId}/tools/{toolId}/signing-secret/rotate, rotateSigningSecret",
        "invoke, POST, /v1/agents/{agentId}/invocations, invokeTool",
        // a multi-word verb is kept
        "testFire, POST, /v1/agents/{agentId}/tools/{toolId}/test, testFire",
        "setRateLimits, PUT, /v1/tenants/{tenantId}/rate-limits, setRateLimits",
        // a noun gets the HTTP verb and the resource that owns it
        "health, GET, /v1/agents/{agentId}/tools/{toolId}/health, getToolHealth",
        "rateLimits, GET, /v1/tenants/{tenantId}/rate-limits, getTenantRateLimits",
        "toolCalls, POST, /v1/agents/{agentId}/tool-calls, runAgentToolCalls",
    })
    void derivesTheOperationIdFromTheHandlerAndItsPath(
            String handler, RequestMethod method, String path, String operationId) {
        assertThat(OperationConventions.operationId(handler, method, path)).isEqualTo(operationId);
    }

    @Test
    void summariesSpellTheOperationIdOut() {
        assertThat(OperationConventions.summary("createTool")).isEqualTo("Create tool");
        assertThat(OperationConventions.summary("listApiKeys")).isEqualTo("List API keys");
        assertThat(OperationConventions.summary("getToolHealth")).isEqualTo("Get tool health");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/v1/agents/{agentId}, AGENTS",
        "/v1/agents/{agentId}/tools/{toolId}, TOOLS",
        "/v1/invocations/{id}/replay, INVOCATIONS",
        "/v1/agents/{agentId}/tools/{toolId}/signing-secret/rotate, SIGNING_SECRETS",
        "/v1/agents/{agentId}/tools/{toolId}/test, TEST_FIRES",
        "/v1/tenants/{tenantId}/rate-limits, RATE_LIMITS",
        "/v1/agents/{agentId}/knowledge/documents/{documentId}/chunks, KNOWLEDGE",
    })
    void theTagIsTheLastPathSegmentThatNamesAResource(String path, ApiTag tag) {
        assertThat(ApiTag.forPath(path)).contains(tag);
    }

    @Test
    void aPathOfNoResourceHasNoTag() {
        assertThat(ApiTag.forPath("/actuator/prometheus")).isEmpty();
    }
}
