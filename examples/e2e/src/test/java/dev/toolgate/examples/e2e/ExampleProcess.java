package dev.toolgate.examples.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: one example endpoint running as a child process on 127.0.0.1, its output in a log file
 * under target/. {@link #close()} kills it (and its children), so a failing test leaves nothing behind.
 */
final class ExampleProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final int port;

    private ExampleProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code command} in {@code directory} with {@code environment} plus {@code HOST=127.0.0.1} and a
     * free {@code PORT} (also substituted for {@code {port}} in the command), and waits until it accepts
     * connections.
     */
    static ExampleProcess start(
            String name, Path directory, List<String> command, Map<String, String> environment, Path logDirectory)
            throws IOException, InterruptedException {
        int port = freeLoopbackPort();
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + ".log");
        List<String> resolved = command.stream()
                .map(part -> part.replace("{port}", Integer.toString(port)))
                .toList();
        ProcessBuilder builder = new ProcessBuilder(resolved)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("HOST", "127.0.0.1");
        builder.environment().put("PORT", Integer.toString(port));
        ExampleProcess example = new ExampleProcess(builder.start(), log, port);
        try {
            example.awaitListening();
        } catch (IOException | RuntimeException | InterruptedException e) {
            example.close();
            throw e;
        }
        return example;
    }

    int port() {
        return port;
    }

    /** Returns what the example printed so far, for failure messages. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the example exited with " + process.exitValue() + ":\n" + output());
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException(
                "the example did not listen on 127.0.0.1:" + port + " within " + STARTUP + ":\n" + output());
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
    }
}
