package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.server.tenant.ApiKeyService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The typed REST contract of the resource APIs (agents, tools, secrets, API keys, tenants) against the real server:
 * what {@code /v3/api-docs} says about each operation, that its examples are what the API takes and answers, and
 * that a body field of the wrong type is a 422 naming the field as it was sent.
 */
@SpringBootTest(classes = ToolgateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiContractIntegrationTest {

    static final String ADMIN_KEY = ApiIntegrationTest.ADMIN_KEY;

    /** The operations of the resource APIs, by operationId. */
    static final Set<String> OPERATIONS = Set.of(
            "createAgent",
            "listAgents",
            "getAgent",
            "deleteAgent",
            "createTool",
            "listTools",
            "getTool",
            "patchTool",
            "deleteTool",
            "exportFunctions",
            "rotateSigningSecret",
            "setSecret",
            "listSecrets",
            "getSecret",
            "deleteSecret",
            "createApiKey",
            "listApiKeys",
            "deleteApiKey",
            "createTenant",
            "listTenants",
            "getRateLimits",
            "setRateLimits");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        ApiIntegrationTest.properties(registry);
    }

    @LocalServerPort
    int port;

    ApiClient api;
    JsonNode docs;
    String agentId;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://127.0.0.1:" + port);
        ApiClient.Answer answer = api.get(null, "/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        docs = answer.json();
        agentId = api.post(ADMIN_KEY, "/v1/agents", "{\"name\": \"contract\"}")
                .json()
                .get("id")
                .asString();
    }

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        docs.get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(method -> operations.put(
                                method.getValue().get("operationId").asString(), method.getValue())));
        return operations;
    }

    private JsonNode schema(String ref) {
        assertThat(ref).startsWith("#/components/schemas/");
        JsonNode schema = docs.get("components").get("schemas").get(ref.substring("#/components/schemas/".length()));
        assertThat(schema).as(ref).isNotNull();
        return schema;
    }

    @Test
    void everyResourceOperationHasTypedBodiesAndDocumentedResponses() {
        Map<String, JsonNode> operations = operations();
        assertThat(operations.keySet()).containsAll(OPERATIONS);

        for (String id : OPERATIONS) {
            JsonNode operation = operations.get(id);
            assertThat(operation.get("summary")).as(id).isNotNull();
            assertThat(operation.get("tags")).as(id).isNotEmpty();
            operation
                    .path("parameters")
                    .valueStream()
                    .forEach(p -> assertThat(p.get("name").asString()).as(id).isNotEqualTo("principal"));
            JsonNode body = operation.path("requestBody").path("content");
            if (!body.isMissingNode()) {
                String ref =
                        body.get("application/json").get("schema").get("$ref").asString();
                assertThat(ref).as(id).doesNotEndWith("JsonNode");
                schema(ref);
            }
            JsonNode responses = operation.get("responses");
            assertThat(responses.has("401") && responses.has("403")).as(id).isTrue();
            for (String status : responses.propertyNames()) {
                JsonNode response = responses.get(status);
                if (response.has("$ref")) {
                    String name = response.get("$ref").asString().replace("#/components/responses/", "");
                    assertThat(docs.get("components").get("responses").has(name))
                            .as(id + " " + status)
                            .isTrue();
                } else if (!status.equals("204")) {
                    assertThat(status).as(id).startsWith("2");
                    schema(response.get("content")
                            .get("application/json")
                            .get("schema")
                            .get("$ref")
                            .asString());
                }
            }
        }
    }

    @Test
    void schemasNameFieldsAsTheWireDoes() {
        JsonNode schemas = docs.get("components").get("schemas");

        assertThat(schemas.get("AgentOut").get("properties").propertyNames())
                .containsExactlyInAnyOrder("id", "tenant_id", "name", "description", "created_at", "updated_at");
        assertThat(schemas.get("Problem").get("properties").has("max_bytes")).isTrue();
        assertThat(schemas.get("ToolIn")
                        .get("discriminator")
                        .get("propertyName")
                        .asString())
                .isEqualTo("tool_type");
        assertThat(schemas.get("ToolIn").get("oneOf")).hasSize(7);
    }

    @Test
    void theToolExamplesAreWhatTheApiTakesAndAnswers() {
        JsonNode schemas = docs.get("components").get("schemas");
        List<String> created = new ArrayList<>();

        for (JsonNode ref : schemas.get("ToolIn").get("oneOf")) {
            JsonNode example =
                    schema(ref.get("$ref").asString()).get("examples").get(0);
            String type = ref.get("$ref")
                    .asString()
                    .replace("#/components/schemas/", "")
                    .replace("ToolIn", "");
            JsonNode documented = schemas.get(type + "ToolOut").get("examples").get(0);

            ApiClient.Answer answer = api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/tools", example.toString());

            assertThat(answer.status()).as(answer.text()).isEqualTo(201);
            ObjectNode tool = (ObjectNode) answer.json();
            tool.remove("signing_secret");
            assertThat(tool.propertyNames()).containsExactlyElementsOf(documented.propertyNames());
            // The document's examples leave out null fields (the OpenAPI writer drops them); the API writes them.
            ObjectNode config = (ObjectNode) tool.get("config");
            List<String> nulls = config.properties().stream()
                    .filter(e -> e.getValue().isNull())
                    .map(java.util.Map.Entry::getKey)
                    .toList();
            config.remove(nulls);
            assertThat(config).as(type).isEqualTo(documented.get("config"));
            created.add(tool.get("name").asString());
        }
        assertThat(new HashSet<>(created)).hasSize(7);
    }

    @Test
    void aBodyFieldOfTheWrongTypeIsA422NamingTheFieldAsSent() {
        String rotate = "/v1/agents/" + agentId + "/tools/"
                + api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/tools", """
                        {"name": "bye", "description": "Ends the call.", "tool_type": "end_call"}""")
                        .json()
                        .get("id")
                        .asString()
                + "/signing-secret/rotate";

        assertField(api.post(ADMIN_KEY, "/v1/agents", "{\"name\": 5}"), "name", "must be a string");
        assertField(
                api.put(ADMIN_KEY, "/v1/tenants/" + ApiKeyService.DEFAULT_TENANT_ID + "/rate-limits", """
                        {"tool_per_minute": "5"}"""),
                "tool_per_minute",
                "must be a whole number");
        assertField(
                api.put(ADMIN_KEY, "/v1/tenants/" + ApiKeyService.DEFAULT_TENANT_ID + "/rate-limits", """
                        {"tool_per_minute": 1.5}"""),
                "tool_per_minute",
                "must be a whole number");
        assertField(
                api.post(ADMIN_KEY, "/v1/api-keys", "{\"name\": \"k\", \"scopes\": [\"tools:read\", \"root\"]}"),
                "scopes[1]",
                "must be one of agents:write, tools:read");
        assertField(api.put(ADMIN_KEY, "/v1/secrets/CRM_KEY", "{\"value\": true}"), "value", "must be a string");
        // an unknown field is named as the client wrote it, never turned into snake_case
        assertField(api.post(ADMIN_KEY, rotate, "{\"overlapSeconds\": 5}"), "overlapSeconds", "is not a field");
        assertField(api.post(ADMIN_KEY, rotate, "{\"overlap_seconds\": -1}"), "overlap_seconds", "from 0");
    }

    @Test
    void theVoiceRuntimeBodiesAreTypedAndNameEveryFieldAsSent() {
        String invocations = "/v1/agents/" + agentId + "/invocations";
        String toolCalls = "/v1/agents/" + agentId + "/tool-calls";

        assertField(api.post(ADMIN_KEY, invocations, "{\"tool\": 5}"), "tool", "must be a string");
        assertField(api.post(ADMIN_KEY, invocations, "{\"arguments\": {}}"), "tool", "is required");
        assertField(
                api.post(ADMIN_KEY, invocations, "{\"tool\": \"t\", \"call\": {\"caller_number\": 14155550123}}"),
                "call.caller_number",
                "must be a string");
        assertField(
                api.post(ADMIN_KEY, invocations, "{\"tool\": \"t\", \"call\": {\"id\": \"" + "c".repeat(256) + "\"}}"),
                "call.id",
                "at most 255 characters");
        assertField(api.post(ADMIN_KEY, toolCalls, "{\"call\": {}}"), "tool_calls", "must be an array");
        assertField(
                api.post(ADMIN_KEY, toolCalls, "{\"message\": {\"role\": \"assistant\"}}"),
                "message.tool_calls",
                "must be an array");
        assertField(
                api.post(ADMIN_KEY, toolCalls, "{\"tool_calls\": [{\"id\": \"a\", \"type\": \"function\"}]}"),
                "tool_calls[0].function",
                "is required");
        assertField(
                api.post(
                        ADMIN_KEY,
                        toolCalls,
                        "{\"tool_calls\": [{\"id\": \"a\", \"function\": {\"arguments\": \"{}\"}}]}"),
                "tool_calls[0].function.name",
                "is required");
        String tooMany = "{\"tool_calls\": ["
                + String.join(
                        ", ", java.util.Collections.nCopies(33, "{\"id\": \"a\", \"function\": {\"name\": \"t\"}}"))
                + "]}";
        assertField(api.post(ADMIN_KEY, toolCalls, tooMany), "tool_calls", "at most 32 tool calls");
        ApiClient.Answer page = api.get(ADMIN_KEY, invocations + "?limit=500");
        assertThat(page.status()).as(page.text()).isEqualTo(400);
        assertThat(page.json().get("code").asString()).isEqualTo("invalid_parameter");
        assertThat(page.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
    }

    @Test
    void problemsHaveTheDocumentedShape() {
        JsonNode problem = docs.get("components").get("schemas").get("Problem");
        Set<String> codes = new HashSet<>();
        problem.get("properties").get("code").get("enum").forEach(code -> codes.add(code.asString()));
        String tenantKey = api.post(ADMIN_KEY, "/v1/tenants", "{\"name\": \"contract tenant\"}")
                .json()
                .get("api_key")
                .asString();

        List<ApiClient.Answer> answers = List.of(
                api.post(ADMIN_KEY, "/v1/agents", "{\"name\": \"\"}"),
                api.get(ADMIN_KEY, "/v1/agents/not-a-uuid"),
                api.get(null, "/v1/agents"),
                api.post(tenantKey, "/v1/tenants", "{\"name\": 7}"),
                api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/functions?format=cohere"));

        assertThat(answers.stream().map(ApiClient.Answer::status)).containsExactly(422, 400, 401, 403, 400);
        for (ApiClient.Answer answer : answers) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(problem.get("properties").propertyNames())
                    .containsAll(answer.json().propertyNames());
            assertThat(codes).contains(answer.json().get("code").asString());
        }
        // a missing value is reported once, as missing
        assertThat(answers.get(0).json().get("errors")).hasSize(1);
        assertThat(answers.get(0).json().get("errors").get(0).get("message").asString())
                .isEqualTo("is required");
        assertThat(answers.get(1).json().get("code").asString()).isEqualTo("invalid_parameter");
        assertThat(answers.get(1).json().get("errors").get(0).get("field").asString())
                .isEqualTo("agentId");
        // the operator check comes before the body is read
        assertThat(answers.get(3).json().get("code").asString()).isEqualTo("operator_only");
        assertThat(answers.get(4).json().get("errors").get(0).get("field").asString())
                .isEqualTo("format");
    }

    private static void assertField(ApiClient.Answer answer, String field, String message) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(422);
        assertThat(answer.json().get("code").asString()).isEqualTo("validation_failed");
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("field").asString()).as(answer.text()).isEqualTo(field);
        assertThat(error.get("message").asString()).as(answer.text()).contains(message);
    }
}
