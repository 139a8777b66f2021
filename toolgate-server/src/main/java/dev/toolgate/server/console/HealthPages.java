package dev.toolgate.server.console;

import dev.toolgate.core.tool.Tool;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.invocation.ToolHealth;
import dev.toolgate.server.tenant.BrowserSession;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import dev.toolgate.server.tool.ToolService;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A tool's health ({@link ToolHealth}, as {@code GET .../health}): calls, error rate, timeouts, invalid-argument
 * calls, p50/p95, the same over time as a chart (uPlot), and each raised warning with what to do about it
 * (docs/best-practices.md, "Watch the log").
 */
@Controller
@BrowserSession
@Hidden
class HealthPages {

    /** The windows the page offers, and the chart's points for each. */
    static final Map<String, Integer> WINDOWS = windows();

    /** What to do about each warning ({@code ToolHealth.Report#flags}). */
    static final Map<String, String> ADVICE = Map.of(
            "error_rate_over_5pct",
            "More than 5 % of calls failed at or on the way to the endpoint. Open the failed invocations (filter by"
                    + " status error), fix the endpoint, and give expected failures a 200 with a hint instead.",
            "timeouts_seen",
            "Calls ran out of budget. Make the endpoint answer faster (cache, pre-compute, split into start and check"
                    + " tools) or raise the tool's timeout within the budget.",
            "invalid_args_repeating",
            "The model keeps sending arguments the schema refuses. Sharpen the tool's description and the parameter"
                    + " descriptions, or loosen a schema stricter than the model can follow.",
            "never_called",
            "No call in this window. Check that the tool is enabled and exported to the model (functions export),"
                    + " and that its description says when to call it.");

    private final AgentStore agents;
    private final ToolService tools;
    private final ToolHealth health;

    HealthPages(AgentStore agents, ToolService tools, ToolHealth health) {
        this.agents = agents;
        this.tools = tools;
        this.health = health;
    }

    /**
     * The chart's data as uPlot reads it: parallel arrays, times in unix seconds.
     *
     * @param t each point's start, unix seconds
     * @param p50 the median duration per point, ms (null without calls)
     * @param p95 the 95th percentile per point, ms (null without calls)
     * @param calls the calls per point
     */
    public record Series(List<Long> t, List<Double> p50, List<Double> p95, List<Long> calls) {}

    /**
     * A raised warning and what to do.
     *
     * @param flag the flag, e.g. {@code timeouts_seen}
     * @param advice what to do about it
     */
    public record Warning(String flag, String advice) {}

    @GetMapping(ConsolePaths.BASE + "/agents/{agentId}/tools/{toolId}/health")
    @RequiresScope(Scope.INVOCATIONS_READ)
    String health(
            ConsoleSession session,
            @PathVariable UUID agentId,
            @PathVariable UUID toolId,
            @RequestParam(defaultValue = "24h") String window,
            Model model) {
        UUID tenantId = session.principal().tenantId();
        Tool tool = tools.require(tenantId, agentId, toolId);
        Integer points = WINDOWS.get(window);
        if (points == null) {
            throw ApiException.invalidParameter("window", "window must be one of " + WINDOWS.keySet());
        }
        Duration duration = Duration.parse(
                        "PT" + window.toUpperCase(java.util.Locale.ROOT).replace("D", "H"))
                .multipliedBy(window.endsWith("d") ? 24 : 1);
        ToolHealth.Report report = health.report(tenantId, toolId, duration);
        List<ToolHealth.Point> series = health.series(tenantId, toolId, duration, points);
        List<Long> t = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p95 = new ArrayList<>();
        List<Long> calls = new ArrayList<>();
        for (ToolHealth.Point point : series) {
            t.add(point.start().getEpochSecond());
            p50.add(point.report().p50Ms());
            p95.add(point.report().p95Ms());
            calls.add(point.report().calls());
        }
        model.addAttribute("agent", agents.require(tenantId, agentId));
        model.addAttribute("tool", tool);
        model.addAttribute("report", report);
        model.addAttribute("window", window);
        model.addAttribute("windows", WINDOWS.keySet());
        model.addAttribute("seriesJson", JsonText.compact(new Series(t, p50, p95, calls)));
        model.addAttribute("series", series);
        model.addAttribute(
                "warnings",
                report.flags().stream()
                        .map(flag -> new Warning(flag, ADVICE.getOrDefault(flag, "")))
                        .toList());
        return "console/health";
    }

    private static Map<String, Integer> windows() {
        Map<String, Integer> windows = new LinkedHashMap<>();
        windows.put("1h", 12);
        windows.put("24h", 24);
        windows.put("7d", 28);
        return windows;
    }
}
