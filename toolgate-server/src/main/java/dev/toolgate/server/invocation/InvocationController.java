package dev.toolgate.server.invocation;

import dev.toolgate.core.render.CallContext;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import dev.toolgate.server.tool.ToolStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The voice runtime's side of the API: {@code POST /v1/agents/{agentId}/invocations} (one tool call),
 * {@code POST /v1/agents/{agentId}/tool-calls} (an OpenAI assistant message's {@code tool_calls}, run
 * concurrently, answered in order) and {@code POST /v1/agents/{agentId}/tools/{toolId}/test} (test fire).
 * A tool failure is a 200 with {@code status: error}; only a malformed API request is a 4xx. Every call's budget
 * counts from the request's arrival ({@link ArrivalFilter}); the calls of one {@code tool-calls} request share it.
 */
@RestController
@RequestMapping("/v1/agents/{agentId}")
class InvocationController {

    private final AgentStore agents;
    private final ToolStore tools;
    private final InvocationService service;

    InvocationController(AgentStore agents, ToolStore tools, InvocationService service) {
        this.agents = agents;
        this.tools = tools;
        this.service = service;
    }

    @Operation(
            operationId = "invokeTool",
            summary = "Invoke a tool: one tool call of the model, answered as the model should see it",
            description =
                    "Scope `tools:invoke`. The answer's form follows `Accept`: JSON (the default), "
                            + "`text/event-stream` (`event: speak` at once with what to say while the tool runs, then "
                            + "`event: result` with the JSON answer), or `application/xml` (the call action as TwiML, with "
                            + "the query parameters `resume_url`, `whisper_url`, `audio_url` and `language`; docs/voice-runtime.md).")
    @ApiResponse(
            responseCode = "200",
            description = "The answer; a tool failure is a 200 with status error.",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = InvocationOut.class)),
                @Content(
                        mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                        schema =
                                @Schema(
                                        type = "string",
                                        description = "event: speak (data {tool, during_execution, during_message,"
                                                + " after_execution}), then event: result (data: the JSON answer).")),
                @Content(
                        mediaType = MediaType.APPLICATION_XML_VALUE,
                        schema = @Schema(type = "string", description = "A TwiML <Response> document."))
            })
    @PostMapping(value = "/invocations", produces = MediaType.APPLICATION_JSON_VALUE)
    @RequiresScope(Scope.TOOLS_INVOKE)
    InvocationOut invoke(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID agentId,
            @Valid @RequestBody InvokeIn body,
            @RequestAttribute(name = ArrivalFilter.ATTRIBUTE, required = false) Long arrival) {
        agents.require(principal.tenantId(), agentId);
        CallContext call = CallIn.toContext(body.call(), principal.tenantId(), agentId);
        return service.invoke(
                agentId, body.tool(), body.arguments(), body.toolCallId(), call, ArrivalFilter.arrivedAt(arrival));
    }

    @Operation(
            operationId = "runToolCalls",
            summary = "Run an OpenAI assistant message's tool calls concurrently, answered in their order")
    @PostMapping("/tool-calls")
    @RequiresScope(Scope.TOOLS_INVOKE)
    ToolCallsOut toolCalls(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID agentId,
            @Valid @RequestBody ToolCallsIn body,
            @RequestAttribute(name = ArrivalFilter.ATTRIBUTE, required = false) Long arrival) {
        agents.require(principal.tenantId(), agentId);
        if (body.calls() == null) {
            throw ApiException.invalid(body.callsField(), "must be an array of OpenAI tool calls");
        }
        CallContext call = CallIn.toContext(body.call(), principal.tenantId(), agentId);
        return ToolCallsOut.of(service.invokeAll(
                InvocationKind.INVOKE, agentId, body.asToolCalls(), call, ArrivalFilter.arrivedAt(arrival)));
    }

    @Operation(
            operationId = "testFireTool",
            summary = "Test-fire a tool: render, judge the destination and (unless dry_run) send it")
    @PostMapping("/tools/{toolId}/test")
    @RequiresScope(Scope.TOOLS_INVOKE)
    TestFireOut testFire(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID agentId,
            @PathVariable UUID toolId,
            @Valid @RequestBody(required = false) TestFireIn body,
            @RequestAttribute(name = ArrivalFilter.ATTRIBUTE, required = false) Long arrival) {
        agents.require(principal.tenantId(), agentId);
        Tool tool = tools.require(principal.tenantId(), agentId, toolId);
        TestFireIn request = body == null ? TestFireIn.EMPTY : body;
        CallContext call = CallIn.toContext(request.call(), principal.tenantId(), agentId);
        return service.testFire(
                tool, request.arguments(), call, request.sendsNothing(), ArrivalFilter.arrivedAt(arrival));
    }
}
