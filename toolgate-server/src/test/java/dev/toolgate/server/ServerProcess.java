package dev.toolgate.server;

import dev.toolgate.server.cli.ToolgateMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Toolgate as an operator runs it, for tests: {@code toolgate serve} in a JVM of its own (this test's classpath, main
 * class {@link ToolgateMain}), on a random loopback port, with its output in a log file. Stopped by its own process
 * id: {@link #sigterm} (what {@link Process#destroy} sends on Linux) or {@link #sigkill}.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the server and waits until it serves {@code apiKey} (the bootstrap key is created just after Spring
     * reports the start).
     *
     * @param log the file that gets its standard output and error
     * @param apiKey an admin key that works once the server is ready
     * @param springArgs {@code --property=value} arguments
     * @throws IllegalStateException naming the log when it exits or does not start within {@code timeout}
     */
    static ServerProcess start(Path log, Duration timeout, String apiKey, List<String> springArgs) {
        return start(log, timeout, apiKey, 0, springArgs);
    }

    /**
     * Like {@link #start(Path, Duration, String, List)} on API port {@code apiPort} (0: a random one, read from the
     * log, which then must be the only web server), e.g. {@link #freePort} when the management port is set too.
     */
    static ServerProcess start(Path log, Duration timeout, String apiKey, int apiPort, List<String> springArgs) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path"),
                ToolgateMain.class.getName(),
                "serve",
                "--port",
                String.valueOf(apiPort)));
        if (springArgs.stream().noneMatch(arg -> arg.startsWith("--management.server.port="))) {
            command.add("--management.server.port=0"); // never the fixed default, which other processes may hold
        }
        command.addAll(springArgs);
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerProcess[] started = new ServerProcess[1];
        try {
            Awaitility.await("the server on " + log)
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        Matcher port = PORT.matcher(read(log));
                        if (apiPort != 0 || port.find()) {
                            ServerProcess server = new ServerProcess(
                                    process, log, apiPort != 0 ? apiPort : Integer.parseInt(port.group(1)));
                            if (server.accepts(apiKey)) {
                                started[0] = server;
                                return true;
                            }
                        }
                        if (!process.isAlive()) {
                            throw new IllegalStateException(
                                    "the server exited (" + process.exitValue() + "); see " + log);
                        }
                        return false;
                    });
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not start within " + timeout + "; see " + log);
        }
        return started[0];
    }

    private boolean accepts(String apiKey) {
        try {
            return new ApiClient(baseUrl()).get(apiKey, "/v1/agents").status() == 200;
        } catch (UncheckedIOException notYet) {
            return false;
        }
    }

    /** A loopback port free just now (the server binds it moments later). */
    static int freePort() {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns {@code http://127.0.0.1:<port>}. */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Sends SIGTERM: a clean stop. */
    void sigterm() {
        process.destroy();
    }

    /** Sends SIGKILL: the process ends at once. */
    void sigkill() {
        process.destroyForcibly();
    }

    /**
     * Waits for the process to end.
     *
     * @return its exit code
     * @throws IllegalStateException if it still runs after {@code timeout}
     */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the server did not stop within " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    /** Returns what the process has printed so far. */
    String output() {
        return read(log);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
