package dev.toolgate.core.exec;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.render.RenderedRequest;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One call of {@link HttpExecutor}, run on its own virtual thread: send, read the body up to the cap, classify the
 * answer (a 3xx is a redirect error, a 2xx with binary content or bytes that are not text an error, any other non-2xx
 * the endpoint's error). {@link #run()} never throws: every failure is an {@link ExecutionResult.Failure}.
 *
 * @param call the OkHttp call, not yet executed
 * @param phases the call's phase listener, for the timings
 * @param request the request as rendered, for error messages
 * @param budget the call's whole budget
 * @param cap the most response bytes read
 * @param start when the call started, on the {@link System#nanoTime()} scale
 */
record Exchange(Call call, PhaseListener phases, RenderedRequest request, Duration budget, int cap, long start) {

    /** Sends the request and returns its classified result; never throws. */
    ExecutionResult run() {
        try (Response response = call.execute()) {
            return classify(response);
        } catch (IOException | RuntimeException e) {
            boolean deadlinePassed = System.nanoTime() - start >= budget.toNanos();
            ToolError error = FailureMapper.map(e, request.url(), budget, deadlinePassed, phases.connectionAcquired());
            return new ExecutionResult.Failure(error, 0, null, false, phases.timings(System.nanoTime()));
        } finally {
            phases.endPass();
        }
    }

    private ExecutionResult classify(Response response) throws IOException {
        int status = response.code();
        String contentType = response.header("Content-Type");
        ResponseText.Kind kind = ResponseText.classify(contentType, response.header("Content-Encoding"));
        if (status >= 300 && status < 400) {
            return failure(
                    ToolError.of(
                            ErrorCode.HTTP_TOOL_REDIRECT,
                            "The endpoint answered HTTP " + status + ", a redirect, which is not followed."),
                    status,
                    null,
                    false);
        }
        boolean success = status >= 200 && status < 300;
        if (success && kind == ResponseText.Kind.BINARY) {
            return binary(status, contentType);
        }
        ResponseText.Capped body = null;
        String text = null;
        if (kind != ResponseText.Kind.BINARY) {
            ResponseBody responseBody = response.body();
            body = ResponseText.readCapped(responseBody.source(), cap);
            text = ResponseText.text(contentType, body);
        }
        if (success) {
            return text == null
                    ? notText(status, contentType)
                    : new ExecutionResult.Success(status, contentType, text, body.truncated(), timings());
        }
        return failure(
                ToolError.of(ErrorCode.HTTP_TOOL_CUSTOMER_ERROR, "The endpoint answered HTTP " + status + "."),
                status,
                text,
                text != null && body.truncated());
    }

    /** A 2xx answer whose bytes are not text, whatever its content type claims. */
    private ExecutionResult notText(int status, String contentType) {
        return failure(
                ToolError.of(
                        ErrorCode.HTTP_TOOL_BINARY_RESPONSE,
                        "The endpoint answered with bytes that are not text (" + ResponseText.describe(contentType)
                                + "; invalid in its charset, or holding NUL bytes), which the assistant cannot"
                                + " read."),
                status,
                null,
                false);
    }

    private ExecutionResult binary(int status, String contentType) {
        return failure(
                ToolError.of(
                        ErrorCode.HTTP_TOOL_BINARY_RESPONSE,
                        "The endpoint answered with binary content (" + ResponseText.describe(contentType)
                                + "), which the assistant cannot read."),
                status,
                null,
                false);
    }

    private ExecutionResult failure(ToolError error, int status, String body, boolean truncated) {
        return new ExecutionResult.Failure(error, status, body, truncated, timings());
    }

    private PhaseTimings timings() {
        return phases.timings(System.nanoTime());
    }
}
