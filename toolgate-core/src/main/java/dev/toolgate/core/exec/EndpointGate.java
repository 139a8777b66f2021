package dev.toolgate.core.exec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Protocol;

/**
 * Keeps a burst of calls to one endpoint from opening a TLS connection per call. Per endpoint (scheme, host, port)
 * it learns the protocol its connections negotiate (ALPN, RFC 7301): an HTTP/2 endpoint multiplexes every call over
 * the connections it has, so its calls pass freely; an HTTP/1.1 endpoint carries one call per connection, so one
 * partition (a tenant) has at most {@link ExecutorConfig.Connections#maxPerEndpoint()} calls in flight to it and a
 * call beyond waits, inside its budget, for one of them to finish. Until the first connection says which it is, one
 * call at a time opens it and the others wait for the answer, which comes when that connection is ready (after its
 * TLS handshake), not when the call ends.
 *
 * <p>The partition keeps one tenant's burst from using up another tenant's share of an endpoint they both call.
 * Endpoints not called for the pool's keep-alive are forgotten. Thread-safe.
 */
final class EndpointGate {
    /**
     * The longest a call waits for an endpoint's first connection to say which protocol it speaks: 2 s, far above a
     * TLS handshake (milliseconds on a working network), far below a call's budget.
     */
    static final Duration FIRST_CONNECTION_WAIT = Duration.ofSeconds(2);

    private final int maxPerEndpoint;
    private final Cache<String, Endpoint> endpoints;
    private final Cache<String, Semaphore> shares;

    /** @param connections the cap and the keep-alive after which an unused endpoint is forgotten */
    EndpointGate(ExecutorConfig.Connections connections) {
        this.maxPerEndpoint = connections.maxPerEndpoint();
        Duration idle = connections.keepAlive();
        this.endpoints = Caffeine.newBuilder().expireAfterAccess(idle).build();
        this.shares = Caffeine.newBuilder().expireAfterAccess(idle).build();
    }

    /** What is known of one endpoint's connections. */
    private static final class Endpoint {
        /** Null until a connection has been made; then whether it multiplexes (HTTP/2). */
        volatile Boolean multiplexed;
        /** Held by the one call opening the first connection while the protocol is unknown. */
        final Semaphore first = new Semaphore(1);
    }

    /** A passage through the gate; {@link #connected} and {@link #close} must be called at most once each. */
    interface Pass extends AutoCloseable {
        /** Reports the protocol of the connection the call got, as soon as it is ready. */
        void connected(Protocol protocol);

        /** Ends the passage (the call is over). */
        @Override
        void close();
    }

    private static final Pass FREE = new Pass() {
        @Override
        public void connected(Protocol protocol) {}

        @Override
        public void close() {}
    };

    /**
     * Lets one call through, waiting until {@code deadlineNanos} at most.
     *
     * @param url the request's URL; its scheme, host and port name the endpoint
     * @param partition who is calling (a tenant id), or null for everyone together
     * @param deadlineNanos the call's deadline on the {@link System#nanoTime()} scale
     * @return the pass, or null when the deadline came first (nothing was sent)
     * @throws InterruptedException when interrupted while waiting
     */
    Pass enter(HttpUrl url, String partition, long deadlineNanos) throws InterruptedException {
        String key = url.scheme() + "://" + url.host() + ":" + url.port();
        Endpoint endpoint = endpoints.get(key, k -> new Endpoint());
        while (true) {
            Boolean multiplexed = endpoint.multiplexed;
            if (Boolean.TRUE.equals(multiplexed)) {
                return FREE;
            }
            if (multiplexed == null) {
                long wait = Math.min(remaining(deadlineNanos), FIRST_CONNECTION_WAIT.toNanos());
                if (!endpoint.first.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
                    if (remaining(deadlineNanos) == 0) {
                        return null;
                    }
                    // The first connection is taking long: open one of this call's own, within the cap.
                    return acquireShare(endpoint, share(key, partition), deadlineNanos);
                }
                if (endpoint.multiplexed != null) {
                    endpoint.first.release(); // learned while this call waited: wake the next, then go on
                    continue;
                }
                Semaphore share = share(key, partition);
                if (!share.tryAcquire()) {
                    endpoint.first.release();
                    return acquireShare(endpoint, share, deadlineNanos);
                }
                return new FirstPass(endpoint, share);
            }
            return acquireShare(endpoint, share(key, partition), deadlineNanos);
        }
    }

    private Pass acquireShare(Endpoint endpoint, Semaphore share, long deadlineNanos) throws InterruptedException {
        if (!share.tryAcquire(remaining(deadlineNanos), TimeUnit.NANOSECONDS)) {
            return null;
        }
        return new SharePass(endpoint, share);
    }

    private Semaphore share(String key, String partition) {
        return shares.get((partition == null ? "" : partition) + " " + key, k -> new Semaphore(maxPerEndpoint, true));
    }

    private static long remaining(long deadlineNanos) {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    /** A call holding one of its partition's HTTP/1.1 slots (or about to learn it does not need one). */
    private static class SharePass implements Pass {
        final Endpoint endpoint;
        private final Semaphore share;
        private boolean released;

        SharePass(Endpoint endpoint, Semaphore share) {
            this.endpoint = endpoint;
            this.share = share;
        }

        @Override
        public void connected(Protocol protocol) {
            boolean multiplexed = protocol == Protocol.HTTP_2 || protocol == Protocol.H2_PRIOR_KNOWLEDGE;
            endpoint.multiplexed = multiplexed;
            if (multiplexed) {
                releaseShare(); // a multiplexed call holds no HTTP/1.1 slot
            }
        }

        @Override
        public void close() {
            releaseShare();
        }

        private synchronized void releaseShare() {
            if (!released) {
                released = true;
                share.release();
            }
        }
    }

    /** The call that opens an endpoint's first connection: it lets the waiting calls on once the protocol is known. */
    private static final class FirstPass extends SharePass {
        private boolean firstReleased;

        FirstPass(Endpoint endpoint, Semaphore share) {
            super(endpoint, share);
        }

        @Override
        public void connected(Protocol protocol) {
            super.connected(protocol);
            releaseFirst();
        }

        @Override
        public void close() {
            super.close();
            releaseFirst(); // the call failed before a connection: the next waiter tries
        }

        private synchronized void releaseFirst() {
            if (!firstReleased) {
                firstReleased = true;
                endpoint.first.release();
            }
        }
    }
}
