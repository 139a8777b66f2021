package dev.toolgate.core.error;

/**
 * The closed set of failure codes a tool call can end in, as listed in docs/errors.md.
 *
 * <p>Each code carries a default {@linkplain #defaultMessage() message} (what went wrong, for the
 * model and the operator) and a default {@linkplain #defaultHint() hint} (what the model should say
 * or do next). A tool's {@code error_hint} replaces the hint. The same texts, with cause and fix,
 * are listed in {@code docs/errors.md}; a test keeps the two in step.
 */
public enum ErrorCode {
    /** The model's arguments are not valid JSON or do not match the tool's JSON Schema. Nothing was sent. */
    HTTP_TOOL_INVALID_ARGS(
            "The arguments do not match the tool's parameters.",
            "Check the arguments against the tool's parameters, ask the caller for anything missing, then call the tool again."),
    /** No tool with that name exists for the agent. */
    HTTP_TOOL_NOT_FOUND(
            "No tool with that name exists for this agent.",
            "Do not call this tool again; continue the conversation without it."),
    /** The tool exists but is disabled. */
    HTTP_TOOL_DISABLED(
            "The tool is disabled.", "Do not call this tool again; tell the caller you cannot do that right now."),
    /** A rate limit (tenant, tool or test-fire bucket) refused the call. Nothing was sent. */
    HTTP_TOOL_RATE_LIMITED(
            "Too many calls to this tool right now.",
            "Wait a moment before trying again, and tell the caller it will take a little longer."),
    /** The egress policy refused the destination (scheme, URL form or address). Nothing was sent. */
    HTTP_TOOL_BLOCKED_DESTINATION(
            "The tool's endpoint is not an allowed destination.",
            "Do not retry; apologise and offer the caller another way to get help."),
    /** The endpoint's host name could not be resolved. */
    HTTP_TOOL_DNS_ERROR(
            "The tool's endpoint host name could not be resolved.",
            "Apologise, say the system is unavailable, and offer a callback."),
    /** The TCP connection to the endpoint failed (refused, reset, unreachable). */
    HTTP_TOOL_CONNECT_ERROR(
            "The tool's endpoint could not be reached.",
            "Apologise, say the system is unavailable, and offer a callback."),
    /** The TLS handshake failed (untrusted or expired certificate, wrong host name, protocol mismatch). */
    HTTP_TOOL_TLS_ERROR(
            "A secure connection to the tool's endpoint could not be established.",
            "Apologise, say the system is unavailable, and offer a callback."),
    /** The total time budget (DNS, connect, TLS, request and response) ran out. */
    HTTP_TOOL_TIMEOUT(
            "The tool's endpoint did not answer in time.",
            "Apologise for the delay; you may try once more, otherwise offer a callback."),
    /**
     * The tenant already had as many calls in flight to this HTTP/1.1 endpoint as it may
     * ({@code toolgate.egress.max-connections-per-endpoint}), and none finished within the budget; nothing was sent.
     */
    HTTP_TOOL_ENDPOINT_BUSY(
            "The tool's endpoint is busy with other calls and did not take this one in time.",
            "Apologise for the delay; you may try once more, otherwise offer a callback."),
    /** The endpoint answered with a 3xx; redirects are never followed. */
    HTTP_TOOL_REDIRECT(
            "The tool's endpoint answered with a redirect, which is not followed.",
            "Apologise, say the system is unavailable, and offer a callback."),
    /** The endpoint answered with a 4xx or 5xx status. */
    HTTP_TOOL_CUSTOMER_ERROR(
            "The tool's endpoint answered with an error.",
            "Apologise and offer the caller another way to get help, or a callback."),
    /** The endpoint answered 2xx with a binary content type, which a model cannot read. */
    HTTP_TOOL_BINARY_RESPONSE(
            "The tool's endpoint answered with binary content the assistant cannot read.",
            "Apologise, say the system is unavailable, and offer a callback."),
    /** The endpoint's circuit breaker is open after repeated failures; nothing was sent. */
    HTTP_TOOL_CIRCUIT_OPEN(
            "The tool's endpoint is failing repeatedly and is paused for a short while.",
            "Apologise, say the system is unavailable, and offer a callback."),
    /** A {@code knowledge_base} tool's search could not run (the index is unavailable). Nothing was found or not. */
    HTTP_TOOL_KNOWLEDGE_UNAVAILABLE(
            "The knowledge base cannot be searched right now.",
            "Tell the caller you cannot look that up at the moment, and offer a callback or another way to help."),
    /** An unexpected fault inside Toolgate. Details are in the server log, never in this text. */
    HTTP_TOOL_INTERNAL(
            "An internal error occurred while calling the tool.",
            "Apologise, say the system is unavailable, and offer a callback.");

    private final String defaultMessage;
    private final String defaultHint;

    ErrorCode(String defaultMessage, String defaultHint) {
        this.defaultMessage = defaultMessage;
        this.defaultHint = defaultHint;
    }

    /** Returns the one-sentence description used when no more specific message is known. */
    public String defaultMessage() {
        return defaultMessage;
    }

    /** Returns the recovery hint given to the model when the tool sets no {@code error_hint}. */
    public String defaultHint() {
        return defaultHint;
    }

    /**
     * What a call that ended in this code says about the endpoint, for the endpoint's circuit breaker: whether the
     * endpoint (or the way to it) failed. A 3xx and a binary 2xx are the endpoint's misconfiguration and count as
     * failures, like an unreachable endpoint; a 4xx is a sound answer to a bad request. See {@code docs/errors.md}.
     */
    public EndpointVerdict endpointVerdict() {
        return switch (this) {
            case HTTP_TOOL_TIMEOUT,
                    HTTP_TOOL_CONNECT_ERROR,
                    HTTP_TOOL_TLS_ERROR,
                    HTTP_TOOL_DNS_ERROR,
                    HTTP_TOOL_REDIRECT,
                    HTTP_TOOL_BINARY_RESPONSE -> EndpointVerdict.FAILED;
            case HTTP_TOOL_CUSTOMER_ERROR -> EndpointVerdict.FAILED_IF_SERVER_ERROR;
            case HTTP_TOOL_INVALID_ARGS,
                    HTTP_TOOL_NOT_FOUND,
                    HTTP_TOOL_DISABLED,
                    HTTP_TOOL_RATE_LIMITED,
                    HTTP_TOOL_BLOCKED_DESTINATION,
                    HTTP_TOOL_CIRCUIT_OPEN,
                    HTTP_TOOL_ENDPOINT_BUSY,
                    HTTP_TOOL_KNOWLEDGE_UNAVAILABLE,
                    HTTP_TOOL_INTERNAL -> EndpointVerdict.NOT_JUDGED;
        };
    }

    /**
     * Whether a repeat of the same call within the duplicate window may be served this failure instead of running
     * again. False for failures that say nothing about the endpoint's answer and may be gone a moment later (a rate
     * limit, an open circuit, an internal fault, a disabled or missing tool).
     */
    public boolean reusable() {
        return switch (this) {
            case HTTP_TOOL_RATE_LIMITED,
                    HTTP_TOOL_CIRCUIT_OPEN,
                    HTTP_TOOL_ENDPOINT_BUSY,
                    HTTP_TOOL_INTERNAL,
                    HTTP_TOOL_KNOWLEDGE_UNAVAILABLE,
                    HTTP_TOOL_DISABLED,
                    HTTP_TOOL_NOT_FOUND -> false;
            case HTTP_TOOL_INVALID_ARGS,
                    HTTP_TOOL_BLOCKED_DESTINATION,
                    HTTP_TOOL_DNS_ERROR,
                    HTTP_TOOL_CONNECT_ERROR,
                    HTTP_TOOL_TLS_ERROR,
                    HTTP_TOOL_TIMEOUT,
                    HTTP_TOOL_REDIRECT,
                    HTTP_TOOL_CUSTOMER_ERROR,
                    HTTP_TOOL_BINARY_RESPONSE -> true;
        };
    }

    /**
     * Whether this failure counts against the tool's health ({@code error_rate} of the tool-health API): a failure
     * of the endpoint or the way to it, any status it answered with included, and an open circuit. The model's
     * invalid arguments, refusals by Toolgate and internal faults do not count.
     */
    public boolean endpointError() {
        return switch (this) {
            case HTTP_TOOL_CUSTOMER_ERROR,
                    HTTP_TOOL_TIMEOUT,
                    HTTP_TOOL_CONNECT_ERROR,
                    HTTP_TOOL_TLS_ERROR,
                    HTTP_TOOL_DNS_ERROR,
                    HTTP_TOOL_REDIRECT,
                    HTTP_TOOL_BINARY_RESPONSE,
                    HTTP_TOOL_ENDPOINT_BUSY,
                    HTTP_TOOL_CIRCUIT_OPEN -> true;
            case HTTP_TOOL_INVALID_ARGS,
                    HTTP_TOOL_NOT_FOUND,
                    HTTP_TOOL_DISABLED,
                    HTTP_TOOL_RATE_LIMITED,
                    HTTP_TOOL_BLOCKED_DESTINATION,
                    HTTP_TOOL_KNOWLEDGE_UNAVAILABLE,
                    HTTP_TOOL_INTERNAL -> false;
        };
    }

    /** What a failed call says about its endpoint, for the endpoint's circuit breaker. */
    public enum EndpointVerdict {
        /** The endpoint failed: counts as a failure. */
        FAILED,
        /** The endpoint answered an error status: a failure for a 5xx, a sound answer for a 4xx. */
        FAILED_IF_SERVER_ERROR,
        /** The call never judged the endpoint (refused or failed before it was reached): not counted. */
        NOT_JUDGED
    }
}
