package dev.toolgate.server.console;

import dev.toolgate.core.tool.FieldError;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinitionWriter;
import dev.toolgate.core.tool.ToolType;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiErrorCode;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.invocation.ToolHealth;
import dev.toolgate.server.tenant.BrowserSession;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import dev.toolgate.server.tool.ToolService;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tool manager of one agent: the tools with type, enabled, priority, last call, error rate and health flags
 * (24 h, {@link ToolHealth}); the editor for every tool type (the top-level fields as inputs, the parameters JSON
 * Schema and the type's config as JSON), with the API parser's field errors beside their field and
 * {@link ToolLint} hints; enable/disable, priority and deletion. Every change goes through {@link ToolService}, as
 * the REST API's do.
 */
@Controller
@BrowserSession
@Hidden
class ToolPages {

    /** Tools per page of the list (each costs a health query). */
    static final int PAGE_SIZE = 50;

    /** The window of the list's health columns. */
    static final Duration HEALTH_WINDOW = Duration.ofHours(24);

    /** The editor's fields, by their API names: an error under one of these paths shows beside it. */
    static final Set<String> FIELDS = Set.of(
            "name", "display_name", "description", "tool_type", "is_enabled", "priority", "parameters", "config");

    private static final ToolDefinitionWriter WRITER = new ToolDefinitionWriter();

    private final AgentStore agents;
    private final ToolService tools;
    private final ToolHealth health;

    ToolPages(AgentStore agents, ToolService tools, ToolHealth health) {
        this.agents = agents;
        this.tools = tools;
        this.health = health;
    }

    /**
     * One row of the tool list.
     *
     * @param tool the tool
     * @param health its health over {@link #HEALTH_WINDOW}, or null when the key may not read the invocation log
     */
    public record Row(Tool tool, ToolHealth.Report health) {}

    @GetMapping(ConsolePaths.BASE + "/agents/{agentId}/tools")
    @RequiresScope(Scope.TOOLS_READ)
    String list(
            ConsoleSession session,
            @PathVariable UUID agentId,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        UUID tenantId = session.principal().tenantId();
        List<Tool> all = tools.list(tenantId, agentId);
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        List<Row> rows = new ArrayList<>();
        for (Tool tool : all.subList((current - 1) * PAGE_SIZE, Math.min(all.size(), current * PAGE_SIZE))) {
            rows.add(new Row(
                    tool, session.canReadInvocations() ? health.report(tenantId, tool.id(), HEALTH_WINDOW) : null));
        }
        model.addAttribute("agent", agents.require(tenantId, agentId));
        model.addAttribute("rows", rows);
        model.addAttribute("total", all.size());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("types", ToolType.values());
        return "console/tools";
    }

    @GetMapping(ConsolePaths.BASE + "/agents/{agentId}/tools/new")
    @RequiresScope(Scope.TOOLS_WRITE)
    String newTool(
            ConsoleSession session,
            @PathVariable UUID agentId,
            @RequestParam(defaultValue = "http_request") String type,
            Model model) {
        ToolType toolType = type(type);
        ObjectNode example = ToolService.example(toolType);
        return editor(session, agentId, null, ToolForm.of(example), FormErrors.none(), model);
    }

    @PostMapping(ConsolePaths.BASE + "/agents/{agentId}/tools")
    @RequiresScope(Scope.TOOLS_WRITE)
    String create(
            ConsoleSession session,
            @PathVariable UUID agentId,
            ToolFormParams params,
            Model model,
            HttpServletResponse response) {
        ToolForm form = params.toForm();
        ToolForm.Body body = form.toBody();
        UUID tenantId = session.principal().tenantId();
        if (!body.errors().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(session, agentId, null, form, new FormErrors(body.errors(), FIELDS), model);
        }
        try {
            ToolService.Saved saved = tools.create(tenantId, agentId, body.body());
            return saved(session, saved, true, model);
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            return editor(session, agentId, null, form, errorsOf(e), model);
        }
    }

    @GetMapping(ConsolePaths.BASE + "/agents/{agentId}/tools/{toolId}")
    @RequiresScope(Scope.TOOLS_READ)
    String edit(ConsoleSession session, @PathVariable UUID agentId, @PathVariable UUID toolId, Model model) {
        Tool tool = tools.require(session.principal().tenantId(), agentId, toolId);
        return editor(
                session, agentId, tool, ToolForm.of(WRITER.toJson(tool.definition(), true)), FormErrors.none(), model);
    }

    @PostMapping(ConsolePaths.BASE + "/agents/{agentId}/tools/{toolId}")
    @RequiresScope(Scope.TOOLS_WRITE)
    String update(
            ConsoleSession session,
            @PathVariable UUID agentId,
            @PathVariable UUID toolId,
            ToolFormParams params,
            Model model,
            HttpServletResponse response) {
        UUID tenantId = session.principal().tenantId();
        Tool tool = tools.require(tenantId, agentId, toolId);
        ToolForm form = params.toForm();
        ToolForm.Body body = form.toBody();
        if (!body.errors().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(session, agentId, tool, form, new FormErrors(body.errors(), FIELDS), model);
        }
        try {
            ToolService.Saved saved = tools.replace(tenantId, agentId, toolId, body.body());
            if (saved.signingSecret() != null) {
                return saved(session, saved, false, model);
            }
            return "redirect:" + ConsolePaths.BASE + "/agents/" + agentId + "/tools/" + toolId + "?saved=1";
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            return editor(session, agentId, tool, form, errorsOf(e), model);
        }
    }

    @PostMapping(ConsolePaths.BASE + "/agents/{agentId}/tools/{toolId}/enabled")
    @RequiresScope(Scope.TOOLS_WRITE)
    String setEnabled(
            ConsoleSession session,
            @PathVariable UUID agentId,
            @PathVariable UUID toolId,
            @RequestParam boolean enabled) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode().put("is_enabled", enabled);
        tools.patch(session.principal().tenantId(), agentId, toolId, patch);
        return "redirect:" + ConsolePaths.BASE + "/agents/" + agentId + "/tools";
    }

    @PostMapping(ConsolePaths.BASE + "/agents/{agentId}/tools/{toolId}/priority")
    @RequiresScope(Scope.TOOLS_WRITE)
    String setPriority(
            ConsoleSession session,
            @PathVariable UUID agentId,
            @PathVariable UUID toolId,
            @RequestParam String priority) {
        long value;
        try {
            value = Long.parseLong(priority.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("priority", "must be a whole number");
        }
        ObjectNode patch = JsonNodeFactory.instance.objectNode().put("priority", value);
        tools.patch(session.principal().tenantId(), agentId, toolId, patch);
        return "redirect:" + ConsolePaths.BASE + "/agents/" + agentId + "/tools";
    }

    @GetMapping(ConsolePaths.BASE + "/agents/{agentId}/tools/{toolId}/delete")
    @RequiresScope(Scope.TOOLS_WRITE)
    String confirmDelete(ConsoleSession session, @PathVariable UUID agentId, @PathVariable UUID toolId, Model model) {
        model.addAttribute("agent", agents.require(session.principal().tenantId(), agentId));
        model.addAttribute("tool", tools.require(session.principal().tenantId(), agentId, toolId));
        return "console/tool-delete";
    }

    @PostMapping(ConsolePaths.BASE + "/agents/{agentId}/tools/{toolId}/delete")
    @RequiresScope(Scope.TOOLS_WRITE)
    String delete(ConsoleSession session, @PathVariable UUID agentId, @PathVariable UUID toolId) {
        tools.delete(session.principal().tenantId(), agentId, toolId);
        return "redirect:" + ConsolePaths.BASE + "/agents/" + agentId + "/tools";
    }

    private String editor(
            ConsoleSession session, UUID agentId, Tool tool, ToolForm form, FormErrors errors, Model model) {
        model.addAttribute("agent", agents.require(session.principal().tenantId(), agentId));
        model.addAttribute("tool", tool);
        model.addAttribute(
                "pageTitle",
                tool == null ? "New tool" : "Tool " + tool.definition().name());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("hints", ToolLint.of(form.toBody().body()));
        model.addAttribute(
                "types",
                Arrays.stream(ToolType.values()).map(ToolType::wireName).toList());
        return "console/tool-form";
    }

    private String saved(ConsoleSession session, ToolService.Saved saved, boolean created, Model model) {
        model.addAttribute(
                "agent",
                agents.require(session.principal().tenantId(), saved.tool().agentId()));
        model.addAttribute("tool", saved.tool());
        model.addAttribute("created", created);
        model.addAttribute("signingSecret", saved.signingSecret());
        model.addAttribute("snippets", VerificationSnippets.of(saved.tool().definition()));
        return "console/tool-saved";
    }

    private static FormErrors errorsOf(ApiException e) {
        List<FieldError> errors = e.errors();
        if (errors.isEmpty()) {
            String field = e.code() == ApiErrorCode.TOOL_NAME_TAKEN ? "name" : "body";
            errors = List.of(new FieldError(field, e.getMessage()));
        }
        return new FormErrors(errors, FIELDS);
    }

    private static ToolType type(String wireName) {
        try {
            return ToolType.fromWireName(wireName);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("type", "type must be one of the seven tool types");
        }
    }

    /**
     * The editor's request parameters, bound by Spring MVC.
     *
     * @param name the function name
     * @param displayName the display name
     * @param description the description
     * @param toolType the type's wire name
     * @param isEnabled "true" when the enabled box is ticked
     * @param texts the priority, parameters and config texts
     */
    record ToolFormParams(
            String name, String displayName, String description, String toolType, String isEnabled, Texts texts) {

        /**
         * @param priority the priority as typed
         * @param parameters the parameters schema as typed
         * @param config the config as typed
         */
        record Texts(String priority, String parameters, String config) {}

        ToolForm toForm() {
            Texts t = texts == null ? new Texts(null, null, null) : texts;
            return new ToolForm(
                    name,
                    displayName,
                    description,
                    toolType,
                    "true".equals(isEnabled),
                    new ToolForm.Texts(t.priority(), t.parameters(), t.config()));
        }
    }
}
