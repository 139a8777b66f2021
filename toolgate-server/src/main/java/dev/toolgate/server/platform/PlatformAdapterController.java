package dev.toolgate.server.platform;

import dev.toolgate.core.render.CallContext;
import dev.toolgate.server.agent.Agent;
import dev.toolgate.server.invocation.ArrivalFilter;
import dev.toolgate.server.invocation.CallIn;
import dev.toolgate.server.invocation.InvocationOut;
import dev.toolgate.server.invocation.InvocationService;
import dev.toolgate.server.invocation.ToolCall;
import dev.toolgate.server.tenant.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hosted voice platforms' side of the API (docs/platforms.md): {@code POST /v1/agents/{agentId}/adapters/vapi},
 * {@code …/adapters/retell} and {@code …/adapters/elevenlabs/{toolName}} take each platform's own tool-call request,
 * authenticate the platform ({@link PlatformAuthenticator}; no API key), run every call through
 * {@link InvocationService} like the invoke API (recorded with the platform as its kind) and answer in the
 * platform's own shape. A tool failure is an answer too (HTTP 200): its text is the JSON error the model gets.
 */
@RestController
class PlatformAdapterController {

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final PlatformAuthenticator authenticator;
    private final InvocationService invocations;

    PlatformAdapterController(PlatformAuthenticator authenticator, InvocationService invocations) {
        this.authenticator = authenticator;
        this.invocations = invocations;
    }

    @PublicEndpoint
    @PostMapping("/v1/agents/{agentId}/adapters/vapi")
    @SecurityRequirement(name = PlatformApiDocs.VAPI_SCHEME)
    @Operation(
            operationId = "receiveVapiToolCalls",
            summary = "Run a Vapi tool-calls server message and answer its results",
            description = "Vapi's `tool-calls` server message (`message.toolCallList`, each `{id, name, arguments}` or"
                    + " `{id, function: {name, arguments}}`), authenticated by `X-Vapi-Secret` against the tenant"
                    + " secret `vapi_server_secret`. The calls run concurrently; the answer lists one result per call,"
                    + " in order. A message of another type is answered with no results.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(type = "object", description = "A Vapi server message."))))
    @ApiResponse(responseCode = "200", description = "One result per tool call.", useReturnTypeSchema = true)
    VapiResultsOut vapi(
            @PathVariable UUID agentId,
            @Parameter(hidden = true) @RequestHeader(name = "X-Vapi-Secret", required = false) String secret,
            @RequestBody byte[] body,
            @RequestAttribute(name = ArrivalFilter.ATTRIBUTE, required = false) Long arrival) {
        Agent agent = authenticator.authenticate(Platform.VAPI, agentId, secret, body);
        PlatformPayloads.VapiToolCalls message = PlatformPayloads.vapi(PlatformPayloads.object(body));
        if (message.toolCalls().isEmpty()) {
            return new VapiResultsOut(List.of());
        }
        CallContext call = CallIn.toContext(message.call(), agent.tenantId(), agentId);
        List<InvocationOut> answers = invocations.invokeAll(
                Platform.VAPI.kind(), agentId, message.toolCalls(), call, ArrivalFilter.arrivedAt(arrival));
        List<VapiResultsOut.Result> results = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            ToolCall toolCall = message.toolCalls().get(i);
            results.add(new VapiResultsOut.Result(
                    toolCall.name(), toolCall.id(), answers.get(i).content()));
        }
        return new VapiResultsOut(results);
    }

    @PublicEndpoint
    @PostMapping("/v1/agents/{agentId}/adapters/retell")
    @SecurityRequirement(name = PlatformApiDocs.RETELL_SCHEME)
    @Operation(
            operationId = "receiveRetellFunctionCall",
            summary = "Run a Retell custom-function call and answer its result as text",
            description = "Retell's custom-function request `{name, call, args}`, authenticated by"
                    + " `X-Retell-Signature` (HMAC-SHA256 of the raw body and timestamp, keyed by the tenant secret"
                    + " `retell_api_key`, at most 5 minutes old). The answer is the text the model gets.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema =
                                                    @Schema(
                                                            type = "object",
                                                            description = "Retell's {name, call, args}."))))
    @ApiResponse(
            responseCode = "200",
            description = "The text the model gets (the JSON error text when the call failed).",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    ResponseEntity<String> retell(
            @PathVariable UUID agentId,
            @Parameter(hidden = true) @RequestHeader(name = "X-Retell-Signature", required = false) String signature,
            @RequestBody byte[] body,
            @RequestAttribute(name = ArrivalFilter.ATTRIBUTE, required = false) Long arrival) {
        Agent agent = authenticator.authenticate(Platform.RETELL, agentId, signature, body);
        PlatformPayloads.RetellCall request = PlatformPayloads.retell(PlatformPayloads.object(body));
        CallContext call = CallIn.toContext(request.call(), agent.tenantId(), agentId);
        InvocationOut answer = invocations.invoke(
                Platform.RETELL.kind(), agentId, request.toolCall(), call, ArrivalFilter.arrivedAt(arrival));
        return text(answer);
    }

    @PublicEndpoint
    @PostMapping("/v1/agents/{agentId}/adapters/elevenlabs/{toolName}")
    @SecurityRequirement(name = PlatformApiDocs.ELEVENLABS_SCHEME)
    @Operation(
            operationId = "receiveElevenLabsToolCall",
            summary = "Run an ElevenLabs server-tool call and answer its result as text",
            description = "An ElevenLabs server (webhook) tool's request: the tool's parameters as the JSON body,"
                    + " authenticated by `X-Toolgate-Secret` against the tenant secret `elevenlabs_tool_secret`;"
                    + " `X-Toolgate-Call-Id` and `X-Toolgate-Caller-Number` (set by the export to the conversation id"
                    + " and caller id) give the call. The answer is the text the model gets.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(type = "object", description = "The tool's arguments."))))
    @ApiResponse(
            responseCode = "200",
            description = "The text the model gets (the JSON error text when the call failed).",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    ResponseEntity<String> elevenLabs(
            @PathVariable UUID agentId,
            @PathVariable String toolName,
            @Parameter(hidden = true) @RequestHeader(name = "X-Toolgate-Secret", required = false) String secret,
            @Parameter(description = "The conversation's id (ElevenLabs' system__conversation_id).")
                    @RequestHeader(name = "X-Toolgate-Call-Id", required = false)
                    String callId,
            @Parameter(description = "The caller's number (ElevenLabs' system__caller_id).")
                    @RequestHeader(name = "X-Toolgate-Caller-Number", required = false)
                    String callerNumber,
            @RequestBody(required = false) byte[] body,
            @RequestAttribute(name = ArrivalFilter.ATTRIBUTE, required = false) Long arrival) {
        byte[] raw = body == null ? new byte[0] : body;
        Agent agent = authenticator.authenticate(Platform.ELEVENLABS, agentId, secret, raw);
        CallContext call = CallIn.toContext(new CallIn(callId, callerNumber, null), agent.tenantId(), agentId);
        ToolCall toolCall = new ToolCall(toolName, raw.length == 0 ? null : PlatformPayloads.object(raw), null);
        InvocationOut answer = invocations.invoke(
                Platform.ELEVENLABS.kind(), agentId, toolCall, call, ArrivalFilter.arrivedAt(arrival));
        return text(answer);
    }

    private static ResponseEntity<String> text(InvocationOut answer) {
        return ResponseEntity.ok().contentType(TEXT).body(answer.content() == null ? "" : answer.content());
    }
}
