package dev.toolgate.server.invocation;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.server.api.ApiException;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Which invocations of an agent to list (the REST API's {@code GET /v1/agents/{id}/invocations} and the console's
 * invocation log); every part is optional (null: no condition) and all present parts must hold.
 *
 * @param toolName only this tool name
 * @param outcome conditions on how the invocation ended
 * @param call conditions on the call it belonged to
 * @param since only records created at or after this instant
 * @param until only records created before this instant
 */
public record InvocationFilter(String toolName, Outcome outcome, Call call, Instant since, Instant until) {

    /** No condition: every invocation of the agent. */
    public static final InvocationFilter ALL = new InvocationFilter(null, Outcome.ANY, Call.ANY, null, null);

    /** The form of an {@code Idempotency-Key} Toolgate sends: 64 lower-case hex characters (docs/signing.md). */
    public static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[0-9a-f]{64}$");

    public InvocationFilter {
        outcome = outcome == null ? Outcome.ANY : outcome;
        call = call == null ? Call.ANY : call;
    }

    /**
     * Conditions on how an invocation ended.
     *
     * @param status {@code ok} or {@code error}
     * @param errorCode a tool error code ({@link ErrorCode}, docs/errors.md)
     * @param httpStatusClass the first digit of the endpoint's HTTP status, 1..5 (2 for 2xx)
     * @param minDurationMs only invocations that took longer than this many milliseconds
     */
    public record Outcome(String status, String errorCode, Integer httpStatusClass, Double minDurationMs) {

        /** No condition on the outcome. */
        public static final Outcome ANY = new Outcome(null, null, null, null);

        /**
         * Checks the values.
         *
         * @throws ApiException 400 {@code invalid_parameter} naming the parameter ({@code status}, {@code error_code},
         *     {@code http_status_class}, {@code min_duration_ms}) whose value is not allowed
         */
        public Outcome {
            if (status != null && !status.equals("ok") && !status.equals("error")) {
                throw ApiException.invalidParameter("status", "status must be 'ok' or 'error'");
            }
            if (errorCode != null) {
                try {
                    ErrorCode.valueOf(errorCode);
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalidParameter(
                            "error_code", "error_code must be a tool error code such as HTTP_TOOL_TIMEOUT");
                }
            }
            if (httpStatusClass != null && (httpStatusClass < 1 || httpStatusClass > 5)) {
                throw ApiException.invalidParameter(
                        "http_status_class", "http_status_class must be 1 to 5 (the first digit of the status)");
            }
            if (minDurationMs != null && (minDurationMs.isNaN() || minDurationMs < 0)) {
                throw ApiException.invalidParameter("min_duration_ms", "min_duration_ms must be 0 or more");
            }
        }
    }

    /**
     * Conditions on the call an invocation belonged to.
     *
     * @param callId the voice call's id, exactly
     * @param idempotencyKey the {@code Idempotency-Key} the rendered request carried ({@link #IDEMPOTENCY_KEY})
     */
    public record Call(String callId, String idempotencyKey) {

        /** No condition on the call. */
        public static final Call ANY = new Call(null, null);

        /**
         * Checks the values.
         *
         * @throws ApiException 400 {@code invalid_parameter} at {@code idempotency_key} when it is not 64 lower-case
         *     hex characters
         */
        public Call {
            if (idempotencyKey != null
                    && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
                throw ApiException.invalidParameter(
                        "idempotency_key", "idempotency_key must be the 64 lower-case hex characters Toolgate sent");
            }
        }
    }
}
