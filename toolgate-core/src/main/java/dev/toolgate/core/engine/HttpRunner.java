package dev.toolgate.core.engine;

import dev.toolgate.core.egress.EgressDecision;
import dev.toolgate.core.egress.EgressPolicy;
import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.exec.ExecutionResult;
import dev.toolgate.core.exec.HttpExecutor;
import dev.toolgate.core.render.RenderException;
import dev.toolgate.core.render.RenderedRequest;
import dev.toolgate.core.render.RequestRenderer;
import dev.toolgate.core.signing.RequestSigner;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.UrlTemplate;
import dev.toolgate.core.voice.Speech;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs an {@code http_request} tool call: check the destination, render, sign, consult the endpoint's circuit, send
 * under what is left of the budget, and shape the answer (docs/architecture.md, "The pipeline"). Everything before
 * the send is CPU work and fails fast; a dry run stops after signing. Thread-safe.
 */
final class HttpRunner implements ToolRunner {

    /** Less budget than this left at the send is none: the request is not started (1 ms). */
    private static final long MIN_SEND_NANOS = 1_000_000;

    private final HttpExecutor executor;
    private final EgressPolicy egress;
    private final RequestRenderer renderer;
    private final InstantSource clock;
    private final EndpointCircuits circuits;

    /**
     * @param executor sends rendered requests (shared connection pool, budget and cap)
     * @param egress the egress policy; used here for the pre-flight URL check and test-fire decisions
     * @param renderer renders tool + arguments + call into a request
     * @param clock the source of request timestamps
     * @param circuits the per-endpoint circuit breakers consulted before each send
     */
    HttpRunner(
            HttpExecutor executor,
            EgressPolicy egress,
            RequestRenderer renderer,
            InstantSource clock,
            EndpointCircuits circuits) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.egress = Objects.requireNonNull(egress, "egress");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.circuits = Objects.requireNonNull(circuits, "circuits");
    }

    /** The budget of one call of {@code tool}: an HTTP tool's {@code timeout}, at most the executor's maximum. */
    Duration budget(Tool tool) {
        Duration max = executor.config().maxBudget();
        if (tool.definition().config() instanceof HttpRequestConfig config
                && config.timeout().compareTo(max) < 0) {
            return config.timeout();
        }
        return max;
    }

    @Override
    public TestFireResult run(Run run) {
        Invocation invocation = run.invocation();
        Tool tool = run.tool();
        HttpRequestConfig config = (HttpRequestConfig) tool.definition().config();
        long start = run.startNanos();
        EgressDecision preflight = egress.checkUrl(UrlTemplate.skeleton(config.url()));
        if (!preflight.allowed()) {
            ToolError blocked = ToolError.of(ErrorCode.HTTP_TOOL_BLOCKED_DESTINATION, preflight.reason());
            return new TestFireResult(
                    null, preflight, Outcomes.unsent(invocation, start, blocked, run.arguments(), null));
        }
        Instant now = clock.instant();
        RenderedRequest request;
        try {
            request = renderer.render(tool, run.arguments(), invocation.call(), invocation.invocationId(), now);
            request = RequestSigner.sign(
                    request,
                    config.signatureScheme(),
                    invocation.signingSecrets(),
                    now.getEpochSecond(),
                    invocation.invocationId());
        } catch (RenderException e) {
            return new TestFireResult(
                    null, preflight, Outcomes.unsent(invocation, start, e.error(), run.arguments(), null));
        }
        if (run.mode() == RunMode.DRY_RUN) {
            return new TestFireResult(request, egress.decide(request.url().toString()), null);
        }
        EgressDecision decision = run.mode() == RunMode.INVOKE
                ? null
                : egress.decide(request.url().toString());
        return new TestFireResult(request, decision, send(run, config, request));
    }

    private InvocationOutcome send(Run run, HttpRequestConfig config, RenderedRequest request) {
        Invocation invocation = run.invocation();
        long start = run.startNanos();
        long remaining = run.deadlineNanos() - System.nanoTime();
        if (remaining < MIN_SEND_NANOS) {
            ToolError spent = budgetSpent(run.budget(), "before the request could be sent");
            return Outcomes.unsent(invocation, start, spent, run.arguments(), request);
        }
        String endpoint = request.url().host() + ":" + request.url().port();
        EndpointCircuits.Permit permit = circuits.tryAcquire(run.tool().tenantId(), endpoint);
        if (permit == null) {
            ToolError open = ToolError.of(
                    ErrorCode.HTTP_TOOL_CIRCUIT_OPEN,
                    "Calls to " + endpoint + " are paused for a short while after repeated failures; nothing was"
                            + " sent.");
            return Outcomes.unsent(invocation, start, open, run.arguments(), request);
        }
        long sendStart = System.nanoTime();
        ExecutionResult result = executor.execute(
                request,
                Duration.ofNanos(remaining),
                config.maxResponseBytes(),
                run.invocation().tool().tenantId().toString());
        // Time spent waiting for a connection is the gateway's, not the endpoint's.
        long sentWith =
                remaining - TimeUnit.MICROSECONDS.toNanos(result.timings().waitMicros());
        permit.complete(circuitResult(result, sentWith, run.budget().toNanos()), System.nanoTime() - sendStart);
        return switch (result) {
            case ExecutionResult.Success success ->
                InvocationOutcome.builder(invocation.invocationId(), invocation.toolCallId())
                        .content(success.truncated() ? success.body() + ToolEngine.TRUNCATED_FOOTER : success.body())
                        .httpStatus(success.httpStatus())
                        .truncated(success.truncated())
                        .durationMicros(Outcomes.micros(start))
                        .speech(Speech.of(config))
                        .arguments(run.arguments())
                        .request(request)
                        .timings(success.timings())
                        .responseBody(success.body())
                        .build();
            case ExecutionResult.Failure failure ->
                Outcomes.failure(
                        invocation,
                        start,
                        failure.error(),
                        run.arguments(),
                        request,
                        new Outcomes.Sent(
                                failure.timings(), failure.httpStatus(), failure.body(), failure.truncated()));
        };
    }

    /** An {@code HTTP_TOOL_TIMEOUT} for a budget spent before the send; {@code when} says at which step. */
    static ToolError budgetSpent(Duration budget, String when) {
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
}
