package dev.toolgate.server.console;

import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.invocation.CallIn;
import dev.toolgate.server.invocation.InvocationQueries;
import dev.toolgate.server.invocation.InvocationRecord;
import dev.toolgate.server.invocation.InvocationService;
import dev.toolgate.server.invocation.TestFireOut;
import dev.toolgate.server.tenant.BrowserSession;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import dev.toolgate.server.tool.ToolService;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * The test panel of one tool: an arguments form generated from the tool's schema ({@link SchemaForm}) or raw JSON,
 * a call context (call id, caller number, variables), and two actions through {@link InvocationService#testFire}
 * exactly as {@code POST .../tools/{toolId}/test} runs them (the test-fire rate limit included): a dry run shows
 * the rendered request with secrets masked, its signature headers and the egress verdict per resolved address; a
 * send also shows the status, the body, the exact text the model gets, the timing waterfall against the budget and
 * the request as curl. {@code ?from=<invocation id>} opens a logged invocation with its arguments and call.
 */
@Controller
@BrowserSession
@Hidden
class TestPanelPages {

    private final AgentStore agents;
    private final ToolService tools;
    private final InvocationService invocations;
    private final InvocationQueries queries;
    private final Duration budget;

    TestPanelPages(
            AgentStore agents,
            ToolService tools,
            InvocationService invocations,
            InvocationQueries queries,
            ToolgateProperties properties) {
        this.agents = agents;
        this.tools = tools;
        this.invocations = invocations;
        this.queries = queries;
        this.budget = properties.budget();
    }

    /**
     * The panel's inputs as submitted (or prefilled).
     *
     * @param mode {@code form} (the generated inputs) or {@code json} (the raw arguments)
     * @param rawArguments the raw JSON arguments
     * @param callId the call id
     * @param callerNumber the caller's number
     * @param variables the call variables as a JSON object
     */
    public record Inputs(String mode, String rawArguments, String callId, String callerNumber, String variables) {}

    @GetMapping(ConsolePaths.BASE + "/agents/{agentId}/tools/{toolId}/test")
    @RequiresScope(Scope.TOOLS_INVOKE)
    String panel(
            ConsoleSession session,
            @PathVariable UUID agentId,
            @PathVariable UUID toolId,
            @RequestParam(required = false) UUID from,
            Model model) {
        UUID tenantId = session.principal().tenantId();
        Tool tool = tools.require(tenantId, agentId, toolId);
        JsonNode arguments = null;
        Inputs inputs = new Inputs("form", "{}", "", "", "{}");
        if (from != null) {
            InvocationRecord record = queries.require(tenantId, from);
            JsonText.Read read = JsonText.read(record.argumentsJson());
            arguments = read.value();
            JsonNode call = JsonText.read(record.callJson()).value();
            inputs = new Inputs(
                    "json",
                    JsonText.pretty(arguments),
                    call == null ? "" : call.path("id").asString(""),
                    call == null ? "" : call.path("caller_number").asString(""),
                    call == null || !call.has("variables") ? "{}" : JsonText.pretty(call.get("variables")));
            model.addAttribute("from", record);
        }
        return render(tool, SchemaForm.inputs(tool.definition().parameters(), arguments), inputs, null, model, session);
    }

    @PostMapping(ConsolePaths.BASE + "/agents/{agentId}/tools/{toolId}/test")
    @RequiresScope(Scope.TOOLS_INVOKE)
    String fire(
            ConsoleSession session,
            @PathVariable UUID agentId,
            @PathVariable UUID toolId,
            @RequestParam Map<String, String> params,
            Model model) {
        long arrived = System.nanoTime();
        UUID tenantId = session.principal().tenantId();
        Tool tool = tools.require(tenantId, agentId, toolId);
        Inputs inputs = new Inputs(
                "json".equals(params.get("mode")) ? "json" : "form",
                params.getOrDefault("raw_arguments", ""),
                params.getOrDefault("call_id", ""),
                params.getOrDefault("caller_number", ""),
                params.getOrDefault("variables", ""));
        List<SchemaForm.Input> formInputs = SchemaForm.inputs(tool.definition().parameters(), null);
        JsonNode arguments;
        if (inputs.mode().equals("json")) {
            JsonText.Read read = JsonText.read(inputs.rawArguments());
            if (read.error() != null) {
                throw ApiException.invalid("arguments", read.error());
            }
            arguments = read.value();
        } else {
            arguments = SchemaForm.arguments(formInputs, params);
            formInputs = SchemaForm.inputs(tool.definition().parameters(), arguments);
        }
        JsonText.Read variables = JsonText.read(inputs.variables());
        if (variables.error() != null
                || (variables.value() != null && !variables.value().isObject())) {
            throw ApiException.invalid(
                    "call.variables", variables.error() != null ? variables.error() : "must be a JSON object");
        }
        Map<String, JsonNode> variableMap = new LinkedHashMap<>();
        if (variables.value() != null) {
            variables.value().properties().forEach(e -> variableMap.put(e.getKey(), e.getValue()));
        }
        CallIn call = new CallIn(
                inputs.callId().isBlank() ? null : inputs.callId().trim(),
                inputs.callerNumber().isBlank() ? null : inputs.callerNumber().trim(),
                variableMap);
        boolean dryRun = !"send".equals(params.get("action"));
        TestFireOut out =
                invocations.testFire(tool, arguments, CallIn.toContext(call, tenantId, agentId), dryRun, arrived);
        model.addAttribute("result", TestResult.of(out, tenantId, queries, budgetOf(tool)));
        return render(tool, formInputs, inputs, out, model, session);
    }

    private String render(
            Tool tool,
            List<SchemaForm.Input> formInputs,
            Inputs inputs,
            TestFireOut out,
            Model model,
            ConsoleSession session) {
        model.addAttribute("agent", agents.require(session.principal().tenantId(), tool.agentId()));
        model.addAttribute("tool", tool);
        model.addAttribute("inputs", formInputs);
        model.addAttribute("panel", inputs);
        model.addAttribute("out", out);
        return "console/test-panel";
    }

    private Duration budgetOf(Tool tool) {
        if (tool.definition().config() instanceof HttpRequestConfig http && http.timeout() != null) {
            return http.timeout().compareTo(budget) < 0 ? http.timeout() : budget;
        }
        return budget;
    }
}
