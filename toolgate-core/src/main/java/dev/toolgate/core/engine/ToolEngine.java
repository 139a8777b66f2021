package dev.toolgate.core.engine;

import dev.toolgate.core.args.ArgumentLimits;
import dev.toolgate.core.args.ArgumentParseResult;
import dev.toolgate.core.args.ArgumentParser;
import dev.toolgate.core.args.ArgumentValidator;
import dev.toolgate.core.args.ArgumentViolation;
import dev.toolgate.core.args.ValidationDeadlineException;
import dev.toolgate.core.egress.EgressPolicy;
import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.exec.HttpExecutor;
import dev.toolgate.core.render.CallContext;
import dev.toolgate.core.render.RequestRenderer;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolType;
import dev.toolgate.core.voice.ToolSchemas;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs tool calls: parse the arguments, check what every type shares, and hand the call to the runner of its tool
 * type (docs/architecture.md, docs/voice-runtime.md):
 *
 * <ul>
 *   <li>{@code http_request}: {@link HttpRunner} checks the destination, renders, signs and sends under the budget;
 *       after a live success the tool's {@code response_variables} become call variables;</li>
 *   <li>{@code transfer_call}, {@code monitored_transfer}, {@code end_call}, {@code play_tone}:
 *       {@link CallControlRunner} plans the call action for the voice runtime;</li>
 *   <li>{@code extract_variable}: {@link VariableRunner} checks, normalizes and stores the value;</li>
 *   <li>{@code knowledge_base}: {@link KnowledgeRunner} searches the agent's documents.</li>
 * </ul>
 *
 * <p>Arguments: an {@code http_request} tool's are validated against its {@code parameters}, a {@code knowledge_base}
 * tool's against its fixed schema ({@link ToolSchemas#forTool}); the call-control and {@code extract_variable}
 * runners check theirs themselves, so that a wrong destination is replaced by the configured one with a note instead
 * of failing the call. Every run sees the call's stored variables in {@code call.variables} (they win over the
 * runtime's of the same name), so {@code {{vars.NAME}}} renders what earlier tools of the call stored.
 *
 * <p>Budget: a call's budget (an HTTP tool's {@code timeout}, at most the executor's maximum) counts from
 * {@link Invocation#arrivedAtNanos()}. Argument validation stops at the deadline; a call whose budget is spent before
 * the send ends with {@code HTTP_TOOL_TIMEOUT} and sends nothing.
 *
 * <p>Thread-safe: one engine serves every tenant. Compiled argument schemas are cached per tool version
 * (tool id + {@code updated_at}).
 */
public final class ToolEngine {

    /**
     * The footer appended to a body cut at the response cap (docs/request-response.md, "Response cap and
     * truncation").
     */
    public static final String TRUNCATED_FOOTER = "\n[truncated]";

    private final HttpRunner http;
    private final CallControlRunner callControl;
    private final VariableRunner variables;
    private final KnowledgeRunner knowledge;
    private final StoredVariables storedVariables;
    private final ArgumentLimits argumentLimits;
    private final Map<UUID, CompiledSchema> schemas = new ConcurrentHashMap<>();

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

    /** An engine with {@linkplain VoiceServices#defaults() default voice services}; see {@link #withVoice}. */
    public ToolEngine(
            HttpExecutor executor,
            EgressPolicy egress,
            RequestRenderer renderer,
            InstantSource clock,
            EndpointCircuits circuits,
            ArgumentLimits argumentLimits) {
        this(new HttpRunner(executor, egress, renderer, clock, circuits), VoiceServices.defaults(), argumentLimits);
    }

    private ToolEngine(HttpRunner http, VoiceServices voice, ArgumentLimits argumentLimits) {
        this.http = http;
        this.storedVariables =
                new StoredVariables(Objects.requireNonNull(voice, "voice").variables());
        this.argumentLimits = Objects.requireNonNull(argumentLimits, "argumentLimits");
        this.callControl = new CallControlRunner(voice);
        this.variables = new VariableRunner(voice);
        this.knowledge = new KnowledgeRunner(voice.knowledge());
    }

    /**
     * Returns an engine like this one (same executor, egress, renderer, clock, circuits and limits) that runs the
     * non-HTTP tool types with {@code voice}: its call-variable store, tenants' localities and knowledge search.
     */
    public ToolEngine withVoice(VoiceServices voice) {
        return new ToolEngine(http, voice, argumentLimits);
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
     * {@link #parseArguments} (to key duplicate calls, say): the engine then does not parse them a second time.
     *
     * @param parsed what {@link #parseArguments} gave for {@code invocation.rawArguments()}, or null to parse here
     */
    public InvocationOutcome invoke(Invocation invocation, ArgumentParseResult parsed) {
        long start = System.nanoTime();
        if (!invocation.tool().definition().enabled()) {
            ToolError disabled = ToolError.of(
                    ErrorCode.HTTP_TOOL_DISABLED,
                    "The tool '" + invocation.tool().name() + "' is disabled.");
            return Outcomes.unsent(invocation, start, disabled, invocation.rawArguments(), null);
        }
        return run(invocation, start, RunMode.INVOKE, parsed).outcome();
    }

    /**
     * Test-fires a tool (disabled tools too). An {@code http_request} tool's request is rendered and its destination
     * judged; unless {@code dryRun}, it is also sent. The other types run as in a live call, except that call
     * variables are not touched; their outcome is given even for a dry run (nothing of theirs leaves the process).
     */
    public TestFireResult testFire(Invocation invocation, boolean dryRun) {
        return run(invocation, System.nanoTime(), dryRun ? RunMode.DRY_RUN : RunMode.TEST_FIRE, null);
    }

    /**
     * Returns the outcome of a call refused before the pipeline ran (rate limited, circuit open, ...): nothing is
     * sent; the tool's {@code error_hint} replaces the error's hint as for any other failure.
     */
    public InvocationOutcome refuse(Invocation invocation, ToolError error) {
        return Outcomes.unsent(invocation, System.nanoTime(), error, invocation.rawArguments(), null);
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

    /**
     * Returns {@code call} with the call's stored variables added to its {@code variables} (a stored one wins over the
     * runtime's of the same name), when a call of {@code tool} can render one ({@code {{vars.NAME}}} in an
     * {@code http_request} tool's URL, headers or query); otherwise {@code call} itself. A call without an id has none.
     */
    public CallContext withStoredVariables(Tool tool, CallContext call) {
        return StoredVariables.rendersVariables(tool) ? storedVariables.addTo(call) : call;
    }

    /** Returns the text a model gets for {@code error}: {@code {"error": CODE, "message": ..., "hint": ...}}. */
    public static String errorContent(ToolError error) {
        return Outcomes.errorContent(error);
    }

    private TestFireResult run(Invocation given, long start, RunMode mode, ArgumentParseResult parsedBefore) {
        Invocation invocation = given.withCall(withStoredVariables(given.tool(), given.call()));
        Tool tool = invocation.tool();
        Duration budget = http.budget(tool);
        long deadline = invocation.arrivedAtNanos() + budget.toNanos();
        ObjectNode arguments;
        switch (parsedBefore != null ? parsedBefore : parseArguments(invocation.rawArguments())) {
            case ArgumentParseResult.Parsed parsed -> arguments = parsed.arguments();
            case ArgumentParseResult.Invalid invalid -> {
                // arguments past a size or depth limit are not kept, not even in the invocation record
                JsonNode kept = invalid.overLimit() ? null : invocation.rawArguments();
                return new TestFireResult(null, null, Outcomes.unsent(invocation, start, invalid.error(), kept, null));
            }
        }
        ToolType type = tool.definition().type();
        if (type == ToolType.HTTP_REQUEST || type == ToolType.KNOWLEDGE_BASE) {
            ArgumentValidator validator = validator(tool);
            List<ArgumentViolation> violations;
            try {
                violations = validator.validate(arguments, deadline);
            } catch (ValidationDeadlineException e) {
                ToolError spent =
                        HttpRunner.budgetSpent(budget, "while the arguments were checked against the tool's patterns");
                return new TestFireResult(null, null, Outcomes.unsent(invocation, start, spent, arguments, null));
            }
            if (!violations.isEmpty()) {
                ToolError invalid = validator.toError(violations);
                return new TestFireResult(null, null, Outcomes.unsent(invocation, start, invalid, arguments, null));
            }
        }
        TestFireResult result = runner(type).run(new Run(invocation, arguments, start, deadline, budget, mode));
        if (mode == RunMode.INVOKE
                && result.outcome() != null
                && result.outcome().ok()) {
            storedVariables.storeResponseVariables(invocation, result.outcome());
        }
        return result;
    }

    private ToolRunner runner(ToolType type) {
        return switch (type) {
            case HTTP_REQUEST -> http;
            case TRANSFER_CALL, MONITORED_TRANSFER, END_CALL, PLAY_TONE -> callControl;
            case EXTRACT_VARIABLE -> variables;
            case KNOWLEDGE_BASE -> knowledge;
        };
    }

    private ArgumentValidator validator(Tool tool) {
        CompiledSchema cached = schemas.get(tool.id());
        if (cached != null && Objects.equals(cached.version(), tool.updatedAt())) {
            return cached.validator();
        }
        ArgumentValidator validator = ArgumentValidator.compile(ToolSchemas.forTool(tool.definition()));
        schemas.put(tool.id(), new CompiledSchema(tool.updatedAt(), validator));
        return validator;
    }
}
