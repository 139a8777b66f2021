package dev.toolgate.server.invoke;

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
import dev.toolgate.core.render.RenderedRequest;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.invocation.InvocationLog;
import dev.toolgate.server.invocation.InvocationRecord;
import dev.toolgate.server.tool.ToolStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adapts the REST API to the core engine: finds the tool, runs it, records the invocation, and shapes the
 * answer of the invoke and test-fire APIs (DESIGN.md, REST API).
 */
@Service
public class InvocationService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ToolEngine engine;
    private final ToolStore tools;
    private final InvocationLog invocationLog;
    private final MeterRegistry meters;
    private final int previewBytes;

    InvocationService(ToolEngine engine, ToolStore tools, InvocationLog invocationLog, ToolgateProperties properties,
            MeterRegistry meters) {
        this.engine = engine;
        this.tools = tools;
        this.invocationLog = invocationLog;
        this.meters = meters;
        this.previewBytes = properties.invocationLog().previewBytes();
    }

    /**
     * One tool call from the voice runtime.
     *
     * @param toolName the function name the model called
     * @param arguments the model's arguments: an object, a JSON string, or null
     * @param toolCallId the model's tool-call id, or null
     * @param call the live call
     * @return the invoke API's answer ({@code invocation_id, tool_call_id, status, content, error, ...})
     */
    public ObjectNode invoke(UUID agentId, String toolName, JsonNode arguments, String toolCallId, CallContext call) {
        String invocationId = UUID.randomUUID().toString();
        Instant startedAt = Instant.now();
        Tool tool = tools.findByName(call.tenantId(), agentId, toolName).orElse(null);
        InvocationOutcome outcome;
        if (tool == null) {
            ToolError error = ToolError.of(ErrorCode.HTTP_TOOL_NOT_FOUND,
                    "This agent has no tool named '" + toolName + "'.");
            outcome = new InvocationOutcome(invocationId, toolCallId, error, ToolEngine.errorContent(error), 0, false,
                    0, false, true, null, arguments, null, PhaseTimings.NONE, null);
        } else {
            outcome = engine.invoke(new Invocation(invocationId, tool, tools.activeSigningSecrets(tool.id()), arguments,
                    toolCallId, call));
        }
        invocationLog.record(record(call, agentId, tool, toolName, "invoke", outcome, startedAt));
        count("invoke", outcome);
        return response(outcome);
    }

    /**
     * A test fire of {@code tool} (works on disabled tools).
     *
     * @param dryRun when true, render and judge the destination but send nothing
     * @return {@code {"request": {...}, "egress": {...}, "result": <invoke answer or null>}}
     */
    public ObjectNode testFire(Tool tool, JsonNode arguments, CallContext call, boolean dryRun) {
        String invocationId = UUID.randomUUID().toString();
        Instant startedAt = Instant.now();
        TestFireResult result = engine.testFire(new Invocation(invocationId, tool,
                tools.activeSigningSecrets(tool.id()), arguments, null, call), dryRun);
        ObjectNode json = NODES.objectNode();
        json.set("request", result.request() == null ? NODES.nullNode() : requestJson(result.request()));
        json.set("egress", result.egress() == null ? NODES.nullNode() : egressJson(result.egress()));
        if (result.outcome() != null) {
            json.set("result", response(result.outcome()));
            invocationLog.record(record(call, tool.agentId(), tool, tool.name(), "test_fire", result.outcome(), startedAt));
            count("test_fire", result.outcome());
        } else {
            json.set("result", NODES.nullNode());
        }
        json.put("dry_run", dryRun);
        return json;
    }

    /**
     * Records the metric {@code toolgate.invocations} (a timer of the time spent inside Toolgate), tagged by
     * {@code kind} (invoke, test_fire), {@code status} (ok, error) and {@code code} (the error code, or none).
     */
    private void count(String kind, InvocationOutcome outcome) {
        Timer.builder("toolgate.invocations")
                .description("Tool invocations handled, by outcome; time spent inside Toolgate")
                .tag("kind", kind)
                .tag("status", outcome.ok() ? "ok" : "error")
                .tag("code", outcome.ok() ? "none" : outcome.error().code().name())
                .register(meters)
                .record(outcome.durationMicros(), java.util.concurrent.TimeUnit.MICROSECONDS);
    }

    /** Shapes an outcome as the invoke API's answer. */
    static ObjectNode response(InvocationOutcome outcome) {
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
        return json;
    }

    /** The rendered request as shown to operators: {@code {"method","url","headers","body"}}, secrets masked. */
    static ObjectNode requestJson(RenderedRequest request) {
        ObjectNode json = NODES.objectNode();
        json.put("method", request.method().name());
        json.put("url", request.maskedUrl());
        ObjectNode headers = json.putObject("headers");
        request.maskedHeaders().forEach(headers::put);
        json.put("body", request.bodyText());
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

    private InvocationRecord record(CallContext call, UUID agentId, Tool tool, String toolName, String kind,
            InvocationOutcome outcome, Instant startedAt) {
        ToolError error = outcome.error();
        return new InvocationRecord(UUID.fromString(outcome.invocationId()), call.tenantId(), agentId,
                tool == null ? null : tool.id(), toolName, kind, outcome.toolCallId(), call.callId(),
                outcome.ok() ? "ok" : "error", error == null ? null : error.code().name(),
                error == null ? null : truncate(error.message(), 2000),
                outcome.httpStatus() > 0 ? outcome.httpStatus() : null, outcome.truncated(),
                round(outcome.durationMicros() / 1000.0), timingsJson(outcome.timings()),
                outcome.arguments() == null ? null : JSON.writeValueAsString(outcome.arguments()),
                outcome.request() == null ? null : JSON.writeValueAsString(requestJson(outcome.request())),
                preview(outcome.responseBody()), startedAt);
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

    private String preview(String body) {
        if (body == null) {
            return null;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= previewBytes) {
            return body;
        }
        int end = previewBytes;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--; // do not cut a UTF-8 sequence in half
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
