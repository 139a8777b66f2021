package dev.toolgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.exec.ExecutionResult;
import dev.toolgate.core.exec.PhaseTimings;
import org.junit.jupiter.api.Test;

/** What the engine tells an endpoint's circuit breaker about a call, read from {@link ErrorCode#endpointVerdict()}. */
class CircuitResultTest {

    private static final long BUDGET = 10_000_000_000L;

    private static EndpointCircuits.CallResult after(ErrorCode code, int httpStatus) {
        return after(code, httpStatus, BUDGET);
    }

    private static EndpointCircuits.CallResult after(ErrorCode code, int httpStatus, long givenNanos) {
        return HttpRunner.circuitResult(
                new ExecutionResult.Failure(ToolError.of(code), httpStatus, null, false, PhaseTimings.NONE),
                givenNanos,
                BUDGET);
    }

    @Test
    void aTimeoutCountsAgainstTheEndpointOnlyWhenItHadHalfTheBudget() {
        assertThat(after(ErrorCode.HTTP_TOOL_TIMEOUT, 0, BUDGET)).isEqualTo(EndpointCircuits.CallResult.FAILURE);
        assertThat(after(ErrorCode.HTTP_TOOL_TIMEOUT, 0, BUDGET / 2)).isEqualTo(EndpointCircuits.CallResult.FAILURE);
        // the call waited inside Toolgate for most of its budget: the endpoint had 1 s of 10
        assertThat(after(ErrorCode.HTTP_TOOL_TIMEOUT, 0, BUDGET / 10)).isEqualTo(EndpointCircuits.CallResult.IGNORED);
        // other failures count however little time was left
        assertThat(after(ErrorCode.HTTP_TOOL_CONNECT_ERROR, 0, BUDGET / 10))
                .isEqualTo(EndpointCircuits.CallResult.FAILURE);
    }

    @Test
    void aRedirectIsAnEndpointFailureLikeAnUnreachableEndpoint() {
        assertThat(after(ErrorCode.HTTP_TOOL_REDIRECT, 301)).isEqualTo(EndpointCircuits.CallResult.FAILURE);
        assertThat(after(ErrorCode.HTTP_TOOL_CONNECT_ERROR, 0)).isEqualTo(EndpointCircuits.CallResult.FAILURE);
        assertThat(after(ErrorCode.HTTP_TOOL_BINARY_RESPONSE, 200)).isEqualTo(EndpointCircuits.CallResult.FAILURE);
    }

    @Test
    void aServerErrorFailsTheEndpointAndAClientErrorIsASoundAnswer() {
        assertThat(after(ErrorCode.HTTP_TOOL_CUSTOMER_ERROR, 503)).isEqualTo(EndpointCircuits.CallResult.FAILURE);
        assertThat(after(ErrorCode.HTTP_TOOL_CUSTOMER_ERROR, 404)).isEqualTo(EndpointCircuits.CallResult.SUCCESS);
    }

    @Test
    void failuresBeforeTheEndpointWasReachedAreNotCounted() {
        assertThat(after(ErrorCode.HTTP_TOOL_BLOCKED_DESTINATION, 0)).isEqualTo(EndpointCircuits.CallResult.IGNORED);
        assertThat(after(ErrorCode.HTTP_TOOL_INTERNAL, 0)).isEqualTo(EndpointCircuits.CallResult.IGNORED);
    }
}
