package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.server.invocation.ArrivalFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One tenant's input cannot cost the others, end to end: patterns the linear-time engine cannot run, oversized
 * or deep or recursive {@code parameters}, too many tools, oversized or deep arguments, nesting past the JSON
 * parser's limit, and a budget that counts from the request's arrival. Every refusal names its limit, stores
 * nothing and is never a 500.
 */
@SpringBootTest(classes = ToolgateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InputLimitsIntegrationTest.EarlierArrival.class)
class InputLimitsIntegrationTest {

    static final String ADMIN_KEY = "tg_test_limits_admin_key_0123456789";

    /** A request with this header is treated as having arrived that many seconds before it did. */
    static final String ARRIVED_SECONDS_AGO = "X-Test-Arrived-Seconds-Ago";

    /** Stands in for a slow first part of a request (reading, authenticating, queueing) by moving its arrival back. */
    @TestConfiguration
    static class EarlierArrival {
        @Bean
        FilterRegistrationBean<Filter> earlierArrival() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                String seconds = ((HttpServletRequest) request).getHeader(ARRIVED_SECONDS_AGO);
                if (seconds != null) {
                    long arrived = (Long) request.getAttribute(ArrivalFilter.ATTRIBUTE);
                    request.setAttribute(
                            ArrivalFilter.ATTRIBUTE,
                            arrived
                                    - Duration.ofSeconds(Long.parseLong(seconds))
                                            .toNanos());
                }
                chain.doFilter(request, response);
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("toolgate-limits-it");
        registry.add("toolgate.data-dir", dataDir::toString);
        registry.add("toolgate.bootstrap-api-key", () -> ADMIN_KEY);
        registry.add("toolgate.egress.allowlist", () -> "127.0.0.1:" + TestEndpoint.SERVER.getPort());
        registry.add("toolgate.egress.extra-ca", TestEndpoint.CA_PEM::toString);
        registry.add("toolgate.budget", () -> "3s");
        registry.add("toolgate.rate-limit.tenant-per-minute", () -> "0");
        registry.add("toolgate.rate-limit.tool-per-minute", () -> "0");
        // two settings moved off their defaults, to show the configured value is the one enforced
        registry.add("toolgate.limits.max-argument-depth", () -> "16");
        registry.add("toolgate.limits.max-parameter-description-chars", () -> "500");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    String agentId;
    final AtomicInteger sent = new AtomicInteger();

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://127.0.0.1:" + port);
        TestEndpoint.SERVER.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                sent.incrementAndGet();
                return new MockResponse.Builder()
                        .addHeader("Content-Type", "text/plain")
                        .body("done")
                        .build();
            }
        });
        agentId = api.post(ADMIN_KEY, "/v1/agents", "{\"name\":\"limits\"}")
                .json()
                .get("id")
                .asString();
    }

    @AfterEach
    void tearDown() {
        TestEndpoint.SERVER.setDispatcher(new QueueDispatcher());
    }

    private String tools() {
        return "/v1/agents/" + agentId + "/tools";
    }

    private static ObjectNode tool(String name, JsonNode parameters) {
        ObjectNode tool = JsonNodeFactory.instance.objectNode();
        tool.put("name", name);
        tool.put("description", "Finds a customer");
        tool.put("tool_type", "http_request");
        if (parameters != null) {
            tool.set("parameters", parameters);
        }
        tool.putObject("config").put("url", TestEndpoint.url("/crm"));
        return tool;
    }

    private static ObjectNode zipSchema(String pattern) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        schema.putObject("properties").putObject("zip").put("type", "string").put("pattern", pattern);
        return schema;
    }

    private ApiClient.Answer create(ObjectNode tool) {
        return api.post(ADMIN_KEY, tools(), tool.toString());
    }

    private static void assertRefused(ApiClient.Answer answer, String field, String message) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode errors = answer.json().get("errors");
        assertThat(errors.valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactly(field);
        assertThat(errors.get(0).get("message").asString()).contains(message);
    }

    private int storedTools() {
        return api.get(ADMIN_KEY, tools()).json().get("data").size();
    }

    private String invoke(String toolName, String arguments) {
        return "{\"tool\": \"" + toolName + "\", \"arguments\": " + arguments + "}";
    }

    private JsonNode error(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("status").asString()).isEqualTo("error");
        return answer.json().get("error");
    }

    @Test
    void aLookaheadPatternIsRefusedAtCreateNamingTheFieldAndNothingIsStored() {
        ApiClient.Answer answer = create(tool("lookup", zipSchema("^(?=[0-9]{5}$)")));

        assertRefused(answer, "parameters.properties.zip.pattern", "RE2");
        assertThat(storedTools()).isZero();
    }

    @Test
    void aNestedQuantifierPatternJudgesAHostileArgumentAndTheCallCompletes() {
        assertThat(create(tool("lookup", zipSchema("^(a+)+$"))).status()).isEqualTo(201);

        ApiClient.Answer hostile = api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/invocations",
                invoke("lookup", "{\"zip\": \"" + "a".repeat(30_000) + "!\"}"));

        assertThat(error(hostile).get("code").asString()).isEqualTo("HTTP_TOOL_INVALID_ARGS");
        assertThat(error(hostile).get("message").asString()).contains("/zip");
        assertThat(sent).hasValue(0);
    }

    @Test
    void parametersPastTheSizeOrDepthLimitOrWithALongDescriptionAreRefusedNamingTheLimit() {
        ObjectNode large =
                JsonNodeFactory.instance.objectNode().put("type", "object").put("title", "x".repeat(70_000));
        ObjectNode deep = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode level = deep;
        for (int i = 2; i <= 33; i++) {
            level = level.putObject("not");
        }
        ObjectNode described = zipSchema("^[0-9]{5}$");
        ((ObjectNode) described.get("properties").get("zip")).put("description", "d".repeat(501));

        assertRefused(create(tool("large", large)), "parameters", "limit of 65536 bytes");
        assertRefused(create(tool("deep", deep)), "parameters", "limit of 32 levels");
        assertRefused(create(tool("described", described)), "parameters.properties.zip.description", "at most 500");
        ((ObjectNode) described.get("properties").get("zip")).put("description", "d".repeat(500));
        assertThat(create(tool("described", described)).status()).isEqualTo(201);
        assertThat(storedTools()).isEqualTo(1);
    }

    @Test
    void recursiveReferencesAreRefusedAtCreate() {
        ObjectNode recursive = JsonNodeFactory.instance.objectNode().put("type", "object");
        recursive.putObject("properties").putObject("tree").put("$ref", "#/$defs/node");
        recursive
                .putObject("$defs")
                .putObject("node")
                .put("type", "object")
                .putObject("properties")
                .putObject("children")
                .put("type", "array")
                .putObject("items")
                .put("$ref", "#/$defs/node");

        assertRefused(
                create(tool("tree", recursive)), "parameters.$defs.node.properties.children.items.$ref", "recursive");
        assertThat(storedTools()).isZero();
    }

    @Test
    void aPatchIsCheckedAgainstTheSameLimitsAndLeavesTheToolAsItWas() {
        String toolId =
                create(tool("lookup", zipSchema("^[0-9]{5}$"))).json().get("id").asString();
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.set("parameters", zipSchema("(\\d)\\1"));

        ApiClient.Answer answer = api.patch(ADMIN_KEY, tools() + "/" + toolId, patch.toString());

        assertRefused(answer, "parameters.properties.zip.pattern", "RE2");
        assertThat(api.get(ADMIN_KEY, tools() + "/" + toolId)
                        .json()
                        .at("/parameters/properties/zip/pattern")
                        .asString())
                .isEqualTo("^[0-9]{5}$");
    }

    @Test
    void theThousandAndFirstToolOfAnAgentIsRefusedNamingTheLimit() {
        String first = create(tool("tool_0", null)).json().get("id").asString();
        // 999 more copies in one statement (H2's system_range), so the test does not spend its time on the API
        jdbc.sql("insert into tools (id, tenant_id, agent_id, name, tool_type, is_enabled, priority, definition,"
                        + " auth_secret, created_at, updated_at) select random_uuid(), tenant_id, agent_id, 'tool_' || \"X\","
                        + " tool_type, is_enabled, priority, definition, auth_secret, created_at, updated_at"
                        + " from tools, system_range(1, 999) where id = ?")
                .params(UUID.fromString(first))
                .update();

        ApiClient.Answer refused = create(tool("tool_1000", null));
        api.delete(ADMIN_KEY, tools() + "/" + first);
        ApiClient.Answer afterDelete = create(tool("tool_1000", null));

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("too_many_tools");
        assertThat(refused.json().get("detail").asString()).contains("1000 tools per agent");
        assertThat(afterDelete.status()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from tools where agent_id = ?")
                        .params(UUID.fromString(agentId))
                        .query(Long.class)
                        .single())
                .isEqualTo(1000);
    }

    @Test
    void idsLongerThanTheLogsColumnsAreRefusedNamingTheFieldAndNothingIsSent() {
        create(tool("lookup", null));
        String tooLong = "i".repeat(256);
        String invocations = "/v1/agents/" + agentId + "/invocations";

        ApiClient.Answer toolCallId = api.post(
                ADMIN_KEY,
                invocations,
                "{\"tool\": \"lookup\", \"arguments\": {}, \"tool_call_id\": \"" + tooLong + "\"}");
        ApiClient.Answer callId = api.post(
                ADMIN_KEY,
                invocations,
                "{\"tool\": \"lookup\", \"arguments\": {}, \"call\": {\"id\": \"" + tooLong + "\"}}");
        ApiClient.Answer callerNumber = api.post(
                ADMIN_KEY,
                invocations,
                "{\"tool\": \"lookup\", \"arguments\": {}, \"call\": {\"id\": \"c1\", \"caller_number\": \"" + tooLong
                        + "\"}}");
        ApiClient.Answer batchId = api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/tool-calls",
                "{\"tool_calls\": [{\"id\": \"" + tooLong
                        + "\", \"type\": \"function\", \"function\": {\"name\": \"lookup\", \"arguments\": \"{}\"}}]}");

        assertRefused(toolCallId, "tool_call_id", "at most 255 characters");
        assertRefused(callId, "call.id", "at most 255 characters");
        assertRefused(callerNumber, "call.caller_number", "at most 255 characters");
        assertRefused(batchId, "tool_calls[0].id", "at most 255 characters");
        assertThat(sent).hasValue(0);
        ApiClient.Answer longest = api.post(
                ADMIN_KEY,
                invocations,
                "{\"tool\": \"lookup\", \"arguments\": {}, \"tool_call_id\": \"" + "i".repeat(255) + "\"}");
        assertThat(longest.json().get("status").asString()).as(longest.text()).isEqualTo("ok");
    }

    @Test
    void oversizedArgumentsAreInvalidArgsNamingTheLimitSendNothingAndAreNotStored() {
        create(tool("lookup", null));

        ApiClient.Answer answer = api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/invocations",
                invoke("lookup", "{\"note\": \"" + "n".repeat(65_536) + "\"}"));

        JsonNode error = error(answer);
        assertThat(error.get("code").asString()).isEqualTo("HTTP_TOOL_INVALID_ARGS");
        assertThat(error.get("message").asString()).contains("limit of 65536 bytes");
        assertThat(sent).hasValue(0);
        JsonNode logged = api.get(
                        ADMIN_KEY,
                        "/v1/invocations/" + answer.json().get("invocation_id").asString())
                .json();
        assertThat(logged.get("arguments").isNull()).isTrue();
    }

    @Test
    void argumentsDeeperThanTheConfiguredLimitAreInvalidArgsNamingIt() {
        create(tool("lookup", null));
        String atLimit = "{\"a\":" + "[".repeat(15) + "]".repeat(15) + "}"; // 16 levels
        String pastLimit = "{\"a\":" + "[".repeat(16) + "]".repeat(16) + "}";

        ApiClient.Answer fine =
                api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/invocations", invoke("lookup", atLimit));
        ApiClient.Answer deep =
                api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/invocations", invoke("lookup", pastLimit));

        assertThat(fine.json().get("status").asString()).as(fine.text()).isEqualTo("ok");
        assertThat(error(deep).get("message").asString()).contains("limit of 16 levels");
        assertThat(sent).hasValue(1);
    }

    @Test
    void nestingPastTheJsonParsersLimitIsAClear400OrInvalidArgsNeverA500() {
        create(tool("lookup", null));
        String deepArray = "[".repeat(100_000) + "]".repeat(100_000);
        String asString =
                JsonNodeFactory.instance.stringNode("{\"a\":" + deepArray + "}").toString();

        ApiClient.Answer inBody = api.post(
                ADMIN_KEY, "/v1/agents/" + agentId + "/invocations", invoke("lookup", "{\"a\":" + deepArray + "}"));
        ApiClient.Answer inString =
                api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/invocations", invoke("lookup", asString));
        ApiClient.Answer inParameters = api.post(
                ADMIN_KEY,
                tools(),
                "{\"name\": \"deep\", \"description\": \"d\", \"tool_type\": \"end_call\", \"parameters\": " + deepArray
                        + "}");
        ApiClient.Answer inBatch = api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/tool-calls",
                "{\"tool_calls\": [{\"id\": \"c1\", \"function\": {\"name\": \"lookup\", \"arguments\": " + asString
                        + "}}]}");

        assertThat(inBody.status()).as(inBody.text()).isEqualTo(400);
        assertThat(inBody.json().get("code").asString()).isEqualTo("malformed_body");
        assertThat(error(inString).get("message").asString()).contains("limit of 16 levels");
        assertThat(inParameters.status()).isEqualTo(400);
        assertThat(inBatch.status()).isEqualTo(200);
        assertThat(inBatch.json().at("/results/0/error/code").asString()).isEqualTo("HTTP_TOOL_INVALID_ARGS");
        assertThat(sent).hasValue(0);
    }

    @Test
    void theBudgetCountsFromTheRequestsArrivalSoTimeSpentBeforeTheEngineIsPartOfIt() {
        create(tool("lookup", null));

        ApiClient.Answer late = api.post(
                ADMIN_KEY, "/v1/agents/" + agentId + "/invocations", invoke("lookup", "{}"), ARRIVED_SECONDS_AGO, "4");
        ApiClient.Answer onTime = api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/invocations", invoke("lookup", "{}"));

        assertThat(error(late).get("code").asString()).isEqualTo("HTTP_TOOL_TIMEOUT");
        assertThat(error(late).get("message").asString())
                .contains("budget of 3.0 s")
                .contains("nothing was sent");
        assertThat(onTime.json().get("status").asString()).as(onTime.text()).isEqualTo("ok");
        assertThat(sent).hasValue(1);
    }
}
