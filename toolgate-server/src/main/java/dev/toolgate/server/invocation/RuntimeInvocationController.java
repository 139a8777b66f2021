package dev.toolgate.server.invocation;

import dev.toolgate.core.render.CallContext;
import dev.toolgate.core.voice.ActionJson;
import dev.toolgate.core.voice.Speech;
import dev.toolgate.core.voice.Twiml;
import dev.toolgate.core.voice.TwimlOptions;
import dev.toolgate.core.voice.TwimlResult;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiErrorCode;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.api.LogSafe;
import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The invoke API's other two answers, chosen by {@code Accept} on {@code POST /v1/agents/{agentId}/invocations}
 * (docs/voice-runtime.md); {@code application/json} (and no or any {@code Accept}) stays with
 * {@link InvocationController}:
 *
 * <ul>
 *   <li>{@code text/event-stream}: {@code event: speak} at once (the tool's {@link Speech}: whether and what to say
 *       while it runs), then {@code event: result} with the usual JSON answer when the call is done. The call runs on
 *       a virtual thread; the stream ends after the result.</li>
 *   <li>{@code application/xml}: the call's action as TwiML ({@link Twiml}), with the runtime's URLs from the query
 *       ({@code resume_url}, {@code whisper_url}, {@code audio_url}, {@code language}). An answer without an action,
 *       or one TwiML cannot express, is a 422 {@code no_twiml} problem; the invocation ran and is logged either way.</li>
 * </ul>
 * Both run exactly the invoke path (rate limits, duplicate reuse, the engine, the invocation log). They are described
 * in the OpenAPI document as further media types of {@code invokeTool}'s answer.
 */
@RestController
@RequestMapping("/v1/agents/{agentId}")
class RuntimeInvocationController {

    private static final Logger log = LoggerFactory.getLogger(RuntimeInvocationController.class);

    /** How much longer than the budget the event stream may stay open before it is cut. */
    private static final Duration STREAM_GRACE = Duration.ofSeconds(30);

    /** The header naming the invocation of a TwiML answer. */
    static final String INVOCATION_ID_HEADER = "X-Toolgate-Invocation-Id";

    private final AgentStore agents;
    private final InvocationService service;
    private final Duration streamTimeout;

    RuntimeInvocationController(AgentStore agents, InvocationService service, ToolgateProperties properties) {
        this.agents = agents;
        this.service = service;
        this.streamTimeout = properties.budget().plus(STREAM_GRACE);
    }

    @Operation(hidden = true)
    @PostMapping(value = "/invocations", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @RequiresScope(Scope.TOOLS_INVOKE)
    SseEmitter invokeStreaming(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID agentId,
            @Valid @RequestBody InvokeIn body,
            @RequestAttribute(name = ArrivalFilter.ATTRIBUTE, required = false) Long arrival)
            throws IOException {
        agents.require(principal.tenantId(), agentId);
        CallContext call = CallIn.toContext(body.call(), principal.tenantId(), agentId);
        long arrivedAt = ArrivalFilter.arrivedAt(arrival);
        Speech speech =
                service.speech(principal.tenantId(), agentId, body.tool()).orElse(new Speech(false, null, true));
        SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
        emitter.send(SseEmitter.event()
                .name("speak")
                .data(
                        new SpeakEvent(
                                body.tool(), speech.duringExecution(), speech.duringMessage(), speech.afterExecution()),
                        MediaType.APPLICATION_JSON));
        Thread.startVirtualThread(() -> {
            try {
                InvocationOut answer =
                        service.invoke(agentId, body.tool(), body.arguments(), body.toolCallId(), call, arrivedAt);
                emitter.send(SseEmitter.event().name("result").data(answer, MediaType.APPLICATION_JSON));
                emitter.complete();
            } catch (IOException | RuntimeException e) {
                // the client went away, or a fault: the invocation (if it ran) is in the log
                log.warn("Streaming an invocation answer failed: {}", LogSafe.text(e));
                emitter.completeWithError(e);
            }
        });
        return emitter;
    }

    @Operation(hidden = true)
    @PostMapping(value = "/invocations", produces = MediaType.APPLICATION_XML_VALUE)
    @RequiresScope(Scope.TOOLS_INVOKE)
    ResponseEntity<String> invokeTwiml(
            @Parameter(hidden = true) Principal principal,
            @PathVariable UUID agentId,
            @Valid @RequestBody InvokeIn body,
            @RequestAttribute(name = ArrivalFilter.ATTRIBUTE, required = false) Long arrival,
            @RequestParam(name = "resume_url", required = false) String resumeUrl,
            @RequestParam(name = "whisper_url", required = false) String whisperUrl,
            @RequestParam(name = "audio_url", required = false) String audioUrl,
            @RequestParam(name = "language", required = false) String language) {
        TwimlOptions options = options(resumeUrl, whisperUrl, audioUrl, language);
        agents.require(principal.tenantId(), agentId);
        CallContext call = CallIn.toContext(body.call(), principal.tenantId(), agentId);
        InvocationOut answer = service.invoke(
                agentId, body.tool(), body.arguments(), body.toolCallId(), call, ArrivalFilter.arrivedAt(arrival));
        if (answer.action() == null || answer.action().isNull()) {
            throw new ApiException(
                    ApiErrorCode.NO_TWIML,
                    "Invocation " + answer.invocationId() + " answered no call action (status " + answer.status()
                            + (answer.error() == null
                                    ? ""
                                    : ", " + answer.error().code())
                            + "); only a successful transfer_call, monitored_transfer, end_call or play_tone call has"
                            + " TwiML");
        }
        return switch (Twiml.render(ActionJson.fromJson(answer.action()), options)) {
            case TwimlResult.Rendered rendered ->
                ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_XML)
                        .header(INVOCATION_ID_HEADER, answer.invocationId())
                        .body(rendered.xml());
            case TwimlResult.Unsupported unsupported ->
                throw new ApiException(
                        ApiErrorCode.NO_TWIML,
                        "Invocation " + answer.invocationId() + " has no TwiML form: " + unsupported.reason());
        };
    }

    /** The TwiML options of the query, each checked on its own so that a problem names its parameter. */
    private static TwimlOptions options(String resumeUrl, String whisperUrl, String audioUrl, String language) {
        check("resume_url", () -> new TwimlOptions(resumeUrl, null, null, null));
        check("whisper_url", () -> new TwimlOptions(null, whisperUrl, null, null));
        check("audio_url", () -> new TwimlOptions(null, null, audioUrl, null));
        check("language", () -> new TwimlOptions(null, null, null, language));
        return new TwimlOptions(resumeUrl, whisperUrl, audioUrl, language);
    }

    private static void check(String name, Runnable build) {
        try {
            build.run();
        } catch (IllegalArgumentException e) {
            String detail = e.getMessage();
            throw ApiException.invalidParameter(
                    name, name + detail.substring(detail.indexOf(' ') < 0 ? detail.length() : detail.indexOf(' ')));
        }
    }

    /**
     * The data of {@code event: speak}.
     *
     * @param tool the function name called
     * @param duringExecution whether to speak while the tool runs
     * @param duringMessage what to say then, or null for a filler of the runtime's choosing
     * @param afterExecution whether to speak from the result afterwards
     */
    record SpeakEvent(String tool, boolean duringExecution, String duringMessage, boolean afterExecution) {}
}
