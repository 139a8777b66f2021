package dev.toolgate.server.console;

import dev.toolgate.server.api.ApiErrorCode;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.tenant.ApiKeyIn;
import dev.toolgate.server.tenant.ApiKeyService;
import dev.toolgate.server.tenant.BrowserSession;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The API keys page (scope {@code admin}), as {@code /v1/api-keys}: the tenant's keys (name, first characters,
 * scopes, never the value), a form to create one with its scopes (the value shown once), and revocation behind a
 * confirmation. Revoking a key also ends every console session signed in with it.
 */
@Controller
@BrowserSession
@Hidden
class KeyPages {

    private final ApiKeyService keys;
    private final Validator validator;

    KeyPages(ApiKeyService keys, Validator validator) {
        this.keys = keys;
        this.validator = validator;
    }

    @GetMapping(ConsolePaths.BASE + "/keys")
    @RequiresScope(Scope.ADMIN)
    String list(ConsoleSession session, Model model) {
        model.addAttribute("keys", keys.list(session.principal().tenantId()));
        model.addAttribute("scopes", Scope.values());
        return "console/keys";
    }

    @PostMapping(ConsolePaths.BASE + "/keys")
    @RequiresScope(Scope.ADMIN)
    String create(
            ConsoleSession session,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(name = "scope", required = false) List<String> scopeNames,
            Model model,
            HttpServletResponse response) {
        List<Scope> scopes = new ArrayList<>();
        for (String scopeName : scopeNames == null ? List.<String>of() : scopeNames) {
            try {
                scopes.add(Scope.fromWireName(scopeName));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("scopes", e.getMessage());
            }
        }
        ApiKeyIn in = new ApiKeyIn(name, scopes);
        List<String> errors = new ArrayList<>();
        for (ConstraintViolation<ApiKeyIn> violation : validator.validate(in)) {
            errors.add(violation.getPropertyPath() + " " + violation.getMessage());
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", errors);
            model.addAttribute("name", name);
            return list(session, model);
        }
        ApiKeyService.CreatedKey key = keys.createKey(
                session.principal().tenantId(),
                in.name().trim(),
                new LinkedHashSet<>(scopes),
                ApiKeyService.generateKey());
        model.addAttribute("created", key);
        model.addAttribute("name", in.name().trim());
        return "console/key-created";
    }

    @GetMapping(ConsolePaths.BASE + "/keys/{keyId}/revoke")
    @RequiresScope(Scope.ADMIN)
    String confirmRevoke(ConsoleSession session, @PathVariable UUID keyId, Model model) {
        String name =
                keys.nameOf(session.principal().tenantId(), keyId).orElseThrow(() -> ApiException.notFound("API key"));
        model.addAttribute("keyId", keyId);
        model.addAttribute("keyName", name);
        model.addAttribute("self", keyId.equals(session.principal().keyId()));
        return "console/key-revoke";
    }

    @PostMapping(ConsolePaths.BASE + "/keys/{keyId}/revoke")
    @RequiresScope(Scope.ADMIN)
    String revoke(ConsoleSession session, @PathVariable UUID keyId) {
        boolean deleted;
        try {
            deleted = keys.delete(session.principal().tenantId(), keyId);
        } catch (IllegalStateException e) {
            throw new ApiException(
                    ApiErrorCode.LAST_ADMIN_KEY, "This is the tenant's last admin key; create another first");
        }
        if (!deleted) {
            throw ApiException.notFound("API key");
        }
        return "redirect:"
                + (keyId.equals(session.principal().keyId()) ? ConsolePaths.SIGN_IN : ConsolePaths.BASE + "/keys");
    }
}
