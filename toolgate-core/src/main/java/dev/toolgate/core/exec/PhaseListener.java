package dev.toolgate.core.exec;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * Records the phase boundaries of one call, in {@link System#nanoTime()} units, for {@link PhaseTimings}.
 *
 * <p>One instance per call, attached to the request as a tag and handed to OkHttp by {@link #FACTORY}. OkHttp may
 * report connect events from its fast-fallback threads and {@code canceled} from its watchdog, so every field is
 * volatile. With several connect attempts (fast fallback), connect runs from the first start to the winning end.
 */
final class PhaseListener extends EventListener {

    /** Hands OkHttp the listener tagged on the request, or a no-op one for an untagged request. */
    static final EventListener.Factory FACTORY = call -> {
        PhaseListener listener = call.request().tag(PhaseListener.class);
        return listener != null ? listener : EventListener.NONE;
    };

    private static final long UNSET = Long.MIN_VALUE;

    private final long startNanos;
    private volatile long dnsStart = UNSET;
    private volatile long dnsEnd = UNSET;
    private volatile long connectStart = UNSET;
    private volatile long connectEnd = UNSET;
    private volatile long tlsStart = UNSET;
    private volatile long tlsEnd = UNSET;
    private volatile long headersEnd = UNSET;
    private volatile boolean connectionAcquired;
    private volatile EndpointGate.Pass pass;
    private volatile long waitedNanos;

    /** Starts the clock of one call at {@code startNanos} ({@link System#nanoTime()}). */
    PhaseListener(long startNanos) {
        this.startNanos = startNanos;
    }

    @Override
    public void dnsStart(Call call, String domainName) {
        dnsStart = System.nanoTime();
    }

    @Override
    public void dnsEnd(Call call, String domainName, List<InetAddress> addresses) {
        dnsEnd = System.nanoTime();
    }

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
        if (connectStart == UNSET) {
            connectStart = System.nanoTime();
        }
    }

    @Override
    public void secureConnectStart(Call call) {
        tlsStart = System.nanoTime();
    }

    @Override
    public void secureConnectEnd(Call call, Handshake handshake) {
        tlsEnd = System.nanoTime();
    }

    @Override
    public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
        connectEnd = System.nanoTime();
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        connectionAcquired = true;
        EndpointGate.Pass current = pass;
        if (current != null) {
            current.connected(connection.protocol());
        }
    }

    /**
     * Attaches the call's pass through the {@link EndpointGate}, told the protocol once a connection is ready.
     *
     * @param waitedNanos how long the call waited at the gate
     */
    void pass(EndpointGate.Pass pass, long waitedNanos) {
        this.pass = pass;
        this.waitedNanos = waitedNanos;
    }

    /** Ends the call's pass through the gate, if it has one (the call is over). */
    void endPass() {
        EndpointGate.Pass current = pass;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
        headersEnd = System.nanoTime();
    }

    /** Returns whether a connection (new or pooled) was ready for the request: failures after it are mid-exchange. */
    boolean connectionAcquired() {
        return connectionAcquired;
    }

    /** Returns the timings so far; phases that did not complete are {@code -1}, total runs until {@code endNanos}. */
    PhaseTimings timings(long endNanos) {
        return new PhaseTimings(
                span(dnsStart, dnsEnd),
                span(connectStart, connectEnd),
                span(tlsStart, tlsEnd),
                span(startNanos, headersEnd),
                TimeUnit.NANOSECONDS.toMicros(endNanos - startNanos),
                TimeUnit.NANOSECONDS.toMicros(waitedNanos));
    }

    private static long span(long start, long end) {
        return start == UNSET || end == UNSET ? -1 : TimeUnit.NANOSECONDS.toMicros(end - start);
    }
}
