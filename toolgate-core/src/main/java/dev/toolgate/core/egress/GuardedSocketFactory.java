package dev.toolgate.core.egress;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * The connect-time guard: every socket it makes judges the exact {@link InetSocketAddress} in
 * {@code connect()}, whatever produced it (the guarded resolver, OkHttp's own literal parsing, anything
 * else), and fails closed on an unresolved address. Sockets are created with {@link Proxy#NO_PROXY}, so
 * neither {@code socksProxyHost} nor a default {@link java.net.ProxySelector} can reroute them.
 *
 * <p>The factory methods that take a host name do not resolve it: the guard refuses the unresolved address.
 */
final class GuardedSocketFactory extends SocketFactory {

    /** Told of each connect that passed the guard, just before it happens; tests use it to watch every dial. */
    @FunctionalInterface
    interface ConnectObserver {
        /** A no-op observer. */
        ConnectObserver NONE = endpoint -> {};

        /**
         * Called with the checked endpoint before the socket connects to it.
         *
         * @throws IOException to stop the connect
         */
        void connecting(InetSocketAddress endpoint) throws IOException;
    }

    private final AddressJudge judge;
    private final ConnectObserver observer;

    GuardedSocketFactory(AddressJudge judge, ConnectObserver observer) {
        this.judge = judge;
        this.observer = observer;
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(InetSocketAddress.createUnresolved(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(InetSocketAddress.createUnresolved(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress endpoint, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        try {
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(endpoint);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** A plain, proxy-less socket whose connect() asks the policy first. */
    private final class GuardedSocket extends Socket {
        GuardedSocket() {
            super(Proxy.NO_PROXY);
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            InetSocketAddress checked;
            try {
                checked = judge.checkConnect(endpoint);
                observer.connecting(checked);
            } catch (IOException e) {
                close();
                throw e;
            }
            super.connect(checked, timeout);
        }
    }
}
