package dev.toolgate.server.console;

import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.tenant.BrowserSession;
import dev.toolgate.server.tenant.OperatorOnly;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import dev.toolgate.server.tenant.Tenant;
import dev.toolgate.server.tenant.TenantIn;
import dev.toolgate.server.tenant.TenantOnboarding;
import dev.toolgate.server.tenant.TenantStore;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator's page (the operator's key only, as {@code /v1/tenants}): every tenant with its rate-limit
 * overrides, a form to create a tenant ({@link TenantOnboarding}, its admin key shown once), and a form per tenant to
 * change its limits (blank keeps the deployment default, 0 is unlimited), stored
 * through {@link TenantStore} as {@code PUT /v1/tenants/{id}/rate-limits} does.
 */
@Controller
@BrowserSession
@Hidden
class OperatorPages {

    private final TenantStore tenants;
    private final TenantOnboarding onboarding;
    private final Validator validator;

    OperatorPages(TenantStore tenants, TenantOnboarding onboarding, Validator validator) {
        this.tenants = tenants;
        this.onboarding = onboarding;
        this.validator = validator;
    }

    @PostMapping(ConsolePaths.BASE + "/operator/tenants")
    @RequiresScope(Scope.ADMIN)
    @OperatorOnly
    String createTenant(@RequestParam(defaultValue = "") String name, Model model) {
        TenantIn in = new TenantIn(name);
        for (ConstraintViolation<TenantIn> violation : validator.validate(in)) {
            throw ApiException.invalid("name", violation.getMessage());
        }
        TenantOnboarding.Onboarded onboarded = onboarding.create(in.name());
        model.addAttribute("tenant", onboarded.tenant());
        model.addAttribute("adminKey", onboarded.adminKey().key());
        return "console/tenant-created";
    }

    @GetMapping(ConsolePaths.BASE + "/operator")
    @RequiresScope(Scope.ADMIN)
    @OperatorOnly
    String tenants(Model model) {
        model.addAttribute("tenants", tenants.list());
        model.addAttribute("max", Tenant.RateLimitOverrides.MAX_PER_MINUTE);
        return "console/operator";
    }

    @PostMapping(ConsolePaths.BASE + "/operator/{tenantId}/rate-limits")
    @RequiresScope(Scope.ADMIN)
    @OperatorOnly
    String setRateLimits(
            @PathVariable UUID tenantId,
            @RequestParam(name = "tenant_per_minute", defaultValue = "") String tenantPerMinute,
            @RequestParam(name = "tool_per_minute", defaultValue = "") String toolPerMinute,
            @RequestParam(name = "test_fire_per_minute", defaultValue = "") String testFirePerMinute) {
        Tenant.RateLimitOverrides limits = new Tenant.RateLimitOverrides(
                limit("tenant_per_minute", tenantPerMinute),
                limit("tool_per_minute", toolPerMinute),
                limit("test_fire_per_minute", testFirePerMinute));
        if (!tenants.updateRateLimits(tenantId, limits)) {
            throw ApiException.notFound("tenant");
        }
        return "redirect:" + ConsolePaths.BASE + "/operator";
    }

    private static Integer limit(String field, String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 0 || value > Tenant.RateLimitOverrides.MAX_PER_MINUTE) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(
                    field, "must be a whole number from 0 (unlimited) to " + Tenant.RateLimitOverrides.MAX_PER_MINUTE);
        }
    }
}
