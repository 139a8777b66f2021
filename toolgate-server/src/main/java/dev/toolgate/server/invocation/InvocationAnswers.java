package dev.toolgate.server.invocation;

import dev.toolgate.core.egress.AddressVerdict;
import dev.toolgate.core.egress.EgressDecision;
import dev.toolgate.core.engine.InvocationOutcome;
import dev.toolgate.core.engine.TestFireResult;
import dev.toolgate.core.render.RenderedRequest;
import java.util.UUID;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shapes the JSON answers of the invoke, tool-calls and test-fire APIs from engine outcomes (docs/api.md): the invoke
 * answer, a repeat's copy of it, the rendered request as operators see it, and the egress verdict.
 */
final class InvocationAnswers {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private InvocationAnswers() {}

    /**
     * Shapes an outcome as the invoke API's answer: {@code invocation_id, tool_call_id, status, content,
     * error {code, message, hint}, http_status, truncated, duration_ms, speak {during_execution, after_execution},
     * action, replay_of, repeat_of}.
     */
    static ObjectNode invokeAnswer(InvocationOutcome outcome, UUID replayOf) {
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
        json.put("duration_ms", millis(outcome.durationMicros()));
        ObjectNode speak = json.putObject("speak");
        speak.put("during_execution", outcome.speakDuringExecution());
        speak.put("after_execution", outcome.speakAfterExecution());
        json.set("action", outcome.action() == null ? NODES.nullNode() : outcome.action());
        json.put("replay_of", replayOf == null ? null : replayOf.toString());
        json.putNull("repeat_of");
        return json;
    }

    /**
     * A repeat's answer: the original's answer with this invocation's id, tool-call id and duration, and
     * {@code repeat_of} naming the original.
     */
    static ObjectNode repeatAnswer(
            ObjectNode original, String invocationId, String toolCallId, double durationMs, String repeatOf) {
        ObjectNode answer = original.deepCopy();
        answer.put("invocation_id", invocationId);
        answer.put("tool_call_id", toolCallId);
        answer.put("duration_ms", durationMs);
        answer.put("repeat_of", repeatOf);
        return answer;
    }

    /** The test-fire answer: {@code {"request": {...}, "egress": {...}, "result": <invoke answer or null>, "dry_run"}}. */
    static ObjectNode testFireAnswer(TestFireResult result, boolean dryRun) {
        ObjectNode json = NODES.objectNode();
        json.set("request", result.request() == null ? NODES.nullNode() : requestJson(result.request()));
        json.set("egress", result.egress() == null ? NODES.nullNode() : egressJson(result.egress()));
        json.set("result", result.outcome() == null ? NODES.nullNode() : invokeAnswer(result.outcome(), null));
        json.put("dry_run", dryRun);
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

    /** The egress verdict: {@code {"allowed", "reason", "addresses": [{"address", "allowed", "reason"}]}}. */
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

    /** Microseconds as milliseconds, rounded to three decimals. */
    static double millis(long micros) {
        return Math.round(micros) / 1000.0;
    }
}
