package dev.toolgate.server.console;

import dev.toolgate.core.tool.Tool;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.secrets.SigningSecretStore;
import dev.toolgate.server.secrets.TenantSecretStore;
import dev.toolgate.server.tenant.BrowserSession;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import dev.toolgate.server.tool.ToolService;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Secrets (docs/secrets.md): the tenant's secrets for {@code {{secrets.NAME}}} templates, set, replaced and deleted
 * through {@link TenantSecretStore} with the API's rules, values write-only (never shown, not even the one just set);
 * and a tool's signing secret, rotated with an overlap through {@link ToolService#rotateSigningSecret} (the new value
 * shown once) with verification snippets for its scheme.
 */
@Controller
@BrowserSession
@Hidden
class SecretPages {

    /** The overlaps the rotation form offers, in seconds, when within {@code toolgate.signing.rotation-overlap}. */
    static final List<Long> OVERLAPS = List.of(0L, 3600L, 6 * 3600L, 24 * 3600L, 7 * 24 * 3600L);

    private final TenantSecretStore secrets;
    private final AgentStore agents;
    private final ToolService tools;

    SecretPages(TenantSecretStore secrets, AgentStore agents, ToolService tools) {
        this.secrets = secrets;
        this.agents = agents;
        this.tools = tools;
    }

    @GetMapping(ConsolePaths.BASE + "/secrets")
    @RequiresScope(Scope.TOOLS_READ)
    String list(ConsoleSession session, Model model) {
        model.addAttribute("secrets", secrets.list(session.principal().tenantId()));
        model.addAttribute("namePattern", TenantSecretStore.NAME_REGEX);
        return "console/secrets";
    }

    @PostMapping(ConsolePaths.BASE + "/secrets")
    @RequiresScope(Scope.TOOLS_WRITE)
    String put(
            ConsoleSession session,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String value) {
        if (!TenantSecretStore.NAME.matcher(name).matches()) {
            throw ApiException.invalid(
                    "name", "must be 1 to 128 characters of A-Z, a-z, 0-9, '_', '.' or '-' (as in {{secrets.NAME}})");
        }
        TenantSecretStore.requireStorable(value);
        secrets.put(session.principal().tenantId(), name, value);
        return "redirect:" + ConsolePaths.BASE + "/secrets";
    }

    @PostMapping(ConsolePaths.BASE + "/secrets/{name}/delete")
    @RequiresScope(Scope.TOOLS_WRITE)
    String delete(ConsoleSession session, @PathVariable String name) {
        if (!secrets.delete(session.principal().tenantId(), name)) {
            throw ApiException.notFound("secret");
        }
        return "redirect:" + ConsolePaths.BASE + "/secrets";
    }

    @GetMapping(ConsolePaths.BASE + "/agents/{agentId}/tools/{toolId}/signing")
    @RequiresScope(Scope.TOOLS_WRITE)
    String signing(ConsoleSession session, @PathVariable UUID agentId, @PathVariable UUID toolId, Model model) {
        Tool tool = tools.require(session.principal().tenantId(), agentId, toolId);
        model.addAttribute("agent", agents.require(session.principal().tenantId(), agentId));
        model.addAttribute("tool", tool);
        model.addAttribute("overlaps", overlaps());
        model.addAttribute("snippets", VerificationSnippets.of(tool.definition()));
        return "console/signing";
    }

    @PostMapping(ConsolePaths.BASE + "/agents/{agentId}/tools/{toolId}/signing/rotate")
    @RequiresScope(Scope.TOOLS_WRITE)
    String rotate(
            ConsoleSession session,
            @PathVariable UUID agentId,
            @PathVariable UUID toolId,
            @RequestParam(name = "overlap_seconds", required = false) Long overlapSeconds,
            Model model) {
        UUID tenantId = session.principal().tenantId();
        SigningSecretStore.Rotation rotation = tools.rotateSigningSecret(tenantId, agentId, toolId, overlapSeconds);
        Tool tool = tools.require(tenantId, agentId, toolId);
        model.addAttribute("agent", agents.require(tenantId, agentId));
        model.addAttribute("tool", tool);
        model.addAttribute("rotation", rotation);
        model.addAttribute("signingSecret", rotation.secret().reveal());
        model.addAttribute("snippets", VerificationSnippets.of(tool.definition()));
        return "console/rotated";
    }

    private List<Overlap> overlaps() {
        Duration max = tools.maxRotationOverlap();
        List<Overlap> options = new ArrayList<>();
        for (long seconds : OVERLAPS) {
            if (seconds <= max.toSeconds()) {
                options.add(new Overlap(seconds, label(Duration.ofSeconds(seconds)), false));
            }
        }
        if (!OVERLAPS.contains(max.toSeconds())) {
            options.add(new Overlap(max.toSeconds(), label(max), true));
        }
        return options.stream()
                .map(o -> new Overlap(o.seconds(), o.label(), o.seconds() == max.toSeconds()))
                .toList();
    }

    private static String label(Duration duration) {
        if (duration.isZero()) {
            return "none: end the old secret now (leaked)";
        }
        return duration.toHours() >= 24 && duration.toHours() % 24 == 0
                ? duration.toDays() + (duration.toDays() == 1 ? " day" : " days")
                : duration.toHours() > 0 ? duration.toHours() + " h" : duration.toMinutes() + " min";
    }

    /**
     * One choice of the rotation form.
     *
     * @param seconds the overlap in seconds
     * @param label how it reads
     * @param selected whether it is the default (the configured overlap)
     */
    public record Overlap(long seconds, String label, boolean selected) {}
}
