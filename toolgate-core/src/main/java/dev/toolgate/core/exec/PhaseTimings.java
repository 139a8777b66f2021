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
 */
public record PhaseTimings(long dnsMicros, long connectMicros, long tlsMicros, long firstByteMicros, long totalMicros) {
    /** Timings of a call that never started (refused before sending). */
    public static final PhaseTimings NONE = new PhaseTimings(-1, -1, -1, -1, 0);
}
