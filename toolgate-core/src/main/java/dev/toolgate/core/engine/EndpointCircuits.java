package dev.toolgate.core.engine;

import java.util.UUID;

/**
 * Circuit breakers per tenant endpoint, consulted by {@link ToolEngine} right before it sends: when an endpoint
 * keeps failing, calls to it fail at once with {@code HTTP_TOOL_CIRCUIT_OPEN} instead of burning a caller's budget.
 * The server implements this with Resilience4j; {@link #NONE} never opens.
 *
 * <p>Implementations must be thread-safe and fast (no I/O): they sit on every call's path.
 */
public interface EndpointCircuits {

    /** Circuits that are always closed. */
    EndpointCircuits NONE = (tenantId, endpoint) -> (result, durationNanos) -> {};

    /**
     * Asks to send one request.
     *
     * @param tenantId the tool's tenant (circuits are per tenant, so one tenant's failures never pause another's calls)
     * @param endpoint the endpoint as {@code host:port}
     * @return a permit to send, which must be completed with {@link Permit#complete}; or null when the circuit is open
     */
    Permit tryAcquire(UUID tenantId, String endpoint);

    /** How a permitted call went, as far as the endpoint's health is concerned. */
    enum CallResult {
        /** The endpoint answered (2xx, 3xx or 4xx): it is up. */
        SUCCESS,
        /** The endpoint failed: timeout, connect, TLS or DNS error, or a 5xx. */
        FAILURE,
        /** Nothing about the endpoint was learnt (e.g. the destination was refused before connecting). */
        IGNORED
    }

    /** One permitted call. */
    interface Permit {
        /**
         * Reports how the call went.
         *
         * @param result success, failure, or nothing learnt
         * @param durationNanos how long the call took, in nanoseconds
         */
        void complete(CallResult result, long durationNanos);
    }
}
