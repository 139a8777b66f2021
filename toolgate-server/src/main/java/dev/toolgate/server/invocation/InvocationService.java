package dev.toolgate.server.invocation;

import dev.toolgate.core.args.ArgumentParseResult;
import dev.toolgate.core.engine.Invocation;
import dev.toolgate.core.engine.InvocationOutcome;
import dev.toolgate.core.engine.TestFireResult;
import dev.toolgate.core.engine.ToolEngine;
import dev.toolgate.core.render.CallContext;
import dev.toolgate.core.render.IdempotencyKey;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.voice.Speech;
import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.duplicate.DuplicateCalls;
import dev.toolgate.server.ratelimit.RateDecision;
import dev.toolgate.server.ratelimit.TenantRateLimits;
import dev.toolgate.server.tool.ToolStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the invoke, replay and test-fire APIs (docs/api.md), and the tool calls of the MCP server and the voice
 * platforms' adapters ({@link InvocationKind}): finds the tool, applies the rate limits and duplicate-call
 * reuse, calls the engine, and hands the outcome to the {@link InvocationRecorder} (log and metrics) and the
 * {@link InvocationAnswers} that shape the answer.
 */
@Service
public class InvocationService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ToolEngine engine;
    private final ToolStore tools;
    private final TenantRateLimits rateLimits;
    private final DuplicateCalls<InvocationOut> duplicates;
    private final InvocationRecorder recorder;
    private final Duration defaultDuplicateWindow;

    InvocationService(
            ToolEngine engine,
            ToolStore tools,
            TenantRateLimits rateLimits,
            DuplicateCalls<InvocationOut> duplicates,
            InvocationRecorder recorder,
            ToolgateProperties properties) {
        this.engine = engine;
        this.tools = tools;
        this.rateLimits = rateLimits;
        this.duplicates = duplicates;
        this.recorder = recorder;
        this.defaultDuplicateWindow = properties.duplicates().defaultWindow();
    }

    /**
     * One tool call from the voice runtime through the invoke API ({@link InvocationKind#INVOKE}): see
     * {@link #invoke(InvocationKind, UUID, ToolCall, CallContext, long)}.
     *
     * @param toolName the function name the model called
     * @param arguments the model's arguments: an object, a JSON string, or null
     * @param toolCallId the model's tool-call id, or null
     * @param call the live call
     * @param arrivedAtNanos when the request arrived ({@link System#nanoTime()}); the call's budget counts from it
     * @return the invoke API's answer
     */
    public InvocationOut invoke(
            UUID agentId,
            String toolName,
            JsonNode arguments,
            String toolCallId,
            CallContext call,
            long arrivedAtNanos) {
        return invoke(
                InvocationKind.INVOKE, agentId, new ToolCall(toolName, arguments, toolCallId), call, arrivedAtNanos);
    }

    /**
     * One tool call of a model, from any front door (the invoke API, MCP, a voice platform's adapter): rate
     * limits, duplicate-call reuse, the engine, the invocation log (recorded with {@code kind}). Every front door
     * gets the same answer for the same call.
     *
     * @param kind where the call came from; the invocation-log record's {@code kind}
     * @param agentId the agent whose tool is called, already checked to belong to {@code call}'s tenant
     * @param toolCall the function name, the arguments and the caller's tool-call id
     * @param call the live call
     * @param arrivedAtNanos when the request arrived ({@link System#nanoTime()}); the call's budget counts from it
     * @return the answer; a tool failure is an answer with {@code status: error}, never an exception
     */
    public InvocationOut invoke(
            InvocationKind kind, UUID agentId, ToolCall toolCall, CallContext call, long arrivedAtNanos) {
        String toolName = toolCall.name();
        JsonNode arguments = toolCall.arguments();
        String toolCallId = toolCall.id();
        Tool tool = tools.findByName(call.tenantId(), agentId, toolName).orElse(null);
        if (tool == null) {
            Instant startedAt = Instant.now();
            InvocationOutcome outcome = engine.notFound(InvocationIds.nextText(), toolName, arguments, toolCallId);
            recorder.record(call, agentId, null, toolName, kind.wireName(), outcome, startedAt, null);
            return InvocationOut.of(outcome, null);
        }
        // Parse once: the duplicate-call key and the engine both need the object (a JSON string is parsed here).
        // Arguments that do not parse (or break a size limit) fail in the engine and are never a duplicate-call key.
        ArgumentParseResult parse = engine.parseArguments(arguments);
        JsonNode parsedArguments = parse instanceof ArgumentParseResult.Parsed parsed ? parsed.arguments() : arguments;
        // the key covers the call's stored variables too: a repeat after an extract_variable changed them runs again
        String key = parse instanceof ArgumentParseResult.Parsed
                ? duplicateKey(tool, parsedArguments, engine.withStoredVariables(tool, call))
                : null;
        if (key == null) {
            return fresh(kind, tool, parsedArguments, parse, toolCallId, call, null, arrivedAtNanos)
                    .response();
        }
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        return switch (duplicates.serve(
                key,
                duplicateWindow(tool),
                () -> fresh(kind, tool, parsedArguments, parse, toolCallId, call, null, arrivedAtNanos))) {
            case DuplicateCalls.Ran<InvocationOut> ran -> ran.fresh().response();
            case DuplicateCalls.Reused<InvocationOut> reused -> {
                InvocationOut answer = reused.response()
                        .asRepeat(
                                InvocationIds.nextText(),
                                toolCallId,
                                InvocationOut.millis((System.nanoTime() - start) / 1000),
                                reused.originalInvocationId());
                recorder.recordRepeat(kind, tool, call, answer, parsedArguments, startedAt, System.nanoTime() - start);
                yield answer;
            }
        };
    }

    /**
     * The tool calls of one model turn (an OpenAI assistant message's, a Vapi message's), run concurrently on
     * virtual threads and answered in their order; they share the request's budget.
     *
     * @param kind where the calls came from; each one's invocation-log record's {@code kind}
     * @param calls the tool calls, at most {@link ToolCallsIn#MAX_TOOL_CALLS}
     * @param call the live call
     * @param arrivedAtNanos when the request arrived ({@link System#nanoTime()}); every call's budget counts from it
     * @return one answer per call, in order; a tool failure is an answer with {@code status: error}
     * @throws IllegalStateException if the thread is interrupted or a call fails outside the engine's error values
     */
    public List<InvocationOut> invokeAll(
            InvocationKind kind, UUID agentId, List<ToolCall> calls, CallContext call, long arrivedAtNanos) {
        if (calls.size() == 1) {
            return List.of(invoke(kind, agentId, calls.getFirst(), call, arrivedAtNanos));
        }
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<InvocationOut>> futures = new ArrayList<>(calls.size());
            for (ToolCall toolCall : calls) {
                futures.add(executor.submit(() -> invoke(kind, agentId, toolCall, call, arrivedAtNanos)));
            }
            List<InvocationOut> results = new ArrayList<>(calls.size());
            for (Future<InvocationOut> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running tool calls", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a tool call failed unexpectedly", e.getCause());
        }
    }

    /**
     * What the voice runtime says around a call of {@code toolName}, known before it runs ({@link Speech#of}); empty
     * when the agent has no such tool.
     */
    public Optional<Speech> speech(UUID tenantId, UUID agentId, String toolName) {
        return tools.findByName(tenantId, agentId, toolName)
                .map(tool -> Speech.of(tool.definition().config()));
    }

    /**
     * Runs a logged invocation again: same tool, same arguments, same call context, as a new invocation linked to
     * the original ({@code replay_of}). Never served from the duplicate-call cache.
     */
    public InvocationOut replay(InvocationRecord original, Tool tool, long arrivedAtNanos) {
        JsonNode arguments = original.argumentsJson() == null ? null : JSON.readTree(original.argumentsJson());
        return fresh(
                        InvocationKind.INVOKE,
                        tool,
                        arguments,
                        null,
                        original.toolCallId(),
                        CallJson.of(original, tool),
                        original.id(),
                        arrivedAtNanos)
                .response();
    }

    /**
     * A test fire of {@code tool} (works on disabled tools), in the tenant's test-fire bucket.
     *
     * @param dryRun when true, render and judge the destination but send nothing
     * @param arrivedAtNanos when the request arrived ({@link System#nanoTime()}); the budget counts from it
     * @return the rendered request, the egress verdict and the answer
     */
    public TestFireOut testFire(Tool tool, JsonNode arguments, CallContext call, boolean dryRun, long arrivedAtNanos) {
        Instant startedAt = Instant.now();
        Invocation invocation = Invocation.builder(InvocationIds.nextText(), tool, call)
                .signingSecrets(tools.activeSigningSecrets(tool.id()))
                .rawArguments(arguments)
                .arrivedAtNanos(arrivedAtNanos)
                .build();
        RateDecision decision = rateLimits.acquireTestFire(call.tenantId());
        TestFireResult result = decision.allowed()
                ? engine.testFire(invocation, dryRun)
                : new TestFireResult(null, null, engine.refuse(invocation, decision.refusal()));
        if (result.outcome() != null) {
            recorder.record(
                    call,
                    tool.agentId(),
                    tool,
                    tool.name(),
                    InvocationKind.TEST_FIRE.wireName(),
                    result.outcome(),
                    startedAt,
                    null);
        }
        return TestFireOut.of(result, dryRun);
    }

    /**
     * Runs one call through the engine and records it.
     *
     * @param parse what {@link ToolEngine#parseArguments} gave for {@code arguments}, or null to let the engine parse
     */
    private DuplicateCalls.Fresh<InvocationOut> fresh(
            InvocationKind kind,
            Tool tool,
            JsonNode arguments,
            ArgumentParseResult parse,
            String toolCallId,
            CallContext call,
            UUID replayOf,
            long arrivedAtNanos) {
        String invocationId = InvocationIds.nextText();
        Instant startedAt = Instant.now();
        Invocation invocation = Invocation.builder(invocationId, tool, call)
                .signingSecrets(tools.activeSigningSecrets(tool.id()))
                .rawArguments(arguments)
                .toolCallId(toolCallId)
                .arrivedAtNanos(arrivedAtNanos)
                .build();
        RateDecision decision = rateLimits.acquireInvocation(call.tenantId(), tool.id());
        InvocationOutcome outcome =
                decision.allowed() ? engine.invoke(invocation, parse) : engine.refuse(invocation, decision.refusal());
        recorder.record(call, tool.agentId(), tool, tool.name(), kind.wireName(), outcome, startedAt, replayOf);
        boolean reusable = outcome.ok() || outcome.error().code().reusable();
        return new DuplicateCalls.Fresh<>(invocationId, InvocationOut.of(outcome, replayOf), reusable);
    }

    /**
     * The duplicate-call identity of this call, or null when repeats are not reused for it: the request's
     * {@code Idempotency-Key}, so only a call that would render the same request (same tool version, call, caller
     * number, call variables and arguments) is served another call's answer.
     */
    private static String duplicateKey(Tool tool, JsonNode arguments, CallContext call) {
        if (call.callId().isEmpty()
                || !(tool.definition().config() instanceof HttpRequestConfig)
                || !tool.definition().enabled()) {
            return null;
        }
        return arguments != null && arguments.isObject() ? IdempotencyKey.of(tool, call, arguments) : null;
    }

    private Duration duplicateWindow(Tool tool) {
        Duration window = tool.definition().config() instanceof HttpRequestConfig http ? http.duplicateWindow() : null;
        return window == null ? defaultDuplicateWindow : window;
    }
}
