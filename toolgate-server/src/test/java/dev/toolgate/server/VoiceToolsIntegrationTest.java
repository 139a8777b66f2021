package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.knowledge.KnowledgeHit;
import dev.toolgate.core.knowledge.KnowledgeSearch;
import dev.toolgate.core.telephony.Dtmf;
import dev.toolgate.core.telephony.DtmfAudio;
import dev.toolgate.server.tenant.ApiKeyService;
import dev.toolgate.server.tenant.Scope;
import dev.toolgate.server.tenant.TenantStore;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.xml.parsers.DocumentBuilderFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/**
 * The six voice-runtime tool types end to end through the REST API: create the tool, see it in the functions export
 * and the tool list, invoke it as the voice runtime does (JSON, TwiML, event stream), and find it in the invocation
 * log; call variables flow from extract_variable and response_variables into a later HTTP tool of the same call.
 */
@SpringBootTest(classes = ToolgateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(VoiceToolsIntegrationTest.FakeKnowledge.class)
class VoiceToolsIntegrationTest {

    static final String ADMIN_KEY = "tg_test_voice_admin_key_0123456789ab";

    /** A knowledge base of three chunks, scored by whether the query mentions parking. */
    @TestConfiguration
    static class FakeKnowledge {
        @Bean
        @Primary
        KnowledgeSearch fakeKnowledgeSearch() {
            return (tenant, agent, query, topK, threshold) -> query.contains("park")
                    ? List.of(
                                    new KnowledgeHit("doc-1", "Parking", "Parking is free behind the building.", 0.92),
                                    new KnowledgeHit("doc-2", "Directions", "Take the second exit.", 0.61),
                                    new KnowledgeHit("doc-3", "Hours", "Open 9 to 5.", 0.55))
                            .subList(0, Math.min(topK, 3))
                    : List.of();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("toolgate-voice-it");
        registry.add("toolgate.data-dir", dataDir::toString);
        registry.add("toolgate.bootstrap-api-key", () -> ADMIN_KEY);
        registry.add("toolgate.egress.allowlist", () -> "127.0.0.1:" + TestEndpoint.SERVER.getPort());
        registry.add("toolgate.egress.extra-ca", TestEndpoint.CA_PEM::toString);
        registry.add("toolgate.budget", () -> "3s");
        registry.add("toolgate.calls.default-region", () -> "DE");
        registry.add("toolgate.rate-limit.tenant-per-minute", () -> "0");
        registry.add("toolgate.rate-limit.tool-per-minute", () -> "0");
        registry.add("toolgate.rate-limit.test-fire-per-minute", () -> "0");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiKeyService keys;

    @Autowired
    TenantStore tenants;

    ApiClient api;
    String agentId;

    @BeforeEach
    void setUp() throws InterruptedException {
        api = new ApiClient("http://127.0.0.1:" + port);
        TestEndpoint.dropReceived();
        agentId = api.post(ADMIN_KEY, "/v1/agents", "{\"name\":\"front desk\"}")
                .json()
                .get("id")
                .asString();
    }

    private JsonNode create(String json) {
        ApiClient.Answer answer = api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/tools", json);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json();
    }

    private JsonNode invoke(String tool, String arguments, String callId) {
        ApiClient.Answer answer =
                api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/invocations", body(tool, arguments, callId));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private static String body(String tool, String arguments, String callId) {
        return "{\"tool\": \"" + tool + "\", \"arguments\": " + arguments + ", \"call\": {\"id\": \"" + callId + "\"}}";
    }

    private JsonNode logged(JsonNode answer) {
        ApiClient.Answer record = api.get(
                ADMIN_KEY, "/v1/invocations/" + answer.get("invocation_id").asString());
        assertThat(record.status()).as(record.text()).isEqualTo(200);
        return record.json();
    }

    private static JsonNode content(JsonNode answer) {
        return ApiClient.JSON.readTree(answer.get("content").asString());
    }

    private void createEmailTool() {
        create("""
                {"name": "get_email", "description": "Takes the caller's e-mail address", "tool_type": "extract_variable",
                 "config": {"variable_name": "email", "variable_type": "email",
                            "prompt_text": "What is your e-mail address?", "example_format": "jane@example.com"}}
                """);
    }

    @Test
    void everyTypeShowsTheModelItsRealArgumentsAndTheRuntimeItsSpeech() {
        createEmailTool();
        create("""
                {"name": "transfer", "description": "Transfers the caller", "tool_type": "transfer_call",
                 "config": {"phone_number": "+4930999888", "allowed_destinations": ["+4930111222"]}}
                """);
        create("""
                {"name": "press", "description": "Presses keys", "tool_type": "play_tone", "config": {}}
                """);
        create("""
                {"name": "faq", "description": "Answers questions", "tool_type": "knowledge_base",
                 "config": {"top_k": 2, "bridging_sentence": "One moment, let me look that up."}}
                """);
        create("""
                {"name": "hang_up", "description": "Ends the call", "tool_type": "end_call", "config": {}}
                """);
        create("""
                {"name": "check_slot", "description": "Checks a slot", "tool_type": "http_request",
                 "parameters": {"type": "object", "properties": {"day": {"type": "string"}}},
                 "config": {"url": "https://api.example.com/slots", "speak_during_execution": true,
                            "speak_during_message": "Let me look at the calendar."}}
                """);

        JsonNode functions = api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/functions")
                .json()
                .get("tools");
        JsonNode plain = api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/functions?format=anthropic&extensions=false")
                .json()
                .get("tools");
        JsonNode list =
                api.get(ADMIN_KEY, "/v1/agents/" + agentId + "/tools").json().get("data");

        assertThat(descriptor(functions, "get_email")
                        .at("/function/parameters/required/0")
                        .asString())
                .isEqualTo("value");
        assertThat(descriptor(functions, "transfer")
                        .at("/function/parameters/properties/destination/description")
                        .asString())
                .contains("+4930111222");
        assertThat(descriptor(functions, "press")
                        .at("/function/parameters/required/0")
                        .asString())
                .isEqualTo("digits");
        assertThat(descriptor(functions, "faq")
                        .at("/function/parameters/required/0")
                        .asString())
                .isEqualTo("query");
        assertThat(descriptor(functions, "hang_up").at("/function/parameters/properties"))
                .isEmpty();
        assertThat(descriptor(functions, "faq")
                        .at("/x-toolgate/speak_during_message")
                        .asString())
                .isEqualTo("One moment, let me look that up.");
        assertThat(descriptor(functions, "faq").at("/x-toolgate/tool_type").asString())
                .isEqualTo("knowledge_base");
        assertThat(descriptor(functions, "check_slot")
                        .at("/x-toolgate/speak_during_message")
                        .asString())
                .isEqualTo("Let me look at the calendar.");
        assertThat(descriptor(functions, "check_slot")
                        .at("/function/parameters/properties/day/type")
                        .asString())
                .isEqualTo("string");
        assertThat(plain.get(0).has("x-toolgate")).isFalse();
        JsonNode listed = null;
        for (JsonNode tool : list) {
            if (tool.get("name").asString().equals("get_email")) {
                listed = tool;
            }
        }
        assertThat(listed.at("/parameters/properties/value/type").asString()).isEqualTo("string");
    }

    private static JsonNode descriptor(JsonNode functions, String name) {
        for (JsonNode descriptor : functions) {
            if (descriptor.at("/function/name").asString().equals(name)) {
                return descriptor;
            }
        }
        throw new AssertionError("no descriptor " + name + " in " + functions);
    }

    @Test
    void anExtractedEmailFeedsALaterHttpToolAndItsAnswerSetsMoreVariables() throws Exception {
        createEmailTool();
        create("""
                {"name": "lookup_order", "description": "Finds the caller's order", "tool_type": "http_request",
                 "config": {"url": "%s", "method": "GET",
                            "query_params": [{"key": "email", "value": "{{vars.email}}"}],
                            "response_variables": {"order_id": "/order/id", "total": "$.order.total"}}}
                """.formatted(TestEndpoint.url("/orders")));
        TestEndpoint.SERVER.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body("{\"order\": {\"id\": \"A-1042\", \"total\": 10.50}}")
                .build());
        String call = "call-vars-1";

        JsonNode bad = invoke("get_email", "{\"value\": \"jane at example\"}", call);
        JsonNode stored = invoke("get_email", "{\"value\": \"Jane.Doe@Example.COM\"}", call);
        JsonNode looked = invoke("lookup_order", "{}", call);
        RecordedRequest request = TestEndpoint.SERVER.takeRequest(5, TimeUnit.SECONDS);
        JsonNode variables =
                api.get(ADMIN_KEY, "/v1/calls/" + call + "/variables").json();
        String otherKey = keys.createKey(
                        tenants.create("other").id(), "admin", EnumSet.of(Scope.ADMIN), ApiKeyService.generateKey())
                .key();
        JsonNode otherTenants =
                api.get(otherKey, "/v1/calls/" + call + "/variables").json();

        assertThat(bad.get("status").asString()).isEqualTo("error");
        assertThat(bad.at("/error/code").asString()).isEqualTo("HTTP_TOOL_INVALID_ARGS");
        assertThat(bad.at("/error/hint").asString()).contains("What is your e-mail address?", "jane@example.com");
        assertThat(content(stored).get("value").asString()).isEqualTo("jane.doe@example.com");
        assertThat(looked.get("status").asString()).isEqualTo("ok");
        assertThat(request.getUrl().queryParameter("email")).isEqualTo("jane.doe@example.com");
        assertThat(variables.get("call_id").asString()).isEqualTo(call);
        assertThat(variables.at("/variables/email").asString()).isEqualTo("jane.doe@example.com");
        assertThat(variables.at("/variables/order_id").asString()).isEqualTo("A-1042");
        assertThat(variables.at("/variables/total").asString()).isEqualTo("10.50");
        assertThat(otherTenants.get("variables")).isEmpty();
    }

    @Test
    void confirmationKeepsTheValuePendingUntilTheCallerSaysYes() {
        create("""
                {"name": "get_phone", "description": "Takes a callback number", "tool_type": "extract_variable",
                 "config": {"variable_name": "callback", "variable_type": "phone", "confirmation_enabled": true}}
                """);
        String call = "call-confirm-1";

        JsonNode first = invoke("get_phone", "{\"value\": \"030 999888\"}", call);
        JsonNode before = api.get(ADMIN_KEY, "/v1/calls/" + call + "/variables").json();
        JsonNode confirmed = invoke("get_phone", "{\"value\": \"+4930999888\", \"confirmed\": true}", call);
        JsonNode after = api.get(ADMIN_KEY, "/v1/calls/" + call + "/variables").json();

        assertThat(content(first).get("status").asString()).isEqualTo("confirm");
        assertThat(content(first).get("instruction").asString()).contains("+4930999888");
        assertThat(before.get("variables")).isEmpty();
        assertThat(content(confirmed).get("stored").asBoolean()).isTrue();
        assertThat(after.at("/variables/callback").asString()).isEqualTo("+4930999888");
    }

    @Test
    void aTenantsCallSettingsDecideTheRegionItsPhoneNumbersAreReadIn() {
        String tenantId = tenants.create("us clinic").id().toString();
        String key = keys.createKey(
                        java.util.UUID.fromString(tenantId),
                        "admin",
                        EnumSet.of(Scope.ADMIN),
                        ApiKeyService.generateKey())
                .key();
        String agent = api.post(key, "/v1/agents", "{\"name\":\"us desk\"}")
                .json()
                .get("id")
                .asString();
        ApiClient.Answer tool = api.post(key, "/v1/agents/" + agent + "/tools", """
                {"name": "get_phone", "description": "Takes a callback number", "tool_type": "extract_variable",
                 "config": {"variable_name": "callback", "variable_type": "phone"}}""");
        assertThat(tool.status()).as(tool.text()).isEqualTo(201);
        String invoke = "/v1/agents/" + agent + "/invocations";

        JsonNode before =
                api.get(key, "/v1/tenants/" + tenantId + "/call-settings").json();
        JsonNode asGerman = content(api.post(key, invoke, body("get_phone", "{\"value\": \"030 999888\"}", "c-us"))
                .json());
        ApiClient.Answer set = api.put(
                key,
                "/v1/tenants/" + tenantId + "/call-settings",
                "{\"region\": \"us\", \"time_zone\": \"America/New_York\"}");
        JsonNode asAmerican =
                content(api.post(key, invoke, body("get_phone", "{\"value\": \"(415) 555-0123\"}", "c-us"))
                        .json());
        ApiClient.Answer badRegion = api.put(key, "/v1/tenants/" + tenantId + "/call-settings", "{\"region\": \"XX\"}");
        ApiClient.Answer othersTenant =
                api.get(key, "/v1/tenants/" + ApiKeyService.DEFAULT_TENANT_ID + "/call-settings");

        assertThat(before.get("region").isNull()).isTrue();
        assertThat(asGerman.get("value").asString()).isEqualTo("+4930999888");
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.json().get("region").asString()).isEqualTo("US");
        assertThat(set.json().get("time_zone").asString()).isEqualTo("America/New_York");
        assertThat(asAmerican.get("value").asString()).isEqualTo("+14155550123");
        assertThat(badRegion.status()).isEqualTo(422);
        assertThat(badRegion.json().at("/errors/0/field").asString()).isEqualTo("region");
        assertThat(othersTenant.status()).isEqualTo(404);
    }

    @Test
    void responseVariablesWithABadExpressionAreRefusedAtCreateWithAFieldError() {
        ApiClient.Answer answer = api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/tools", """
                {"name": "bad_vars", "description": "x", "tool_type": "http_request",
                 "config": {"url": "https://api.example.com/x", "response_variables": {"id": "order.id"}}}
                """);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("errors").get(0).get("field").asString())
                .isEqualTo("config.response_variables.id");
    }

    @Test
    void transfersGoOnlyWhereTheToolAllowsAndEveryActionIsLogged() {
        create("""
                {"name": "transfer", "description": "Transfers the caller", "tool_type": "transfer_call",
                 "config": {"phone_number": "+4930999888", "transfer_mode": "warm", "summary": true,
                            "whisper_message": "A caller from the hotline.",
                            "allowed_destinations": ["+4930111222", "sip:billing@pbx.example.com"]}}
                """);
        create("""
                {"name": "ring_desk", "description": "Rings the desk", "tool_type": "monitored_transfer",
                 "config": {"phone_number": "sip:desk@pbx.example.com", "timeout_seconds": 15}}
                """);
        ApiClient.Answer badCreate = api.post(ADMIN_KEY, "/v1/agents/" + agentId + "/tools", """
                {"name": "bad", "description": "x", "tool_type": "transfer_call",
                 "config": {"phone_number": "sip:desk@127.0.0.1"}}
                """);

        JsonNode allowed = invoke(
                "transfer", "{\"destination\": \"sip:billing@pbx.example.com\", \"summary\": \"Invoice 17.\"}", "c-t");
        JsonNode refused = invoke("transfer", "{\"destination\": \"+1 900 555 0123\"}", "c-t");
        JsonNode ringing = invoke("ring_desk", "{}", "c-t");
        JsonNode record = logged(refused);

        assertThat(badCreate.status()).isEqualTo(422);
        assertThat(allowed.at("/action/type").asString()).isEqualTo("transfer");
        assertThat(allowed.at("/action/destination/uri").asString()).isEqualTo("sip:billing@pbx.example.com");
        assertThat(allowed.at("/action/summary").asString()).isEqualTo("Invoice 17.");
        assertThat(allowed.at("/action/whisper").asString()).isEqualTo("A caller from the hotline.");
        assertThat(refused.at("/action/destination/number").asString()).isEqualTo("+4930999888");
        assertThat(content(refused).get("note").asString()).contains("default destination");
        assertThat(ringing.at("/action/type").asString()).isEqualTo("monitored_transfer");
        assertThat(ringing.at("/action/timeout_seconds").asInt()).isEqualTo(15);
        assertThat(record.get("kind").asString()).isEqualTo("invoke");
        assertThat(record.get("tool_name").asString()).isEqualTo("transfer");
        assertThat(record.at("/action/type").asString()).isEqualTo("transfer");
        assertThat(record.at("/action/destination/number").asString()).isEqualTo("+4930999888");
        assertThat(logged(ringing).at("/action/destination/uri").asString()).isEqualTo("sip:desk@pbx.example.com");
    }

    @Test
    void aPlayToneInvocationHasItsDtmfAsWavAndOtherInvocationsHaveNone() throws Exception {
        create("""
                {"name": "press", "description": "Presses keys", "tool_type": "play_tone",
                 "config": {"duration": 100, "volume": 0.6}}
                """);
        createEmailTool();

        JsonNode pressed = invoke("press", "{\"digits\": \"1w2#9\"}", "c-dtmf");
        JsonNode wrong = invoke("press", "{\"digits\": \"12x\"}", "c-dtmf");
        JsonNode email = invoke("get_email", "{\"value\": \"a@example.com\"}", "c-dtmf");
        Request audioRequest = new Request.Builder()
                .url("http://127.0.0.1:" + port + "/v1/invocations/"
                        + pressed.get("invocation_id").asString() + "/audio")
                .header("X-API-Key", ADMIN_KEY)
                .build();
        byte[] wav;
        String type;
        try (Response response = new OkHttpClient().newCall(audioRequest).execute()) {
            assertThat(response.code()).isEqualTo(200);
            type = response.header("Content-Type");
            wav = response.body().bytes();
        }
        ApiClient.Answer none = api.get(
                ADMIN_KEY, "/v1/invocations/" + email.get("invocation_id").asString() + "/audio");

        assertThat(pressed.at("/action/type").asString()).isEqualTo("send_dtmf");
        assertThat(wrong.at("/error/code").asString()).isEqualTo("HTTP_TOOL_INVALID_ARGS");
        assertThat(wrong.get("action").isNull()).isTrue();
        assertThat(type).isEqualTo("audio/wav");
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            assertThat(in.getFormat().getSampleRate()).isEqualTo(8000f);
            assertThat(in.getFormat().getSampleSizeInBits()).isEqualTo(16);
            short[] samples = samples(in.readAllBytes());
            assertThat(samples.length / 8).isEqualTo((int) DtmfAudio.lengthMs("1w2#9", 100));
            assertThat(keys(samples)).isEqualTo("12#9");
        }
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("code").asString()).isEqualTo("no_audio");
    }

    @Test
    void theSameActionsComeAsTwimlThatParsesBack() throws Exception {
        create("""
                {"name": "transfer", "description": "Transfers the caller", "tool_type": "transfer_call",
                 "config": {"phone_number": "+4930999888", "extension": "12"}}
                """);
        create("""
                {"name": "hang_up", "description": "Ends the call", "tool_type": "end_call",
                 "config": {"goodbye_message": "Thanks </Say><Dial>+19005550123</Dial> bye"}}
                """);
        create("""
                {"name": "press", "description": "Presses keys", "tool_type": "play_tone",
                 "config": {"dtmf_digit": "1w2#"}}
                """);
        create("""
                {"name": "ring_desk", "description": "Rings the desk", "tool_type": "monitored_transfer",
                 "config": {"phone_number": "+4930999888"}}
                """);

        Document transfer = twiml("transfer", "");
        Document hangUp = twiml("hang_up", "");
        Document press = twiml("press", "?resume_url=https://runtime.example.com/resume");
        ApiClient.Answer noResume = xml("ring_desk", "");
        ApiClient.Answer badUrl = xml("ring_desk", "?resume_url=ftp://x");

        Element number = (Element) transfer.getElementsByTagName("Number").item(0);
        assertThat(transfer.getDocumentElement().getTagName()).isEqualTo("Response");
        assertThat(number.getTextContent()).isEqualTo("+4930999888");
        assertThat(number.getAttribute("sendDigits")).isEqualTo("ww12");
        assertThat(number.getParentNode().getNodeName()).isEqualTo("Dial");
        assertThat(hangUp.getElementsByTagName("Say").item(0).getTextContent())
                .isEqualTo("Thanks </Say><Dial>+19005550123</Dial> bye");
        assertThat(hangUp.getElementsByTagName("Dial").getLength()).isZero();
        assertThat(hangUp.getElementsByTagName("Hangup").getLength()).isEqualTo(1);
        assertThat(((Element) press.getElementsByTagName("Play").item(0)).getAttribute("digits"))
                .isEqualTo("1w2#");
        assertThat(press.getElementsByTagName("Redirect").item(0).getTextContent())
                .isEqualTo("https://runtime.example.com/resume");
        assertThat(noResume.status()).isEqualTo(422);
        assertThat(noResume.text()).contains("no_twiml", "resumeUrl");
        assertThat(badUrl.status()).isEqualTo(400);
    }

    private ApiClient.Answer xml(String tool, String query) {
        return api.send(
                ADMIN_KEY,
                new Request.Builder()
                        .url("http://127.0.0.1:" + port + "/v1/agents/" + agentId + "/invocations" + query)
                        .header("Accept", "application/xml")
                        .post(RequestBody.create(body(tool, "{}", "c-twiml"), MediaType.get("application/json"))));
    }

    private Document twiml(String tool, String query) throws Exception {
        ApiClient.Answer answer = xml(tool, query);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(answer.text().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aStreamedInvocationSpeaksAtOnceAndThenSendsTheKnowledgeBaseResult() throws Exception {
        create("""
                {"name": "faq", "description": "Answers questions", "tool_type": "knowledge_base",
                 "config": {"top_k": 2, "similarity_threshold": 0.6, "bridging_sentence": "Let me check."}}
                """);
        Request request = new Request.Builder()
                .url("http://127.0.0.1:" + port + "/v1/agents/" + agentId + "/invocations")
                .header("X-API-Key", ADMIN_KEY)
                .header("Accept", "text/event-stream")
                .post(RequestBody.create(
                        body("faq", "{\"query\": \"where can I park?\"}", "c-sse"), MediaType.get("application/json")))
                .build();
        List<String[]> events = new ArrayList<>();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("text/event-stream");
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(response.body().byteStream(), StandardCharsets.UTF_8));
            String name = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    events.add(new String[] {name, line.substring(5).strip()});
                }
            }
        }
        JsonNode nothing = invoke("faq", "{\"query\": \"opening hours\"}", "c-sse");

        assertThat(events).extracting(e -> e[0]).containsExactly("speak", "result");
        JsonNode speak = ApiClient.JSON.readTree(events.get(0)[1]);
        assertThat(speak.get("during_execution").asBoolean()).isTrue();
        assertThat(speak.get("during_message").asString()).isEqualTo("Let me check.");
        JsonNode result = ApiClient.JSON.readTree(events.get(1)[1]);
        assertThat(result.get("status").asString()).isEqualTo("ok");
        assertThat(result.at("/speak/during_message").asString()).isEqualTo("Let me check.");
        JsonNode hits = content(result).get("results");
        assertThat(hits).hasSize(2);
        assertThat(hits.get(0).get("document_id").asString()).isEqualTo("doc-1");
        assertThat(hits.get(0).get("text").asString()).isEqualTo("Parking is free behind the building.");
        assertThat(hits.get(1).get("score").asDouble()).isEqualTo(0.61);
        assertThat(content(nothing).get("results")).isEmpty();
        assertThat(content(nothing).get("message").asString()).contains("Nothing was found in the knowledge base");
    }

    @Test
    void aDryRunTestFireOfAKnowledgeBaseToolShowsTheHitsItWouldGive() {
        String id = create("""
                        {"name": "faq", "description": "Answers questions", "tool_type": "knowledge_base",
                         "config": {"top_k": 1}}
                        """).get("id").asString();

        ApiClient.Answer fired = api.post(
                ADMIN_KEY,
                "/v1/agents/" + agentId + "/tools/" + id + "/test",
                "{\"arguments\": {\"query\": \"parking?\"}, \"dry_run\": true}");

        assertThat(fired.status()).as(fired.text()).isEqualTo(200);
        JsonNode hits = content(fired.json().get("result")).get("results");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).get("title").asString()).isEqualTo("Parking");
    }

    private static short[] samples(byte[] pcm) {
        short[] samples = new short[pcm.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
        }
        return samples;
    }

    /** The keys in the audio: 20 ms blocks judged by the Goertzel power at the eight Q.23 frequencies. */
    private static String keys(short[] samples) {
        int[] rows = {697, 770, 852, 941};
        int[] columns = {1209, 1336, 1477, 1633};
        int block = 160;
        StringBuilder keys = new StringBuilder();
        char current = ' ';
        for (int start = 0; start + block <= samples.length; start += block) {
            short[] chunk = Arrays.copyOfRange(samples, start, start + block);
            double energy = 0;
            for (short sample : chunk) {
                energy += (double) sample * sample;
            }
            char key = energy == 0 ? ' ' : Dtmf.KEYS.charAt(strongest(chunk, rows) * 4 + strongest(chunk, columns));
            if (key != current && key != ' ') {
                keys.append(key);
            }
            current = key;
        }
        return keys.toString();
    }

    private static int strongest(short[] chunk, int[] frequencies) {
        int best = 0;
        double bestPower = -1;
        for (int i = 0; i < frequencies.length; i++) {
            double coefficient = 2 * Math.cos(2 * Math.PI * frequencies[i] / DtmfAudio.SAMPLE_RATE_HZ);
            double previous = 0;
            double beforePrevious = 0;
            for (short sample : chunk) {
                double value = sample + coefficient * previous - beforePrevious;
                beforePrevious = previous;
                previous = value;
            }
            double power =
                    previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
            if (power > bestPower) {
                bestPower = power;
                best = i;
            }
        }
        return best;
    }
}
