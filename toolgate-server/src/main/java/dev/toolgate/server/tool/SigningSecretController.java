package dev.toolgate.server.tool;

import dev.toolgate.core.tool.FieldError;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.secrets.SigningSecretStore;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/agents/{agentId}/tools/{toolId}/signing-secret/rotate} (scope {@code tools:write}): issues a new
 * signing secret, shown once, while the previous one keeps signing for the overlap window
 * ({@code toolgate.signing.rotation-overlap}, 24 h by default; see {@link SigningSecretStore} for the rules).
 *
 * <p>Body, optional: {@code {"overlap_seconds": N}} to shorten the window for this rotation, 0..the configured
 * overlap; 0 ends every older secret at once (for a leaked secret). Answer: {@code {"signing_secret": "<new>",
 * "previous_expires_at": "<ISO-8601 instant, or null when there was none>", "overlap_seconds": N,
 * "active_signing_secrets": n}}. 404 for a tool of another tenant or agent; 422 for a bad {@code overlap_seconds}.
 */
@RestController
class SigningSecretController {

    private final ToolStore tools;
    private final SigningSecretStore secrets;
    private final Duration maxOverlap;

    SigningSecretController(ToolStore tools, SigningSecretStore secrets, ToolgateProperties properties) {
        this.tools = tools;
        this.secrets = secrets;
        this.maxOverlap = properties.signing().rotationOverlap();
    }

    @PostMapping("/v1/agents/{agentId}/tools/{toolId}/signing-secret/rotate")
    @RequiresScope(Scope.TOOLS_WRITE)
    Map<String, Object> rotate(
            Principal principal,
            @PathVariable UUID agentId,
            @PathVariable UUID toolId,
            @RequestBody(required = false) JsonNode body) {
        Duration overlap = overlap(body);
        Tool tool = tools.require(principal.tenantId(), agentId, toolId);
        SigningSecretStore.Rotation rotation =
                secrets.rotate(tool.id(), SigningSecretStore.schemeOf(tool.definition()), overlap);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("signing_secret", rotation.secret().reveal());
        json.put(
                "previous_expires_at",
                rotation.previousExpiresAt() == null
                        ? null
                        : rotation.previousExpiresAt().toString());
        json.put("overlap_seconds", rotation.overlap().toSeconds());
        json.put("active_signing_secrets", rotation.activeSecrets());
        return json;
    }

    private Duration overlap(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return maxOverlap;
        }
        List<FieldError> errors = new ArrayList<>();
        if (!body.isObject()) {
            throw ApiException.invalid(
                    List.of(new FieldError("", "must be an object {\"overlap_seconds\": N} or empty")));
        }
        body.propertyNames().stream()
                .filter(name -> !name.equals("overlap_seconds"))
                .forEach(name -> errors.add(new FieldError(name, "is not a field of a rotation")));
        JsonNode seconds = body.get("overlap_seconds");
        Duration overlap = maxOverlap;
        if (seconds != null && !seconds.isNull()) {
            if (!seconds.isIntegralNumber()
                    || !seconds.canConvertToLong()
                    || seconds.longValue() < 0
                    || seconds.longValue() > maxOverlap.toSeconds()) {
                errors.add(new FieldError(
                        "overlap_seconds",
                        "must be a whole number of seconds from 0 to " + maxOverlap.toSeconds()
                                + " (toolgate.signing.rotation-overlap)"));
            } else {
                overlap = Duration.ofSeconds(seconds.longValue());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return overlap;
    }
}
