package dev.toolgate.examples.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * Test fixture: terminates TLS on 127.0.0.1 and relays the plain bytes to an example's HTTP port on
 * 127.0.0.1, the way a tenant's load balancer sits in front of its endpoint. Toolgate only calls https
 * URLs, and PHP's built-in server cannot speak TLS, so every example is reached through one of these.
 * Bytes pass through unchanged in both directions; when either side closes, both connections close.
 */
final class TlsRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int backendPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private TlsRelay(ServerSocket listener, int backendPort) {
        this.listener = listener;
        this.backendPort = backendPort;
    }

    /** Listens on an ephemeral loopback port with {@code tls}'s certificate, relaying to {@code backendPort}. */
    static TlsRelay start(SSLContext tls, int backendPort) throws IOException {
        ServerSocket listener =
                tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        TlsRelay relay = new TlsRelay(listener, backendPort);
        Thread.ofVirtual().name("tls-relay-accept").start(relay::acceptLoop);
        return relay;
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
                open.add(client);
                open.add(backend);
                Thread.ofVirtual().start(() -> pump(client, backend));
                Thread.ofVirtual().start(() -> pump(backend, client));
            } catch (IOException e) {
                // the listener was closed, or one connection failed: nothing to relay
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[16_384];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other direction closed the sockets
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        open.forEach(this::closeQuietly);
    }
}
