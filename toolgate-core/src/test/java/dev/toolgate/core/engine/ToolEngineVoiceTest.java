package dev.toolgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.egress.AllowlistEntry;
import dev.toolgate.core.egress.EgressPolicy;
import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.exec.ExecutorConfig;
import dev.toolgate.core.exec.HttpExecutor;
import dev.toolgate.core.knowledge.KnowledgeHit;
import dev.toolgate.core.knowledge.KnowledgeSearch;
import dev.toolgate.core.knowledge.KnowledgeSearchException;
import dev.toolgate.core.render.CallContext;
import dev.toolgate.core.render.RequestRenderer;
import dev.toolgate.core.render.SecretResolver;
import dev.toolgate.core.signing.SigningSecret;
import dev.toolgate.core.telephony.Locality;
import dev.toolgate.core.tool.ParseResult;
import dev.toolgate.core.tool.SignatureScheme;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.core.tool.ToolLimits;
import dev.toolgate.core.variables.CallVariables;
import dev.toolgate.core.variables.InMemoryCallVariables;
import dev.toolgate.testkit.LoopbackTls;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The engine's dispatch of the six non-HTTP tool types, and call variables flowing into later HTTP tools. */
class ToolEngineVoiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LoopbackTls TLS = LoopbackTls.create("Toolgate test CA");
    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID OTHER_TENANT = UUID.randomUUID();
    private static final UUID AGENT = UUID.randomUUID();

    private MockWebServer server;
    private HttpExecutor executor;
    private CallVariables variables;
    private final List<String> queries = new ArrayList<>();
    private KnowledgeSearch knowledge = (tenant, agent, query, topK, threshold) -> List.of();
    private final SigningSecret secret = SigningSecret.generate(SignatureScheme.TOOLGATE);

    @BeforeEach
    void setUp() throws Exception {
        server = TLS.startServer();
        variables = new InMemoryCallVariables(Clock.fixed(NOW, ZoneOffset.UTC), CallVariables.DEFAULT_LIFETIME, 100);
        executor = new HttpExecutor(
                ExecutorConfig.builder()
                        .extraTrustedCertificates(List.of(TLS.caCertificate()))
                        .build(),
                egress());
    }

    @AfterEach
    void tearDown() throws Exception {
        executor.close();
        server.close();
    }

    private EgressPolicy egress() {
        return EgressPolicy.builder()
                .allowlist(AllowlistEntry.parseList("127.0.0.1:" + server.getPort()))
                .build();
    }

    private ToolEngine engine() {
        KnowledgeSearch recording = (tenant, agent, query, topK, threshold) -> {
            queries.add(query + "|" + topK + "|" + threshold);
            return knowledge.search(tenant, agent, query, topK, threshold);
        };
        return new ToolEngine(
                        executor,
                        egress(),
                        new RequestRenderer(SecretResolver.NONE, "Toolgate/test"),
                        InstantSource.fixed(NOW))
                .withVoice(new VoiceServices(
                        variables,
                        tenant -> new Locality("DE", ZoneId.of("Europe/Berlin")),
                        recording,
                        Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private static Tool tool(UUID tenant, String json) {
        ParseResult result = new ToolDefinitionParser(ToolLimits.ofDefaults()).parse(JSON.readTree(json));
        assertThat(result).isInstanceOf(ParseResult.Valid.class);
        return new Tool(UUID.randomUUID(), tenant, AGENT, ((ParseResult.Valid) result).definition(), NOW, NOW);
    }

    private static Tool tool(String json) {
        return tool(TENANT, json);
    }

    private static Invocation call(Tool tool, String arguments, String callId) {
        return new Invocation(
                UUID.randomUUID().toString(),
                tool,
                List.of(),
                arguments == null ? null : JSON.readTree(arguments),
                "tc_1",
                new CallContext(callId, "+14155550123", tool.tenantId(), AGENT, Map.of()));
    }

    private static JsonNode content(InvocationOutcome outcome) {
        return JSON.readTree(outcome.content());
    }

    private static Tool emailTool(boolean confirm) {
        return tool("""
                {"name": "get_email", "description": "Takes the caller's e-mail address", "tool_type": "extract_variable",
                 "config": {"variable_name": "email", "variable_type": "email", "confirmation_enabled": %s,
                            "prompt_text": "What is your e-mail address?", "example_format": "jane@example.com"}}
                """.formatted(confirm));
    }

    @Test
    void aTransferTakesAnAllowedDestinationTheModelNamesAndTheConfiguredOneOtherwise() {
        Tool transfer = tool("""
                {"name": "transfer", "description": "Transfers the caller", "tool_type": "transfer_call",
                 "config": {"phone_number": "+4930999888", "transfer_mode": "cold",
                            "allowed_destinations": ["+4930111222", "sip:billing@pbx.example.com"]}}
                """);
        ToolEngine engine = engine();

        InvocationOutcome allowed = engine.invoke(call(transfer, "{\"destination\": \"030 111222\"}", "c1"));
        InvocationOutcome refused = engine.invoke(call(transfer, "{\"destination\": \"+1 900 555 0123\"}", "c1"));

        assertThat(allowed.ok()).isTrue();
        assertThat(allowed.action().get("type").asString()).isEqualTo("transfer");
        assertThat(allowed.action().at("/destination/number").asString()).isEqualTo("+4930111222");
        assertThat(allowed.action().has("note")).isFalse();
        assertThat(content(allowed).get("status").asString()).isEqualTo("ok");
        assertThat(refused.ok()).isTrue();
        assertThat(refused.action().at("/destination/number").asString()).isEqualTo("+4930999888");
        assertThat(refused.action().get("note").asString()).contains("+1 900 555 0123", "default destination");
        assertThat(content(refused).get("note").asString()).contains("default destination");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void monitoredTransferEndCallAndPlayToneAnswerTheirActions() {
        ToolEngine engine = engine();
        Tool monitored = tool("""
                {"name": "ring_desk", "description": "Rings the desk", "tool_type": "monitored_transfer",
                 "config": {"phone_number": "sip:desk@pbx.example.com", "timeout_seconds": 25}}
                """);
        Tool hangUp = tool("""
                {"name": "hang_up", "description": "Ends the call", "tool_type": "end_call",
                 "config": {"goodbye_message": "Goodbye!"}}
                """);
        Tool tones = tool("""
                {"name": "press", "description": "Presses keys", "tool_type": "play_tone",
                 "config": {"duration": 120, "volume": 0.5}}
                """);

        JsonNode invite = engine.invoke(call(monitored, null, "c1")).action();
        JsonNode end = engine.invoke(call(hangUp, "{}", "c1")).action();
        InvocationOutcome dtmf = engine.invoke(call(tones, "{\"digits\": \"1w2#\"}", "c1"));
        InvocationOutcome badDtmf = engine.invoke(call(tones, "{\"digits\": \"1x\"}", "c1"));
        InvocationOutcome noDigits = engine.invoke(call(tones, "{}", "c1"));

        assertThat(invite.get("type").asString()).isEqualTo("monitored_transfer");
        assertThat(invite.at("/destination/uri").asString()).isEqualTo("sip:desk@pbx.example.com");
        assertThat(invite.get("timeout_seconds").asInt()).isEqualTo(25);
        assertThat(end.get("type").asString()).isEqualTo("end_call");
        assertThat(end.get("goodbye_message").asString()).isEqualTo("Goodbye!");
        assertThat(dtmf.action().get("type").asString()).isEqualTo("send_dtmf");
        assertThat(dtmf.action().get("digits").asString()).isEqualTo("1w2#");
        assertThat(dtmf.action().get("duration_ms").asInt()).isEqualTo(120);
        assertThat(dtmf.action().get("volume").asDouble()).isEqualTo(0.5);
        assertThat(badDtmf.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_INVALID_ARGS);
        assertThat(badDtmf.action()).isNull();
        assertThat(noDigits.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_INVALID_ARGS);
        assertThat(noDigits.speakAfterExecution()).isTrue();
    }

    @Test
    void anExtractedEmailIsNormalizedStoredAndRenderedIntoALaterHttpToolOfTheSameCall() throws Exception {
        ToolEngine engine = engine();
        Tool lookup = tool("""
                {"name": "lookup", "description": "Looks the customer up", "tool_type": "http_request",
                 "config": {"url": "https://127.0.0.1:%d/customers", "method": "GET",
                            "query_params": [{"key": "email", "value": "{{vars.email}}"}]}}
                """.formatted(server.getPort()));
        server.enqueue(new MockResponse.Builder().body("{\"found\": true}").build());

        InvocationOutcome stored =
                engine.invoke(call(emailTool(false), "{\"value\": \" Jane.Doe@Example.COM \"}", "c7"));
        InvocationOutcome rendered = engine.invoke(new Invocation(
                UUID.randomUUID().toString(),
                lookup,
                List.of(secret),
                JSON.readTree("{}"),
                null,
                new CallContext("c7", null, TENANT, AGENT, Map.of())));
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);

        assertThat(stored.ok()).isTrue();
        assertThat(content(stored).get("value").asString()).isEqualTo("jane.doe@example.com");
        assertThat(content(stored).get("stored").asBoolean()).isTrue();
        assertThat(content(stored).get("kept").asBoolean()).isTrue();
        assertThat(variables.variables(CallVariables.scope(TENANT, "c7")))
                .containsEntry("email", "jane.doe@example.com");
        assertThat(variables.variables(CallVariables.scope(OTHER_TENANT, "c7"))).isEmpty();
        assertThat(rendered.ok()).isTrue();
        assertThat(request.getUrl().queryParameter("email")).isEqualTo("jane.doe@example.com");
    }

    @Test
    void aBadValueAnswersInvalidArgsWithAHintFromThePromptAndExampleAndStoresNothing() {
        InvocationOutcome outcome = engine().invoke(call(emailTool(false), "{\"value\": \"jane at example\"}", "c1"));

        assertThat(outcome.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_INVALID_ARGS);
        assertThat(outcome.error().hint()).contains("What is your e-mail address?", "jane@example.com");
        assertThat(variables.variables(CallVariables.scope(TENANT, "c1"))).isEmpty();
    }

    @Test
    void withConfirmationTheFirstCallAsksForARead_backAndTheConfirmedOneStores() {
        ToolEngine engine = engine();
        Tool tool = emailTool(true);

        InvocationOutcome first = engine.invoke(call(tool, "{\"value\": \"Jane@Example.com\"}", "c2"));
        Map<String, String> between = variables.variables(CallVariables.scope(TENANT, "c2"));
        InvocationOutcome confirmed =
                engine.invoke(call(tool, "{\"value\": \"jane@example.com\", \"confirmed\": true}", "c2"));

        assertThat(content(first).get("status").asString()).isEqualTo("confirm");
        assertThat(content(first).get("instruction").asString()).contains("jane@example.com");
        assertThat(between).isEmpty();
        assertThat(content(confirmed).get("stored").asBoolean()).isTrue();
        assertThat(variables.variables(CallVariables.scope(TENANT, "c2"))).containsEntry("email", "jane@example.com");
    }

    @Test
    void aTestFireChecksTheValueButLeavesTheCallsVariablesAlone() {
        TestFireResult fired =
                engine().testFire(call(emailTool(false), "{\"value\": \"jane@example.com\"}", "c3"), true);

        assertThat(fired.outcome().ok()).isTrue();
        assertThat(content(fired.outcome()).get("kept").asBoolean()).isFalse();
        assertThat(variables.variables(CallVariables.scope(TENANT, "c3"))).isEmpty();
    }

    @Test
    void responseVariablesOfASuccessfulHttpCallBecomeCallVariables() {
        Tool order = tool("""
                {"name": "order", "description": "Finds the order", "tool_type": "http_request",
                 "config": {"url": "https://127.0.0.1:%d/orders",
                            "response_variables": {"order_id": "/order/id", "cheap": "$.items[?(@.price < 10)].name"}}}
                """.formatted(server.getPort()));
        server.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body("{\"order\": {\"id\": \"A-17\"}, \"items\": [{\"name\": \"pen\", \"price\": 2.5},"
                        + " {\"name\": \"desk\", \"price\": 120}]}")
                .build());

        InvocationOutcome outcome = engine().invoke(new Invocation(
                UUID.randomUUID().toString(),
                order,
                List.of(secret),
                JSON.readTree("{}"),
                null,
                new CallContext("c4", null, TENANT, AGENT, Map.of())));

        assertThat(outcome.ok()).isTrue();
        assertThat(variables.variables(CallVariables.scope(TENANT, "c4")))
                .containsEntry("order_id", "A-17")
                .containsEntry("cheap", "[\"pen\"]");
    }

    @Test
    void aFailingVariableStoreFailsNoHttpCallAndAnExtractionSaysItKeptNothing() throws Exception {
        variables = new CallVariables() {
            @Override
            public Map<String, String> variables(String callId) {
                throw new IllegalStateException("store down");
            }

            @Override
            public boolean put(String callId, String name, String value) {
                throw new IllegalStateException("store down");
            }

            @Override
            public java.util.Optional<String> pending(String callId, String name) {
                throw new IllegalStateException("store down");
            }

            @Override
            public void putPending(String callId, String name, String value) {
                throw new IllegalStateException("store down");
            }

            @Override
            public void clearPending(String callId, String name) {
                throw new IllegalStateException("store down");
            }

            @Override
            public java.time.Duration lifetime() {
                return CallVariables.DEFAULT_LIFETIME;
            }
        };
        ToolEngine engine = engine();
        Tool lookup = tool("""
                {"name": "lookup", "description": "Looks the customer up", "tool_type": "http_request",
                 "config": {"url": "https://127.0.0.1:%d/customers", "method": "GET",
                            "query_params": [{"key": "tier", "value": "{{vars.tier}}"}],
                            "response_variables": {"id": "/id"}}}
                """.formatted(server.getPort()));
        server.enqueue(new MockResponse.Builder().body("{\"id\": \"7\"}").build());

        InvocationOutcome extracted = engine.invoke(call(emailTool(false), "{\"value\": \"jane@example.com\"}", "c9"));
        InvocationOutcome looked = engine.invoke(new Invocation(
                UUID.randomUUID().toString(),
                lookup,
                List.of(secret),
                JSON.readTree("{}"),
                null,
                new CallContext("c9", null, TENANT, AGENT, Map.of("tier", "gold"))));
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);

        assertThat(extracted.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_INTERNAL);
        assertThat(extracted.content()).doesNotContain("store down");
        assertThat(looked.ok()).isTrue();
        assertThat(request.getUrl().queryParameter("tier")).isEqualTo("gold");
    }

    @Test
    void aKnowledgeBaseToolAnswersTheBestHitsWithinTopKAndThreshold() {
        knowledge = (tenant, agent, query, topK, threshold) -> List.of(
                new KnowledgeHit("d1", "Hours", "We open at 9.", 0.71),
                new KnowledgeHit("d2", "Parking", "Parking is free.", 0.93),
                new KnowledgeHit("d3", "Pets", "Dogs welcome.", 0.85),
                new KnowledgeHit("d4", "Noise", "Unrelated.", 0.40));
        Tool kb = tool("""
                {"name": "faq", "description": "Answers questions", "tool_type": "knowledge_base",
                 "config": {"top_k": 2, "similarity_threshold": 0.5, "bridging_sentence": "Let me check."}}
                """);

        InvocationOutcome outcome = engine().invoke(call(kb, "{\"query\": \"can I park?\"}", "c5"));
        JsonNode results = content(outcome).get("results");

        assertThat(outcome.ok()).isTrue();
        assertThat(queries).containsExactly("can I park?|2|0.5");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("document_id").asString()).isEqualTo("d2");
        assertThat(results.get(1).get("document_id").asString()).isEqualTo("d3");
        assertThat(results.get(0).get("text").asString()).isEqualTo("Parking is free.");
        assertThat(content(outcome).get("hint").asString()).isNotBlank();
        assertThat(outcome.speakDuringExecution()).isTrue();
        assertThat(outcome.speakDuringMessage()).isEqualTo("Let me check.");
    }

    @Test
    void aKnowledgeBaseWithNothingFoundSaysSoAndAFailedSearchIsAToolError() {
        Tool kb = tool("""
                {"name": "faq", "description": "Answers questions", "tool_type": "knowledge_base",
                 "config": {"top_k": 3, "similarity_threshold": 0.5}}
                """);
        InvocationOutcome nothing = engine().invoke(call(kb, "{\"query\": \"opening hours\"}", "c6"));
        InvocationOutcome noQuery = engine().invoke(call(kb, "{}", "c6"));
        InvocationOutcome blankQuery = engine().invoke(call(kb, "{\"query\": \"   \"}", "c6"));
        knowledge = (tenant, agent, query, topK, threshold) -> {
            throw new KnowledgeSearchException("index unavailable", null);
        };
        InvocationOutcome failed = engine().invoke(call(kb, "{\"query\": \"opening hours\"}", "c6"));
        TestFireResult dryRun = engine().testFire(call(kb, "{\"query\": \"x\"}", "c6"), true);

        assertThat(nothing.ok()).isTrue();
        assertThat(content(nothing).get("results")).isEmpty();
        assertThat(content(nothing).get("message").asString()).contains("Nothing was found in the knowledge base");
        assertThat(content(nothing).get("hint").asString()).contains("could not find");
        assertThat(noQuery.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_INVALID_ARGS);
        assertThat(blankQuery.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_INVALID_ARGS);
        assertThat(queries).hasSize(3).noneMatch(query -> query.startsWith("|"));
        assertThat(failed.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_KNOWLEDGE_UNAVAILABLE);
        assertThat(failed.content()).doesNotContain("index unavailable").doesNotContain("Exception");
        assertThat(dryRun.outcome().error().code()).isEqualTo(ErrorCode.HTTP_TOOL_KNOWLEDGE_UNAVAILABLE);
    }
}
