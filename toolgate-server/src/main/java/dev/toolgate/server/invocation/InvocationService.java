package dev.toolgate.server.invocation;

import dev.toolgate.core.args.ArgumentParseResult;
import dev.toolgate.core.egress.AddressVerdict;
import dev.toolgate.core.egress.EgressDecision;
import dev.toolgate.core.engine.Invocation;
import dev.toolgate.core.engine.InvocationOutcome;
import dev.toolgate.core.engine.TestFireResult;
import dev.toolgate.core.engine.ToolEngine;
import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.exec.PhaseTimings;
import dev.toolgate.core.render.CallContext;
import dev.toolgate.core.render.IdempotencyKey;
import dev.toolgate.core.render.RenderedRequest;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.duplicate.DuplicateCalls;
import dev.toolgate.server.ratelimit.RateDecision;
import dev.toolgate.server.ratelimit.TenantRateLimits;
import dev.toolgate.server.tool.ToolStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adapts the REST API to the core engine: finds the tool, runs it, records the invocation, and shapes the
 * answer of the invoke and test-fire APIs (docs/request-response.md).
 */
@Service
public class InvocationService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Failures that say nothing about the endpoint's answer, so a repeat must not reuse them. */
    private static final Set<ErrorCode> NOT_REUSABLE = EnumSet.of(
            ErrorCode.HTTP_TOOL_RATE_LIMITED,
            ErrorCode.HTTP_TOOL_CIRCUIT_OPEN,
            ErrorCode.HTTP_TOOL_INTERNAL,
            ErrorCode.HTTP_TOOL_DISABLED);

    private final ToolEngine engine;
    private final ToolStore tools;
    private final InvocationLog invocationLog;
    private final TenantRateLimits rateLimits;
    private final DuplicateCalls duplicates;
    private final PiiMasker piiMasker;
    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();
    private final Timer repeats;
    private final Duration defaultDuplicateWindow;
    private final int previewBytes;

    InvocationService(
            ToolEngine engine,
            ToolStore tools,
            InvocationLog invocationLog,
            TenantRateLimits rateLimits,
            DuplicateCalls duplicates,
            ToolgateProperties properties,
            MeterRegistry meters) {
        this.engine = engine;
        this.tools = tools;
        this.invocationLog = invocationLog;
        this.rateLimits = rateLimits;
        this.duplicates = duplicates;
        this.piiMasker = new PiiMasker(properties.invocationLog().piiRegion());
        this.meters = meters;
        this.repeats = Timer.builder("toolgate.invocations.repeats")
                .description("Duplicate tool calls served from an identical call")
                .register(meters);
        this.defaultDuplicateWindow = properties.duplicates().defaultWindow();
        this.previewBytes = properties.invocationLog().previewBytes();
    }

    /**
     * One tool call from the voice runtime: rate limits, duplicate-call reuse, the engine, the invocation log.
     *
     * @param toolName the function name the model called
     * @param arguments the model's arguments: an object, a JSON string, or null
     * @param toolCallId the model's tool-call id, or null
     * @param call the live call
     * @param arrivedAtNanos when the request arrived ({@link System#nanoTime()}); the call's budget counts from it
     * @return the invoke API's answer ({@code invocation_id, tool_call_id, status, content, error, ...})
     */
    public ObjectNode invoke(
            UUID agentId,
            String toolName,
            JsonNode arguments,
            String toolCallId,
            CallContext call,
            long arrivedAtNanos) {
        // Parse once: the duplicate-call key and the engine both need the object (a JSON string is parsed here).
        ArgumentParseResult parse = engine.parseArguments(arguments);
        Tool tool = tools.findByName(call.tenantId(), agentId, toolName).orElse(null);
        if (tool == null) {
            JsonNode kept =
                    parse instanceof ArgumentParseResult.Invalid invalid && invalid.overLimit() ? null : arguments;
            String invocationId = UUID.randomUUID().toString();
            Instant startedAt = Instant.now();
            ToolError error =
                    ToolError.of(ErrorCode.HTTP_TOOL_NOT_FOUND, "This agent has no tool named '" + toolName + "'.");
            InvocationOutcome outcome = new InvocationOutcome(
                    invocationId,
                    toolCallId,
                    error,
                    ToolEngine.errorContent(error),
                    0,
                    false,
                    0,
                    false,
                    true,
                    null,
                    kept,
                    null,
                    PhaseTimings.NONE,
                    null);
            invocationLog.record(
                    UUID.fromString(invocationId),
                    call.tenantId(),
                    () -> record(call, agentId, null, toolName, "invoke", outcome, startedAt, null));
            count("invoke", outcome);
            return response(outcome, null, null);
        }
        // Arguments that do not parse (or break a size limit) fail in the engine and are never a duplicate-call key.
        JsonNode parsedArguments = parse instanceof ArgumentParseResult.Parsed parsed ? parsed.arguments() : arguments;
        String key = parse instanceof ArgumentParseResult.Parsed ? duplicateKey(tool, parsedArguments, call) : null;
        if (key == null) {
            return fresh(tool, parsedArguments, toolCallId, call, null, arrivedAtNanos)
                    .response();
        }
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        return switch (duplicates.serve(
                key,
                duplicateWindow(tool),
                () -> fresh(tool, parsedArguments, toolCallId, call, null, arrivedAtNanos))) {
            case DuplicateCalls.Ran ran -> ran.fresh().response();
            case DuplicateCalls.Reused reused ->
                repeat(tool, parsedArguments, toolCallId, call, reused, startedAt, start);
        };
    }

    /**
     * Runs a logged invocation again: same tool, same arguments, same call context, as a new invocation linked to
     * the original ({@code replay_of}). Never served from the duplicate-call cache.
     */
    public ObjectNode replay(InvocationRecord original, Tool tool, long arrivedAtNanos) {
        JsonNode arguments = original.argumentsJson() == null ? null : JSON.readTree(original.argumentsJson());
        return fresh(tool, arguments, original.toolCallId(), callContext(original, tool), original.id(), arrivedAtNanos)
                .response();
    }

    /**
     * A test fire of {@code tool} (works on disabled tools), in the tenant's test-fire bucket.
     *
     * @param dryRun when true, render and judge the destination but send nothing
     * @param arrivedAtNanos when the request arrived ({@link System#nanoTime()}); the budget counts from it
     * @return {@code {"request": {...}, "egress": {...}, "result": <invoke answer or null>, "dry_run"}}
     */
    public ObjectNode testFire(Tool tool, JsonNode arguments, CallContext call, boolean dryRun, long arrivedAtNanos) {
        String invocationId = UUID.randomUUID().toString();
        Instant startedAt = Instant.now();
        Invocation invocation = new Invocation(
                invocationId, tool, tools.activeSigningSecrets(tool.id()), arguments, null, call, arrivedAtNanos);
        RateDecision decision = rateLimits.acquireTestFire(call.tenantId());
        TestFireResult result = decision.allowed()
                ? engine.testFire(invocation, dryRun)
                : new TestFireResult(null, null, engine.refuse(invocation, rateLimited(decision)));
        ObjectNode json = NODES.objectNode();
        json.set("request", result.request() == null ? NODES.nullNode() : requestJson(result.request()));
        json.set("egress", result.egress() == null ? NODES.nullNode() : egressJson(result.egress()));
        if (result.outcome() != null) {
            json.set("result", response(result.outcome(), null, null));
            invocationLog.record(
                    UUID.fromString(invocationId),
                    call.tenantId(),
                    () -> record(
                            call, tool.agentId(), tool, tool.name(), "test_fire", result.outcome(), startedAt, null));
            count("test_fire", result.outcome());
        } else {
            json.set("result", NODES.nullNode());
        }
        json.put("dry_run", dryRun);
        return json;
    }

    private DuplicateCalls.Fresh fresh(
            Tool tool, JsonNode arguments, String toolCallId, CallContext call, UUID replayOf, long arrivedAtNanos) {
        String invocationId = UUID.randomUUID().toString();
        Instant startedAt = Instant.now();
        Invocation invocation = new Invocation(
                invocationId, tool, tools.activeSigningSecrets(tool.id()), arguments, toolCallId, call, arrivedAtNanos);
        RateDecision decision = rateLimits.acquireInvocation(call.tenantId(), tool.id());
        InvocationOutcome outcome =
                decision.allowed() ? engine.invoke(invocation) : engine.refuse(invocation, rateLimited(decision));
        invocationLog.record(
                UUID.fromString(invocationId),
                call.tenantId(),
                () -> record(call, tool.agentId(), tool, tool.name(), "invoke", outcome, startedAt, replayOf));
        count("invoke", outcome);
        boolean reusable =
                outcome.ok() || !NOT_REUSABLE.contains(outcome.error().code());
        return new DuplicateCalls.Fresh(invocationId, response(outcome, replayOf, null), reusable);
    }

    private ObjectNode repeat(
            Tool tool,
            JsonNode arguments,
            String toolCallId,
            CallContext call,
            DuplicateCalls.Reused reused,
            Instant startedAt,
            long start) {
        String invocationId = UUID.randomUUID().toString();
        ObjectNode response = reused.response().deepCopy();
        response.put("invocation_id", invocationId);
        response.put("tool_call_id", toolCallId);
        response.put("duration_ms", round((System.nanoTime() - start) / 1e6));
        response.put("repeat_of", reused.originalInvocationId());
        JsonNode error = response.get("error");
        boolean ok = "ok".equals(response.get("status").asString());
        invocationLog.record(
                UUID.fromString(invocationId),
                call.tenantId(),
                () -> new InvocationRecord(
                        UUID.fromString(invocationId),
                        call.tenantId(),
                        tool.agentId(),
                        tool.id(),
                        tool.name(),
                        "invoke",
                        toolCallId,
                        call.callId(),
                        ok ? "ok" : "error",
                        ok ? null : error.get("code").asString(),
                        ok ? null : error.get("message").asString(),
                        response.get("http_status").isNull()
                                ? null
                                : response.get("http_status").asInt(),
                        response.get("truncated").asBoolean(),
                        response.get("duration_ms").asDouble(),
                        null,
                        arguments == null ? null : JSON.writeValueAsString(arguments),
                        null,
                        ok ? preview(response.get("content").asString()) : null,
                        startedAt,
                        null,
                        UUID.fromString(reused.originalInvocationId()),
                        callJson(call)));
        repeats.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        return response;
    }

    /**
     * The duplicate-call identity of this call, or null when repeats are not reused for it: the request's
     * {@code Idempotency-Key}, so only a call that would render the same request (same tool version, call, caller
     * number, call variables and arguments) is served another call's answer.
     */
    private static String duplicateKey(Tool tool, JsonNode arguments, CallContext call) {
        if (call.callId().isEmpty()
                || !(tool.definition().config() instanceof HttpRequestConfig)
                || !tool.definition().enabled()) {
            return null;
        }
        return arguments != null && arguments.isObject() ? IdempotencyKey.of(tool, call, arguments) : null;
    }

    private Duration duplicateWindow(Tool tool) {
        Duration window = tool.definition().config() instanceof HttpRequestConfig http ? http.duplicateWindow() : null;
        return window == null ? defaultDuplicateWindow : window;
    }

    private static ToolError rateLimited(RateDecision decision) {
        String what = switch (decision.limit()) {
            case "tool" -> "for this tool";
            case "tenant" -> "for this account";
            default -> "for test fires";
        };
        long seconds = decision.retryAfterSeconds();
        return new ToolError(
                ErrorCode.HTTP_TOOL_RATE_LIMITED,
                "Rate limit reached: " + decision.perMinute() + " calls per minute " + what
                        + "; a call is possible again in" + " about " + seconds + " s. Nothing was sent.",
                "Wait about " + seconds + " seconds before calling this tool again, and tell the caller it will take a"
                        + " little longer.");
    }

    private static CallContext callContext(InvocationRecord original, Tool tool) {
        if (original.callJson() == null) {
            return new CallContext(
                    original.callId() == null ? "" : original.callId(),
                    null,
                    tool.tenantId(),
                    tool.agentId(),
                    Map.of());
        }
        JsonNode call = JSON.readTree(original.callJson());
        Map<String, String> variables = new LinkedHashMap<>();
        call.path("variables")
                .properties()
                .forEach(e -> variables.put(e.getKey(), e.getValue().asString()));
        return new CallContext(
                call.path("id").asString(""),
                call.path("caller_number").isString()
                        ? call.get("caller_number").asString()
                        : null,
                tool.tenantId(),
                tool.agentId(),
                variables);
    }

    private static String callJson(CallContext call) {
        ObjectNode json = NODES.objectNode();
        json.put("id", call.callId());
        json.put("caller_number", call.callerNumber());
        ObjectNode variables = json.putObject("variables");
        call.variables().forEach(variables::put);
        return JSON.writeValueAsString(json);
    }

    /**
     * Records the metric {@code toolgate.invocations} (a timer of the time spent inside Toolgate), tagged by
     * {@code kind} (invoke, test_fire), {@code status} (ok, error) and {@code code} (the error code, or none).
     */
    private void count(String kind, InvocationOutcome outcome) {
        String code = outcome.ok() ? "none" : outcome.error().code().name();
        timers.computeIfAbsent(
                        kind + "|" + code,
                        key -> Timer.builder("toolgate.invocations")
                                .description("Tool invocations handled, by outcome; time spent inside Toolgate")
                                .tag("kind", kind)
                                .tag("status", outcome.ok() ? "ok" : "error")
                                .tag("code", code)
                                .register(meters))
                .record(outcome.durationMicros(), java.util.concurrent.TimeUnit.MICROSECONDS);
    }

    /** Shapes an outcome as the invoke API's answer. */
    static ObjectNode response(InvocationOutcome outcome, UUID replayOf, UUID repeatOf) {
        ObjectNode json = NODES.objectNode();
        json.put("invocation_id", outcome.invocationId());
        json.put("tool_call_id", outcome.toolCallId());
        json.put("status", outcome.ok() ? "ok" : "error");
        json.put("content", outcome.content());
        if (outcome.ok()) {
            json.putNull("error");
        } else {
            ObjectNode error = json.putObject("error");
            error.put("code", outcome.error().code().name());
            error.put("message", outcome.error().message());
            error.put("hint", outcome.error().hint());
        }
        if (outcome.httpStatus() > 0) {
            json.put("http_status", outcome.httpStatus());
        } else {
            json.putNull("http_status");
        }
        json.put("truncated", outcome.truncated());
        json.put("duration_ms", round(outcome.durationMicros() / 1000.0));
        ObjectNode speak = json.putObject("speak");
        speak.put("during_execution", outcome.speakDuringExecution());
        speak.put("after_execution", outcome.speakAfterExecution());
        json.set("action", outcome.action() == null ? NODES.nullNode() : outcome.action());
        json.put("replay_of", replayOf == null ? null : replayOf.toString());
        json.put("repeat_of", repeatOf == null ? null : repeatOf.toString());
        return json;
    }

    /**
     * The rendered request as shown to operators: {@code {"method","url","headers","body"}}, with sensitive headers
     * and query values (auth, templated secrets, signatures) shown as {@code ***} and every secret value Toolgate
     * inserted masked wherever else it appears.
     */
    static ObjectNode requestJson(RenderedRequest request) {
        ObjectNode json = NODES.objectNode();
        json.put("method", request.method().name());
        json.put("url", request.maskedUrl());
        ObjectNode headers = json.putObject("headers");
        request.maskedHeaders().forEach(headers::put);
        json.put("body", request.maskedBody());
        return json;
    }

    static ObjectNode egressJson(EgressDecision decision) {
        ObjectNode json = NODES.objectNode();
        json.put("allowed", decision.allowed());
        json.put("reason", decision.reason());
        var addresses = json.putArray("addresses");
        for (AddressVerdict verdict : decision.addresses()) {
            ObjectNode address = addresses.addObject();
            address.put("address", verdict.address());
            address.put("allowed", verdict.allowed());
            address.put("reason", verdict.reason());
        }
        return json;
    }

    private InvocationRecord record(
            CallContext call,
            UUID agentId,
            Tool tool,
            String toolName,
            String kind,
            InvocationOutcome outcome,
            Instant startedAt,
            UUID replayOf) {
        ToolError error = outcome.error();
        return new InvocationRecord(
                UUID.fromString(outcome.invocationId()),
                call.tenantId(),
                agentId,
                tool == null ? null : tool.id(),
                toolName,
                kind,
                outcome.toolCallId(),
                call.callId(),
                outcome.ok() ? "ok" : "error",
                error == null ? null : error.code().name(),
                error == null ? null : truncate(error.message(), 2000),
                outcome.httpStatus() > 0 ? outcome.httpStatus() : null,
                outcome.truncated(),
                round(outcome.durationMicros() / 1000.0),
                timingsJson(outcome.timings()),
                outcome.arguments() == null ? null : JSON.writeValueAsString(outcome.arguments()),
                outcome.request() == null ? null : JSON.writeValueAsString(requestJson(outcome.request())),
                preview(outcome.responseBody()),
                startedAt,
                replayOf,
                null,
                callJson(call));
    }

    private static String timingsJson(PhaseTimings timings) {
        if (timings == null || timings.totalMicros() <= 0) {
            return null;
        }
        ObjectNode json = NODES.objectNode();
        putMs(json, "dns_ms", timings.dnsMicros());
        putMs(json, "connect_ms", timings.connectMicros());
        putMs(json, "tls_ms", timings.tlsMicros());
        putMs(json, "first_byte_ms", timings.firstByteMicros());
        putMs(json, "total_ms", timings.totalMicros());
        return JSON.writeValueAsString(json);
    }

    private static void putMs(ObjectNode json, String name, long micros) {
        if (micros < 0) {
            json.putNull(name);
        } else {
            json.put(name, round(micros / 1000.0));
        }
    }

    /**
     * The first {@code preview-bytes} of a body (whose secret values the executor already masked), PII masked; the
     * PII masking is for the preview only, the model gets the body without it.
     */
    private String preview(String body) {
        if (body == null) {
            return null;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= previewBytes) {
            return piiMasker.mask(body);
        }
        int end = previewBytes;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--; // do not cut a UTF-8 sequence in half
        }
        return piiMasker.mask(new String(bytes, 0, end, StandardCharsets.UTF_8));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
