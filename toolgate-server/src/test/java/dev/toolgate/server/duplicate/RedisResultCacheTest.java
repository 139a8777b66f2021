package dev.toolgate.server.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.render.CallContext;
import dev.toolgate.core.render.IdempotencyKey;
import dev.toolgate.core.tool.ParseResult;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.core.tool.ToolLimits;
import dev.toolgate.server.TestRedis;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Duplicate-call results shared through Redis (127.0.0.1:6379), keyed by the {@code Idempotency-Key}: a true repeat
 * reaching another instance is served the first answer; a call differing in what shapes the request is not.
 * Skipped without Redis, except under {@code CI=true}, where a missing Redis fails.
 */
class RedisResultCacheTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID AGENT = UUID.randomUUID();
    private static final Instant VERSION = Instant.parse("2026-11-21T10:00:00Z");

    static RedisClient redis;

    @BeforeAll
    static void connect() {
        redis = TestRedis.client();
    }

    @Test
    void aTrueRepeatOnAnotherInstanceIsServedTheFirstAnswerAndAnotherCallerIsNot() {
        DuplicateCalls<ObjectNode> first = new DuplicateCalls<>(new RedisResultCache<>(redis, ObjectNode.class));
        DuplicateCalls<ObjectNode> second = new DuplicateCalls<>(new RedisResultCache<>(redis, ObjectNode.class));
        Tool tool = tool();
        JsonNode arguments = JSON.readTree("{\"day\": \"mon\"}");
        String callId = "call-" + UUID.randomUUID();
        String key =
                IdempotencyKey.of(tool, new CallContext(callId, "+14155550101", TENANT, AGENT, Map.of()), arguments);
        String otherCaller =
                IdempotencyKey.of(tool, new CallContext(callId, "+14155550102", TENANT, AGENT, Map.of()), arguments);
        AtomicInteger runs = new AtomicInteger();
        Duration window = Duration.ofSeconds(30);

        DuplicateCalls.Served<ObjectNode> ran = first.serve(key, window, () -> fresh("inv-1", runs));
        DuplicateCalls.Served<ObjectNode> repeat = second.serve(key, window, () -> fresh("inv-2", runs));
        DuplicateCalls.Served<ObjectNode> other = second.serve(otherCaller, window, () -> fresh("inv-3", runs));

        assertThat(ran).isInstanceOf(DuplicateCalls.Ran.class);
        assertThat(repeat).isInstanceOf(DuplicateCalls.Reused.class);
        assertThat(((DuplicateCalls.Reused<ObjectNode>) repeat).originalInvocationId())
                .isEqualTo("inv-1");
        assertThat(((DuplicateCalls.Reused<ObjectNode>) repeat)
                        .response()
                        .get("content")
                        .asString())
                .isEqualTo("answer of inv-1");
        assertThat(other).isInstanceOf(DuplicateCalls.Ran.class);
        assertThat(runs).hasValue(2);
    }

    private static DuplicateCalls.Fresh<ObjectNode> fresh(String invocationId, AtomicInteger runs) {
        runs.incrementAndGet();
        return new DuplicateCalls.Fresh<>(
                invocationId, JsonNodeFactory.instance.objectNode().put("content", "answer of " + invocationId), true);
    }

    private static Tool tool() {
        ParseResult parsed = new ToolDefinitionParser(ToolLimits.ofDefaults()).parse(JSON.readTree("""
                {"name": "check_slot", "description": "Checks a slot", "tool_type": "http_request",
                 "config": {"url": "https://api.example.com/slots", "body_mode": "envelope"}}
                """));
        return new Tool(UUID.randomUUID(), TENANT, AGENT, ((ParseResult.Valid) parsed).definition(), VERSION, VERSION);
    }
}
