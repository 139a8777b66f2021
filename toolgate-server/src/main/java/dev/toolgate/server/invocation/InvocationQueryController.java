package dev.toolgate.server.invocation;

import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads the invocation log: {@code GET /v1/agents/{agentId}/invocations} (filters {@code tool}, {@code status},
 * {@code since}; keyset pagination with {@code limit} and {@code cursor}) and {@code GET /v1/invocations/{id}}.
 */
@RestController
class InvocationQueryController {

    private final AgentStore agents;
    private final InvocationQueries queries;
    private final int maxFieldBytes;

    InvocationQueryController(AgentStore agents, InvocationQueries queries, ToolgateProperties properties) {
        this.agents = agents;
        this.queries = queries;
        this.maxFieldBytes = properties.limits().maxRecordFieldBytes();
    }

    @Operation(operationId = "listInvocations", summary = "List an agent's invocations, newest first, a page at a time")
    @GetMapping("/v1/agents/{agentId}/invocations")
    @RequiresScope(Scope.INVOCATIONS_READ)
    InvocationPage list(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID agentId,
            @RequestParam(required = false) String tool,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        agents.require(principal.tenantId(), agentId);
        InvocationFilter.Outcome outcome = new InvocationFilter.Outcome(status, null, null, null);
        Instant sinceInstant = null;
        if (since != null) {
            try {
                sinceInstant = Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw ApiException.invalidParameter(
                        "since", "since must be an ISO-8601 instant such as 2026-11-21T08:00:00Z");
            }
        }
        InvocationQueries.Page page = queries.list(
                principal.tenantId(),
                agentId,
                new InvocationFilter(tool, outcome, InvocationFilter.Call.ANY, sinceInstant, null),
                cursor,
                limit);
        return new InvocationPage(
                page.records().stream()
                        .map(record -> InvocationRecordOut.of(record, maxFieldBytes))
                        .toList(),
                page.nextCursor());
    }

    @Operation(operationId = "getInvocation", summary = "Get one invocation record")
    @GetMapping("/v1/invocations/{id}")
    @RequiresScope(Scope.INVOCATIONS_READ)
    InvocationRecordOut get(@Parameter(hidden = true) Principal principal, @PathVariable UUID id) {
        return InvocationRecordOut.of(queries.require(principal.tenantId(), id), maxFieldBytes);
    }

    @Operation(
            operationId = "getInvocationCurl",
            summary = "Get the curl command that repeats an invocation's request, secrets masked")
    @GetMapping(value = "/v1/invocations/{id}/curl", produces = "text/plain")
    @RequiresScope(Scope.INVOCATIONS_READ)
    String curl(@Parameter(hidden = true) Principal principal, @PathVariable UUID id) {
        return queries.curl(principal.tenantId(), id);
    }
}
