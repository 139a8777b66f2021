package dev.toolgate.core.exec;

/**
 * How long each phase of one outbound call took, in microseconds; {@code -1} when the phase did not happen
 * (e.g. no DNS, connect or TLS on a pooled connection, no first byte after a failure).
 *
 * @param dnsMicros name resolution
 * @param connectMicros TCP connect, TLS included
 * @param tlsMicros the TLS handshake alone
 * @param firstByteMicros from the start of the call until the response headers arrived
 * @param totalMicros the whole call, body read included
 * @param waitMicros how long the call waited for a connection to the endpoint before it could start (the
 *     per-endpoint gate of {@link HttpExecutor}), part of {@code totalMicros}; 0 when it did not wait
 */
public record PhaseTimings(
        long dnsMicros, long connectMicros, long tlsMicros, long firstByteMicros, long totalMicros, long waitMicros) {
    /** Timings of a call that never started (refused before sending). */
    public static final PhaseTimings NONE = new PhaseTimings(-1, -1, -1, -1, 0, 0);
}
