package dev.toolgate.server.invocation;

import dev.toolgate.core.tool.Tool;
import dev.toolgate.server.api.ApiErrorCode;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import dev.toolgate.server.tool.ToolStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/invocations/{id}/replay}: the same tool, arguments and call context again, as a new invocation
 * linked to the original ({@code replay_of}). Answers like the invoke API.
 */
@RestController
class ReplayController {

    private final InvocationLog invocationLog;
    private final ToolStore tools;
    private final InvocationService service;

    ReplayController(InvocationLog invocationLog, ToolStore tools, InvocationService service) {
        this.invocationLog = invocationLog;
        this.tools = tools;
        this.service = service;
    }

    @Operation(operationId = "replayInvocation", summary = "Replay a logged invocation as a new one linked to it")
    @PostMapping("/v1/invocations/{id}/replay")
    @RequiresScope(Scope.TOOLS_INVOKE)
    InvocationOut replay(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID id,
            @RequestAttribute(name = ArrivalFilter.ATTRIBUTE, required = false) Long arrival) {
        InvocationRecord original =
                invocationLog.find(principal.tenantId(), id).orElseThrow(() -> ApiException.notFound("invocation"));
        if (!RecordField.whole(original.argumentsJson())) {
            throw new ApiException(
                    ApiErrorCode.ARGUMENTS_CUT,
                    "The logged arguments were cut at toolgate.limits.max-record-field-bytes; nothing to replay");
        }
        if (original.toolId() == null) {
            throw new ApiException(
                    ApiErrorCode.TOOL_MISSING, "The original invocation named no existing tool; nothing to replay");
        }
        Tool tool = tools.find(principal.tenantId(), original.agentId(), original.toolId())
                .orElseThrow(() ->
                        new ApiException(ApiErrorCode.TOOL_MISSING, "The tool of this invocation has been deleted"));
        return service.replay(original, tool, ArrivalFilter.arrivedAt(arrival));
    }
}
