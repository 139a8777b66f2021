package dev.toolgate.server;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} of the test's own on 127.0.0.1 and a free port, without persistence, that the test can
 * kill and start again on the same port. Without the binary the test is skipped, except under {@code CI=true}.
 */
final class RedisServerProcess implements AutoCloseable {

    final int port;
    private Process process;

    private RedisServerProcess(int port) {
        this.port = port;
    }

    /** Starts a server on a free port. */
    static RedisServerProcess start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        RedisServerProcess server = new RedisServerProcess(port);
        try {
            server.startAgain();
        } catch (IOException | RuntimeException e) {
            TestPostgres.unavailable("redis-server", e);
        }
        return server;
    }

    /** The server's URL. */
    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server (again) on its port and waits until it answers. */
    void startAgain() throws IOException {
        process = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        RedisURI uri = RedisURI.create(url());
        uri.setTimeout(Duration.ofMillis(500));
        RedisClient client = RedisClient.create(uri);
        try {
            Gateway.awaitTrue(Duration.ofSeconds(10), () -> answers(client), "redis-server answers on port " + port);
        } finally {
            client.shutdown();
        }
    }

    private boolean answers(RedisClient client) {
        if (!process.isAlive()) {
            throw new IllegalStateException("redis-server exited with " + process.exitValue());
        }
        try (var connection = client.connect()) {
            return "PONG".equals(connection.sync().ping());
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** Kills the server at once (SIGKILL), as a crash would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
