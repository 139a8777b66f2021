package dev.toolgate.server.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's BFCL part, through the REST API of a running gateway: registers every BFCL tool (on as many agents as
 * the tools-per-agent limit asks, each bound to the demo endpoint with its own bearer token and one of three request
 * shapes), then replays every valid and every invalid BFCL call through the invoke API.
 */
final class BfclReplay {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CALLER = "+14155550123";

    /** Tools registered per demo agent: well below the default tools-per-agent limit (1,000). */
    private static final int TOOLS_PER_AGENT = 500;

    /**
     * The registered tools.
     *
     * @param agentIds the demo agents, in order
     * @param agentOfTool each tool's agent, by tool name
     * @param registered how many tools were registered
     */
    record Registration(List<String> agentIds, Map<String, String> agentOfTool, int registered) {}

    /**
     * What the replay found.
     *
     * @param validOutcomes how many valid calls ended in each outcome ("ok" or an error code)
     * @param invalidOutcomes the same for the invalid calls
     * @param latencyNanos each call's round trip through the invoke API, in nanoseconds
     * @param gatewayMs each call's {@code duration_ms} as the gateway answered it
     */
    record Replay(
            Map<String, Integer> validOutcomes,
            Map<String, Integer> invalidOutcomes,
            List<Long> latencyNanos,
            List<Double> gatewayMs) {}

    private final DemoApi api;
    private final BfclData data;
    private final DemoEndpoint endpoint;
    private final int concurrency;
    private final PrintStream out;

    /**
     * @param api the demo tenant's REST client
     * @param data the BFCL tools and calls
     * @param endpoint the demo tenant endpoint the tools call
     * @param concurrency how many requests are kept in flight
     * @param out where progress goes
     */
    BfclReplay(DemoApi api, BfclData data, DemoEndpoint endpoint, int concurrency, PrintStream out) {
        this.api = api;
        this.data = data;
        this.endpoint = endpoint;
        this.concurrency = concurrency;
        this.out = out;
    }

    /**
     * Creates the demo agents and registers every BFCL tool, telling the endpoint each tool's signing secret and token.
     *
     * @throws Exception the first request the API refused, or an interruption (see {@link Concurrently#run})
     */
    Registration register() throws Exception {
        // One agent holds at most TOOLS_PER_AGENT of the BFCL tools; each call goes to the agent of its tool.
        List<String> agentIds = new ArrayList<>();
        int agents = Math.max(1, (data.tools().size() + TOOLS_PER_AGENT - 1) / TOOLS_PER_AGENT);
        for (int a = 0; a < agents; a++) {
            agentIds.add(api.post(
                            "/v1/agents",
                            DemoRunner.object(
                                    "name",
                                    "BFCL demo " + java.time.Instant.now() + " (" + (a + 1) + "/" + agents + ")",
                                    "description",
                                    "BFCL tools, bound to the demo endpoint"))
                    .get("id")
                    .asString());
        }
        Map<String, String> agentOfTool = new ConcurrentHashMap<>();

        out.printf(
                "Registering %d BFCL tools through the REST API ...%n",
                data.tools().size());
        String endpointBase = "https://127.0.0.1:" + endpoint.port() + "/tools/";
        AtomicInteger index = new AtomicInteger();
        AtomicInteger registered = new AtomicInteger();
        Concurrently.run(data.tools(), concurrency, tool -> {
            int i = index.getAndIncrement();
            String name = tool.get("name").asString();
            String token = "demo-token-" + UUID.randomUUID();
            ObjectNode config = JsonNodeFactory.instance.objectNode();
            config.put("url", endpointBase + name);
            // Rotate through the three request shapes: envelope POST, arguments POST (JSON body), arguments GET
            // (query).
            switch (i % 3) {
                case 0 -> config.put("body_mode", "envelope");
                case 1 -> config.put("body_mode", "arguments").put("method", "POST");
                default -> config.put("body_mode", "arguments").put("method", "GET");
            }
            config.putObject("auth").put("type", "bearer").put("token", token);
            config.put("timeout", 10);
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("name", name);
            body.put("description", tool.get("description").asString());
            body.set("parameters", tool.get("parameters"));
            body.put("tool_type", "http_request");
            body.set("config", config);
            String agentId = agentIds.get(i / TOOLS_PER_AGENT);
            JsonNode created = api.post("/v1/agents/" + agentId + "/tools", body);
            agentOfTool.put(name, agentId);
            endpoint.register(name, created.get("signing_secret").asString(), token);
            registered.incrementAndGet();
            return null;
        });
        return new Registration(agentIds, agentOfTool, registered.get());
    }

    /**
     * Replays every valid and every invalid BFCL call, each through the agent of its tool.
     *
     * @throws Exception the first request the API refused, or an interruption (see {@link Concurrently#run})
     */
    Replay replay(Registration registration) throws Exception {
        List<String> agentIds = registration.agentIds();
        Map<String, String> agentOfTool = registration.agentOfTool();
        out.printf(
                "Replaying %d valid and %d invalid BFCL calls through POST /v1/agents/{id}/invocations ...%n",
                data.calls().size(), data.invalidCalls().size());
        List<Long> latencyNanos = Collections.synchronizedList(new ArrayList<>());
        List<Double> gatewayMs = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> validOutcomes = new ConcurrentHashMap<>();
        Map<String, Integer> invalidOutcomes = new ConcurrentHashMap<>();
        AtomicInteger callIndex = new AtomicInteger();
        List<Map.Entry<JsonNode, Boolean>> calls = new ArrayList<>();
        data.calls().forEach(c -> calls.add(Map.entry(c, true)));
        data.invalidCalls().forEach(c -> calls.add(Map.entry(c, false)));
        Concurrently.run(calls, concurrency, entry -> {
            int i = callIndex.getAndIncrement();
            JsonNode call = entry.getKey();
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("tool", call.get("tool").asString());
            // Every other call sends its arguments as a JSON string, as OpenAI's function.arguments does.
            if (i % 2 == 0) {
                body.put("arguments", JSON.writeValueAsString(call.get("arguments")));
            } else {
                body.set("arguments", call.get("arguments"));
            }
            body.put("tool_call_id", "call_" + i);
            // Each BFCL call is its own question, so each gets its own call id (identical calls within one call would
            // be
            // answered from the duplicate-call window instead of reaching the endpoint).
            body.putObject("call").put("id", "demo-call-" + i).put("caller_number", CALLER);
            long t0 = System.nanoTime();
            String agentId = agentOfTool.getOrDefault(call.get("tool").asString(), agentIds.get(0));
            JsonNode result = api.post("/v1/agents/" + agentId + "/invocations", body);
            latencyNanos.add(System.nanoTime() - t0);
            gatewayMs.add(result.get("duration_ms").asDouble());
            String outcome = result.get("status").asString().equals("ok")
                    ? "ok"
                    : result.get("error").get("code").asString();
            (entry.getValue() ? validOutcomes : invalidOutcomes).merge(outcome, 1, Integer::sum);
            return null;
        });
        return new Replay(validOutcomes, invalidOutcomes, latencyNanos, gatewayMs);
    }
}
