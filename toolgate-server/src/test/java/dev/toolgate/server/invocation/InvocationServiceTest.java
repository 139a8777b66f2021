package dev.toolgate.server.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.egress.AllowlistEntry;
import dev.toolgate.core.egress.EgressPolicy;
import dev.toolgate.core.engine.InvocationOutcome;
import dev.toolgate.core.engine.ToolEngine;
import dev.toolgate.core.exec.ExecutorConfig;
import dev.toolgate.core.exec.HttpExecutor;
import dev.toolgate.core.render.CallContext;
import dev.toolgate.core.render.RequestRenderer;
import dev.toolgate.core.render.SecretResolver;
import dev.toolgate.core.signing.SigningSecret;
import dev.toolgate.core.tool.ParseResult;
import dev.toolgate.core.tool.SignatureScheme;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.core.tool.ToolLimits;
import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.duplicate.DuplicateCalls;
import dev.toolgate.server.duplicate.LocalResultCache;
import dev.toolgate.server.ratelimit.FixedRateLimits;
import dev.toolgate.server.ratelimit.RateDecision;
import dev.toolgate.server.tool.FakeToolStore;
import dev.toolgate.testkit.LoopbackTls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link InvocationService} alone, without a Spring context: a real engine sending to a loopback HTTPS endpoint, a
 * real in-process duplicate-call cache, and fakes for the tool store, the rate limits and the recorder.
 */
class InvocationServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LoopbackTls TLS = LoopbackTls.create("Toolgate invocation test CA");
    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID AGENT = UUID.randomUUID();
    private static final CallContext CALL = new CallContext("call-9", "+14155550123", TENANT, AGENT, Map.of());
    private static final ToolgateProperties PROPERTIES = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("toolgate", Bindable.of(ToolgateProperties.class));

    private MockWebServer endpoint;
    private HttpExecutor executor;
    private FakeToolStore tools;
    private FixedRateLimits rateLimits;
    private RecordingRecorder recorder;
    private InvocationService service;

    @BeforeEach
    void setUp() throws Exception {
        endpoint = TLS.startServer();
        EgressPolicy egress = EgressPolicy.builder()
                .allowlist(AllowlistEntry.parseList("127.0.0.1:" + endpoint.getPort()))
                .build();
        executor = new HttpExecutor(
                ExecutorConfig.builder()
                        .extraTrustedCertificates(List.of(TLS.caCertificate()))
                        .build(),
                egress);
        ToolEngine engine = new ToolEngine(
                executor, egress, new RequestRenderer(SecretResolver.NONE, "Toolgate/test"), InstantSource.fixed(NOW));
        tools = new FakeToolStore(SigningSecret.generate(SignatureScheme.TOOLGATE));
        rateLimits = new FixedRateLimits(PROPERTIES);
        recorder = new RecordingRecorder();
        service = new InvocationService(
                engine,
                tools,
                rateLimits,
                new DuplicateCalls<>(new LocalResultCache<>(Clock.systemUTC())),
                recorder,
                PROPERTIES);
    }

    @AfterEach
    void tearDown() throws Exception {
        executor.close();
        endpoint.close();
    }

    @Test
    void aToolTheAgentDoesNotHaveIsAnsweredNotFoundAndRecorded() {
        InvocationOut answer = invoke("no_such_tool", "{\"day\": \"sat\"}");

        assertThat(answer.status()).isEqualTo("error");
        assertThat(answer.error().code()).isEqualTo("HTTP_TOOL_NOT_FOUND");
        assertThat(recorder.records).singleElement().satisfies(record -> {
            assertThat(record.toolName()).isEqualTo("no_such_tool");
            assertThat(record.tool()).isNull();
            assertThat(record.outcome().invocationId()).isEqualTo(answer.invocationId());
        });
        assertThat(endpoint.getRequestCount()).isZero();
    }

    @Test
    void aRateLimitedCallIsRefusedAndSendsNothing() {
        addTool();
        rateLimits.decide(new RateDecision(false, "tool", 60, Duration.ofSeconds(12)));

        InvocationOut answer = invoke("check_slot", "{\"day\": \"sat\"}");

        assertThat(answer.status()).isEqualTo("error");
        assertThat(answer.error().code()).isEqualTo("HTTP_TOOL_RATE_LIMITED");
        assertThat(answer.error().message()).contains("60 calls per minute for this tool", "Nothing was sent");
        assertThat(endpoint.getRequestCount()).isZero();
        assertThat(recorder.records)
                .singleElement()
                .satisfies(record ->
                        assertThat(record.outcome().error().code().name()).isEqualTo("HTTP_TOOL_RATE_LIMITED"));
    }

    @Test
    void aRepeatWithinTheWindowIsServedTheFirstAnswerWithoutSendingAgain() {
        addTool();
        endpoint.enqueue(okSlot());

        InvocationOut first = invoke("check_slot", "{\"day\": \"sat\"}");
        InvocationOut repeat = invoke("check_slot", "{\"day\": \"sat\"}");

        assertThat(first.status()).isEqualTo("ok");
        assertThat(first.repeatOf()).isNull();
        assertThat(repeat.status()).isEqualTo("ok");
        assertThat(repeat.content()).isEqualTo(first.content());
        assertThat(repeat.repeatOf()).isEqualTo(first.invocationId());
        assertThat(repeat.invocationId()).isNotEqualTo(first.invocationId());
        assertThat(endpoint.getRequestCount()).isEqualTo(1);
        assertThat(recorder.repeats).singleElement().isEqualTo(repeat);
    }

    @Test
    void aCallWithOtherArgumentsIsNotARepeat() {
        addTool();
        endpoint.enqueue(okSlot());
        endpoint.enqueue(okSlot());

        invoke("check_slot", "{\"day\": \"sat\"}");
        InvocationOut other = invoke("check_slot", "{\"day\": \"sun\"}");

        assertThat(other.repeatOf()).isNull();
        assertThat(endpoint.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aReplayIsSentAgainEvenWhileTheOriginalsAnswerIsReusable() {
        Tool tool = addTool();
        endpoint.enqueue(okSlot());
        endpoint.enqueue(okSlot());
        InvocationOut original = invoke("check_slot", "{\"day\": \"sat\"}");
        InvocationRecord logged = InvocationRecord.builder(UUID.fromString(original.invocationId()), TENANT)
                .agentId(AGENT)
                .toolId(tool.id())
                .toolName(tool.name())
                .toolCallId("tc_1")
                .callId(CALL.callId())
                .callJson(CallJson.of(CALL))
                .argumentsJson("{\"day\": \"sat\"}")
                .build();

        InvocationOut replay = service.replay(logged, tool, System.nanoTime());

        assertThat(replay.status()).isEqualTo("ok");
        assertThat(replay.replayOf()).isEqualTo(original.invocationId());
        assertThat(replay.repeatOf()).isNull();
        assertThat(endpoint.getRequestCount()).isEqualTo(2);
        assertThat(recorder.records).hasSize(2);
        assertThat(recorder.records.get(1).replayOf()).isEqualTo(UUID.fromString(original.invocationId()));
        assertThat(recorder.repeats).isEmpty();
    }

    private InvocationOut invoke(String toolName, String arguments) {
        return service.invoke(AGENT, toolName, JSON.readTree(arguments), "tc_1", CALL, System.nanoTime());
    }

    /** Registers the agent's {@code check_slot} tool, which calls the endpoint. */
    private Tool addTool() {
        ParseResult parsed = new ToolDefinitionParser(ToolLimits.ofDefaults())
                .parse(JSON.readTree("""
                {"name": "check_slot", "description": "Checks whether a slot is free",
                 "tool_type": "http_request",
                 "parameters": {"type": "object", "properties": {"day": {"type": "string"}}, "required": ["day"]},
                 "config": {"url": "https://127.0.0.1:%d/slots"}}
                """.formatted(endpoint.getPort())));
        assertThat(parsed).isInstanceOf(ParseResult.Valid.class);
        return tools.add(
                new Tool(UUID.randomUUID(), TENANT, AGENT, ((ParseResult.Valid) parsed).definition(), NOW, NOW));
    }

    private static MockResponse okSlot() {
        return new MockResponse.Builder()
                .body("{\"free\": true}")
                .addHeader("Content-Type", "application/json")
                .build();
    }

    /** One {@link InvocationRecorder#record} call. */
    private record Recorded(String toolName, Tool tool, String kind, InvocationOutcome outcome, UUID replayOf) {}

    /** Keeps what it is asked to record instead of writing it to the invocation log. */
    private static final class RecordingRecorder extends InvocationRecorder {
        final List<Recorded> records = new CopyOnWriteArrayList<>();
        final List<InvocationOut> repeats = new CopyOnWriteArrayList<>();

        RecordingRecorder() {
            super(null, new InvocationMetrics(new SimpleMeterRegistry()), PROPERTIES);
        }

        @Override
        void record(
                CallContext call,
                UUID agentId,
                Tool tool,
                String toolName,
                String kind,
                InvocationOutcome outcome,
                Instant startedAt,
                UUID replayOf) {
            records.add(new Recorded(toolName, tool, kind, outcome, replayOf));
        }

        @Override
        void recordRepeat(
                InvocationKind kind,
                Tool tool,
                CallContext call,
                InvocationOut answer,
                JsonNode arguments,
                Instant startedAt,
                long nanos) {
            repeats.add(answer);
        }
    }
}
