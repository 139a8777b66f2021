package dev.toolgate.server.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's scripted phone call through the REST API, the way a voice runtime drives Toolgate (docs/voice-runtime.md):
 * the model takes the caller's e-mail address ({@code extract_variable}), looks the caller up with it through an HTTP
 * tool whose query holds {@code {{vars.email}}} (its answer sets a {@code response_variables} value), transfers the
 * caller to a destination the tool allows, and ends the call. Every step checks what the runtime would rely on.
 */
public final class ScriptedCall {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LOOKUP = "demo_lookup_by_email";
    private static final String BILLING = "+14155550199";

    private ScriptedCall() {}

    /**
     * One step of the call.
     *
     * @param step what was done
     * @param expected what the runtime should get
     * @param got what it got
     */
    public record Step(String step, String expected, String got) {
        /** Whether the step got what it expected. */
        public boolean ok() {
            return expected.equals(got);
        }
    }

    /**
     * The call's steps, in order.
     *
     * @param callId the call id the steps ran in
     * @param steps each step with its expectation
     */
    public record Result(String callId, List<Step> steps) {
        /** Whether every step got what it expected. */
        public boolean passed() {
            return steps.stream().allMatch(Step::ok);
        }
    }

    /**
     * Creates the call's agent and tools in the tenant of {@code api} and runs the call.
     *
     * @param endpoint the demo endpoint the HTTP tool calls (it verifies the signature and the bearer token)
     */
    static Result run(DemoApi api, DemoEndpoint endpoint) throws IOException {
        String agent = api.post("/v1/agents", json("{\"name\": \"voice demo\", \"description\": \"A scripted call\"}"))
                .get("id")
                .asString();
        String tools = "/v1/agents/" + agent + "/tools";
        api.post(tools, json("""
                {"name": "get_email", "description": "Takes the caller's e-mail address", "tool_type": "extract_variable",
                 "config": {"variable_name": "email", "variable_type": "email",
                            "prompt_text": "What is your e-mail address?"}}"""));
        String token = "demo-token-" + UUID.randomUUID();
        JsonNode lookup = api.post(tools, json("""
                {"name": "%s", "description": "Looks the caller up by e-mail address", "tool_type": "http_request",
                 "config": {"url": "https://127.0.0.1:%d/tools/%s", "method": "GET",
                            "query_params": [{"key": "email", "value": "{{vars.email}}"}],
                            "auth": {"type": "bearer", "token": "%s"},
                            "response_variables": {"lookup_result": "/result"}}}""".formatted(LOOKUP, endpoint.port(), LOOKUP, token)));
        endpoint.register(LOOKUP, lookup.get("signing_secret").asString(), token);
        api.post(tools, json("""
                {"name": "transfer", "description": "Transfers the caller", "tool_type": "transfer_call",
                 "config": {"phone_number": "+14155550100", "allowed_destinations": ["%s"]}}""".formatted(BILLING)));
        api.post(tools, json("""
                {"name": "hang_up", "description": "Ends the call", "tool_type": "end_call",
                 "config": {"goodbye_message": "Thank you for calling. Goodbye!"}}"""));

        String callId = "demo-voice-call-" + UUID.randomUUID();
        String invoke = "/v1/agents/" + agent + "/invocations";
        List<Step> steps = new ArrayList<>();
        JsonNode email = api.post(invoke, call(callId, "get_email", "{\"value\": \"Jane.Doe@Example.COM\"}"));
        steps.add(new Step(
                "extract_variable email",
                "jane.doe@example.com",
                JSON.readTree(email.get("content").asString()).path("value").asString("")));
        JsonNode looked = api.post(invoke, call(callId, LOOKUP, "{}"));
        JsonNode request = api.get(
                        "/v1/invocations/" + looked.get("invocation_id").asString())
                .path("request");
        steps.add(new Step(
                "http_request with {{vars.email}}", "ok", looked.get("status").asString()));
        steps.add(new Step(
                "  request URL carries the e-mail",
                "true",
                Boolean.toString(request.path("url").asString("").contains("email=jane.doe%40example.com"))));
        JsonNode transfer = api.post(invoke, call(callId, "transfer", "{\"destination\": \"+1 (415) 555-0199\"}"));
        steps.add(new Step(
                "transfer_call to an allowed destination",
                BILLING,
                transfer.path("action").path("destination").path("number").asString("")));
        JsonNode hangUp = api.post(invoke, call(callId, "hang_up", "{}"));
        steps.add(new Step(
                "end_call", "end_call", hangUp.path("action").path("type").asString("")));
        JsonNode variables = api.get("/v1/calls/" + callId + "/variables").path("variables");
        steps.add(new Step("call variables", "email, lookup_result", String.join(", ", variables.propertyNames())));
        return new Result(callId, steps);
    }

    /** Prints the call's steps as a table of expected against got. */
    static void print(PrintStream out, Result result) {
        out.println();
        out.println("Toolgate demo: a scripted voice call (" + result.callId() + ")");
        out.println("-".repeat(86));
        out.printf("%-44s %20s %20s%n", "", "expected", "got");
        for (Step step : result.steps()) {
            out.printf("%-44s %20s %20s%n", step.step(), step.expected(), step.got());
        }
        out.println("-".repeat(86));
        out.println("Scripted call: " + (result.passed() ? "PASS" : "FAIL"));
    }

    private static ObjectNode call(String callId, String tool, String arguments) {
        return (ObjectNode) json("{\"tool\": \"" + tool + "\", \"arguments\": " + arguments + ", \"call\": {\"id\": \""
                + callId + "\"}}");
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
