package dev.toolgate.core.engine;

import dev.toolgate.core.args.ArgumentLimits;
import dev.toolgate.core.args.ArgumentParseResult;
import dev.toolgate.core.args.ArgumentParser;
import dev.toolgate.core.args.ArgumentValidator;
import dev.toolgate.core.args.ArgumentViolation;
import dev.toolgate.core.args.ValidationDeadlineException;
import dev.toolgate.core.egress.EgressDecision;
import dev.toolgate.core.egress.EgressPolicy;
import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.exec.ExecutionResult;
import dev.toolgate.core.exec.HttpExecutor;
import dev.toolgate.core.exec.PhaseTimings;
import dev.toolgate.core.render.RenderException;
import dev.toolgate.core.render.RenderedRequest;
import dev.toolgate.core.render.RequestRenderer;
import dev.toolgate.core.signing.RequestSigner;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinitionWriter;
import dev.toolgate.core.tool.UrlTemplate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs tool calls: parse and validate the arguments, check the destination, render, sign, send under the
 * budget, and turn the result into text the model can speak from. This is the whole pipeline (docs/architecture.md);
 * everything before "send" is pure CPU work and fails fast.
 *
 * <p>Budget: a call's budget (the tool's {@code timeout}, at most the executor's maximum) counts from
 * {@link Invocation#arrivedAtNanos()}, the moment its request arrived. Argument validation stops at the deadline
 * (see {@link ArgumentValidator#validate(JsonNode, long)}), a call whose budget is spent before the send ends
 * with {@code HTTP_TOOL_TIMEOUT} and sends nothing, and the send gets only what is left.
 *
 * <p>Thread-safe: one engine serves every tenant. Compiled argument schemas are cached per tool version
 * (tool id + {@code updated_at}).
 */
public final class ToolEngine {

    private static final ToolDefinitionWriter WRITER = new ToolDefinitionWriter();

    /**
     * The footer appended to a body cut at the response cap (docs/request-response.md, "Response cap and
     * truncation").
     */
    public static final String TRUNCATED_FOOTER = "\n[truncated]";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Less budget than this left at the send is none: the request is not started (1 ms). */
    private static final long MIN_SEND_NANOS = 1_000_000;

    private final HttpExecutor executor;
    private final EgressPolicy egress;
    private final RequestRenderer renderer;
    private final InstantSource clock;
    private final EndpointCircuits circuits;
    private final ArgumentLimits argumentLimits;
    private final Map<UUID, CompiledSchema> schemas = new ConcurrentHashMap<>();

    private enum Mode {
        INVOKE,
        TEST_FIRE,
        DRY_RUN
    }

    private record CompiledSchema(Instant version, ArgumentValidator validator) {}

    /** An engine whose endpoints never trip a circuit ({@link EndpointCircuits#NONE}); see the full constructor. */
    public ToolEngine(HttpExecutor executor, EgressPolicy egress, RequestRenderer renderer, InstantSource clock) {
        this(executor, egress, renderer, clock, EndpointCircuits.NONE);
    }

    /** An engine with the {@linkplain ArgumentLimits#ofDefaults() default argument limits}; see the full constructor. */
    public ToolEngine(
            HttpExecutor executor,
            EgressPolicy egress,
            RequestRenderer renderer,
            InstantSource clock,
            EndpointCircuits circuits) {
        this(executor, egress, renderer, clock, circuits, ArgumentLimits.ofDefaults());
    }

    /**
     * @param executor sends rendered requests (shared connection pool, budget and cap)
     * @param egress the egress policy; used here for the pre-flight URL check and test-fire decisions
     * @param renderer renders tool + arguments + call into a request
     * @param clock the source of request timestamps
     * @param circuits the per-endpoint circuit breakers consulted before each send
     * @param argumentLimits the size and depth limits of a call's arguments
     */
    public ToolEngine(
            HttpExecutor executor,
            EgressPolicy egress,
            RequestRenderer renderer,
            InstantSource clock,
            EndpointCircuits circuits,
            ArgumentLimits argumentLimits) {
        this.argumentLimits = Objects.requireNonNull(argumentLimits, "argumentLimits");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.egress = Objects.requireNonNull(egress, "egress");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.circuits = Objects.requireNonNull(circuits, "circuits");
    }

    /**
     * Runs one tool call to completion. Never throws for a tool failure: every failure is an
     * {@link InvocationOutcome} with a {@link ToolError}. A disabled tool fails with {@code HTTP_TOOL_DISABLED}.
     */
    public InvocationOutcome invoke(Invocation invocation) {
        return invoke(invocation, null);
    }

    /**
     * Like {@link #invoke(Invocation)}, for a caller that has already parsed the arguments with
     * {@link #parseArguments} (to key duplicate calls, say): the engine then does not parse, measure and copy them
     * a second time.
     *
     * @param parsed what {@link #parseArguments} gave for {@code invocation.rawArguments()}, or null to parse here
     */
    public InvocationOutcome invoke(Invocation invocation, ArgumentParseResult parsed) {
        long start = System.nanoTime();
        if (!invocation.tool().definition().enabled()) {
            return failure(
                    invocation,
                    start,
                    ToolError.of(
                            ErrorCode.HTTP_TOOL_DISABLED,
                            "The tool '" + invocation.tool().name() + "' is disabled."),
                    invocation.rawArguments(),
                    null,
                    PhaseTimings.NONE,
                    0,
                    null,
                    false);
        }
        return run(invocation, start, Mode.INVOKE, parsed).outcome();
    }

    /**
     * Test-fires a tool (disabled tools too): renders the exact request and judges its destination; unless
     * {@code dryRun}, also sends it. With {@code dryRun}, nothing leaves the process but DNS queries.
     */
    public TestFireResult testFire(Invocation invocation, boolean dryRun) {
        return run(invocation, System.nanoTime(), dryRun ? Mode.DRY_RUN : Mode.TEST_FIRE, null);
    }

    /**
     * Returns the outcome of a call refused before the pipeline ran (rate limited, circuit open, ...): nothing is
     * sent; the tool's {@code error_hint} replaces the error's hint as for any other failure.
     */
    public InvocationOutcome refuse(Invocation invocation, ToolError error) {
        return failure(
                invocation,
                System.nanoTime(),
                error,
                invocation.rawArguments(),
                null,
                PhaseTimings.NONE,
                0,
                null,
                false);
    }

    /**
     * Returns the outcome of a call of a tool the agent does not have ({@code HTTP_TOOL_NOT_FOUND}): nothing is
     * sent. The raw arguments are kept for the invocation record unless they break a size or depth limit.
     *
     * @param invocationId Toolgate's id of the invocation
     * @param toolName the function name the model called
     * @param rawArguments the model's arguments as received, or null
     * @param toolCallId the model's tool-call id, or null
     */
    public InvocationOutcome notFound(String invocationId, String toolName, JsonNode rawArguments, String toolCallId) {
        JsonNode kept =
                parseArguments(rawArguments) instanceof ArgumentParseResult.Invalid invalid && invalid.overLimit()
                        ? null
                        : rawArguments;
        ToolError error =
                ToolError.of(ErrorCode.HTTP_TOOL_NOT_FOUND, "This agent has no tool named '" + toolName + "'.");
        return InvocationOutcome.builder(invocationId, toolCallId)
                .error(error)
                .content(errorContent(error))
                .arguments(kept)
                .build();
    }

    /**
     * Parses a call's raw arguments exactly as {@link #invoke} does, under this engine's {@link ArgumentLimits}.
     *
     * @param raw an object, a JSON string holding an object, or null
     * @return the parsed object, or why there is none; never throws
     */
    public ArgumentParseResult parseArguments(JsonNode raw) {
        return ArgumentParser.parse(raw, argumentLimits);
    }

    /** Returns the text a model gets for {@code error}: {@code {"error": CODE, "message": ..., "hint": ...}}. */
    public static String errorContent(ToolError error) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("error", error.code().name());
        node.put("message", error.message());
        node.put("hint", error.hint());
        return JSON.writeValueAsString(node);
    }

    private TestFireResult run(Invocation invocation, long start, Mode mode, ArgumentParseResult given) {
        Tool tool = invocation.tool();
        JsonNode raw = invocation.rawArguments();
        Duration budget = budget(tool);
        long deadline = invocation.arrivedAtNanos() + budget.toNanos();
        ObjectNode arguments;
        switch (given != null ? given : parseArguments(raw)) {
            case ArgumentParseResult.Parsed parsed -> arguments = parsed.arguments();
            case ArgumentParseResult.Invalid invalid -> {
                // arguments past a size or depth limit are not kept, not even in the invocation record
                JsonNode kept = invalid.overLimit() ? null : raw;
                return new TestFireResult(null, null, unsent(invocation, start, invalid.error(), kept, null));
            }
        }
        ArgumentValidator validator = validator(tool);
        List<ArgumentViolation> violations;
        try {
            violations = validator.validate(arguments, deadline);
        } catch (ValidationDeadlineException e) {
            ToolError spent = budgetSpent(budget, "while the arguments were checked against the tool's patterns");
            return new TestFireResult(null, null, unsent(invocation, start, spent, arguments, null));
        }
        if (!violations.isEmpty()) {
            return new TestFireResult(
                    null, null, unsent(invocation, start, validator.toError(violations), arguments, null));
        }
        if (!(tool.definition().config() instanceof HttpRequestConfig config)) {
            return new TestFireResult(null, null, action(invocation, start, arguments));
        }

        EgressDecision preflight = egress.checkUrl(UrlTemplate.skeleton(config.url()));
        if (!preflight.allowed()) {
            return new TestFireResult(
                    null,
                    preflight,
                    failure(
                            invocation,
                            start,
                            ToolError.of(ErrorCode.HTTP_TOOL_BLOCKED_DESTINATION, preflight.reason()),
                            arguments,
                            null,
                            PhaseTimings.NONE,
                            0,
                            null,
                            false));
        }
        Instant now = clock.instant();
        RenderedRequest request;
        try {
            request = renderer.render(tool, arguments, invocation.call(), invocation.invocationId(), now);
            request = RequestSigner.sign(
                    request,
                    config.signatureScheme(),
                    invocation.signingSecrets(),
                    now.getEpochSecond(),
                    invocation.invocationId());
        } catch (RenderException e) {
            return new TestFireResult(
                    null,
                    preflight,
                    failure(invocation, start, e.error(), arguments, null, PhaseTimings.NONE, 0, null, false));
        }
        if (mode == Mode.DRY_RUN) {
            return new TestFireResult(request, egress.decide(request.url().toString()), null);
        }
        EgressDecision decision =
                mode == Mode.INVOKE ? null : egress.decide(request.url().toString());
        long remaining = deadline - System.nanoTime();
        if (remaining < MIN_SEND_NANOS) {
            ToolError spent = budgetSpent(budget, "before the request could be sent");
            return new TestFireResult(request, decision, unsent(invocation, start, spent, arguments, request));
        }
        String endpoint = request.url().host() + ":" + request.url().port();
        EndpointCircuits.Permit permit = circuits.tryAcquire(tool.tenantId(), endpoint);
        if (permit == null) {
            return new TestFireResult(
                    request,
                    decision,
                    failure(
                            invocation,
                            start,
                            ToolError.of(
                                    ErrorCode.HTTP_TOOL_CIRCUIT_OPEN,
                                    "Calls to " + endpoint + " are paused for a short while after"
                                            + " repeated failures; nothing was sent."),
                            arguments,
                            request,
                            PhaseTimings.NONE,
                            0,
                            null,
                            false));
        }
        long sendStart = System.nanoTime();
        ExecutionResult result = executor.execute(
                request,
                Duration.ofNanos(remaining),
                config.maxResponseBytes(),
                tool.tenantId().toString());
        // Time spent waiting for a connection is the gateway's, not the endpoint's.
        long sentWith =
                remaining - TimeUnit.MICROSECONDS.toNanos(result.timings().waitMicros());
        permit.complete(circuitResult(result, sentWith, budget.toNanos()), System.nanoTime() - sendStart);
        InvocationOutcome outcome = switch (result) {
            case ExecutionResult.Success success ->
                InvocationOutcome.builder(invocation.invocationId(), invocation.toolCallId())
                        .content(success.truncated() ? success.body() + TRUNCATED_FOOTER : success.body())
                        .httpStatus(success.httpStatus())
                        .truncated(success.truncated())
                        .durationMicros(micros(start))
                        .speak(config.speakDuringExecution(), config.speakAfterExecution())
                        .arguments(arguments)
                        .request(request)
                        .timings(success.timings())
                        .responseBody(success.body())
                        .build();
            case ExecutionResult.Failure failure ->
                failure(
                        invocation,
                        start,
                        failure.error(),
                        arguments,
                        request,
                        failure.timings(),
                        failure.httpStatus(),
                        failure.body(),
                        failure.truncated());
        };
        return new TestFireResult(request, decision, outcome);
    }

    /** The budget of one call of {@code tool}: its {@code timeout}, at most the executor's maximum. */
    private Duration budget(Tool tool) {
        Duration max = executor.config().maxBudget();
        if (tool.definition().config() instanceof HttpRequestConfig config
                && config.timeout().compareTo(max) < 0) {
            return config.timeout();
        }
        return max;
    }

    private static ToolError budgetSpent(Duration budget, String when) {
        return ToolError.of(
                ErrorCode.HTTP_TOOL_TIMEOUT,
                String.format(
                        Locale.ROOT,
                        "The call's budget of %.1f s ran out %s; nothing was sent.",
                        budget.toMillis() / 1000.0,
                        when));
    }

    /**
     * Classifies a result for the endpoint's circuit breaker from {@link ErrorCode#endpointVerdict()}: only the
     * endpoint's own failures count. A timeout counts only when the endpoint had at least half of the call's budget:
     * a call that spent most of its budget inside Toolgate (queued behind a burst, say) shows nothing about the
     * endpoint, and must not pause every other call to it.
     *
     * @param result what the executor returned
     * @param givenNanos the budget left when the request was sent, in nanoseconds
     * @param budgetNanos the call's whole budget, in nanoseconds
     */
    static EndpointCircuits.CallResult circuitResult(ExecutionResult result, long givenNanos, long budgetNanos) {
        if (result instanceof ExecutionResult.Failure failure
                && failure.error().code() == ErrorCode.HTTP_TOOL_TIMEOUT
                && givenNanos < budgetNanos / 2) {
            return EndpointCircuits.CallResult.IGNORED;
        }
        return switch (result) {
            case ExecutionResult.Success success -> EndpointCircuits.CallResult.SUCCESS;
            case ExecutionResult.Failure failure ->
                switch (failure.error().code().endpointVerdict()) {
                    case FAILED -> EndpointCircuits.CallResult.FAILURE;
                    case FAILED_IF_SERVER_ERROR ->
                        failure.httpStatus() >= 500
                                ? EndpointCircuits.CallResult.FAILURE
                                : EndpointCircuits.CallResult.SUCCESS;
                    case NOT_JUDGED -> EndpointCircuits.CallResult.IGNORED;
                };
        };
    }

    private InvocationOutcome action(Invocation invocation, long start, ObjectNode arguments) {
        Tool tool = invocation.tool();
        ObjectNode action = JsonNodeFactory.instance.objectNode();
        action.put("type", tool.definition().type().wireName());
        JsonNode config = WRITER.toJson(tool.definition(), true).get("config");
        if (config instanceof ObjectNode configObject) {
            action.setAll(configObject);
        }
        action.set("arguments", arguments);
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("status", "ok");
        content.put("action", tool.definition().type().wireName());
        return InvocationOutcome.builder(invocation.invocationId(), invocation.toolCallId())
                .content(JSON.writeValueAsString(content))
                .durationMicros(micros(start))
                .speak(false, false)
                .action(action)
                .arguments(arguments)
                .build();
    }

    /** A failure before anything was sent: no timings, no status, no body. */
    private InvocationOutcome unsent(
            Invocation invocation, long start, ToolError error, JsonNode arguments, RenderedRequest request) {
        return failure(invocation, start, error, arguments, request, PhaseTimings.NONE, 0, null, false);
    }

    private InvocationOutcome failure(
            Invocation invocation,
            long start,
            ToolError error,
            JsonNode arguments,
            RenderedRequest request,
            PhaseTimings timings,
            int httpStatus,
            String body,
            boolean truncated) {
        String hint =
                invocation.tool().definition().config() instanceof HttpRequestConfig config ? config.errorHint() : null;
        ToolError shown = error.withHint(hint);
        boolean speakDuring = false;
        boolean speakAfter = true;
        if (invocation.tool().definition().config() instanceof HttpRequestConfig config) {
            speakDuring = config.speakDuringExecution();
            speakAfter = config.speakAfterExecution();
        }
        return InvocationOutcome.builder(invocation.invocationId(), invocation.toolCallId())
                .error(shown)
                .content(errorContent(shown))
                .httpStatus(httpStatus)
                .truncated(truncated)
                .durationMicros(micros(start))
                .speak(speakDuring, speakAfter)
                .arguments(arguments)
                .request(request)
                .timings(timings)
                .responseBody(body)
                .build();
    }

    private ArgumentValidator validator(Tool tool) {
        CompiledSchema cached = schemas.get(tool.id());
        if (cached != null && Objects.equals(cached.version(), tool.updatedAt())) {
            return cached.validator();
        }
        ArgumentValidator validator =
                ArgumentValidator.compile(tool.definition().parameters());
        schemas.put(tool.id(), new CompiledSchema(tool.updatedAt(), validator));
        return validator;
    }

    private static long micros(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toNanos() / 1000;
    }
}
