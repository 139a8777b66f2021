package dev.toolgate.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A process the benchmark starts (the tenant endpoint, nginx, Toolgate) and stops by its own id: its standard
 * output and error go to a log file, a line can be awaited, and its CPU time and peak resident memory are read
 * from {@code /proc}.
 */
public final class ChildProcess implements AutoCloseable {

    /** Every child still running; a shutdown hook stops them if this JVM is stopped before it closes them. */
    private static final java.util.Set<ChildProcess> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(ChildProcess::close)));
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final CompletableFuture<String> awaited = new CompletableFuture<>();

    private ChildProcess(String name, Process process, Path log, Predicate<String> await) {
        this.name = name;
        this.process = process;
        this.log = log;
        RUNNING.add(this);
        Thread.ofPlatform().daemon().name(name + "-output").start(() -> pump(await));
    }

    /**
     * Starts {@code command} with {@code env} added to this process's environment.
     *
     * @param name a short name for messages and the log file ({@code <dir>/<name>.log})
     * @param await a predicate for the output line {@link #awaitLine} waits for, or null
     * @throws UncheckedIOException if the process cannot be started
     */
    public static ChildProcess start(
            String name, List<String> command, Map<String, String> env, Path dir, Predicate<String> await) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            return new ChildProcess(name, builder.start(), dir.resolve(name + ".log"), await);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** Returns the command line that starts a JVM like this one ({@code java} of the running JDK). */
    public static List<String> java(String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(args));
        return command;
    }

    private void pump(Predicate<String> await) {
        try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                out.write(line);
                out.newLine();
                out.flush();
                if (await != null && !awaited.isDone() && await.test(line)) {
                    awaited.complete(line);
                }
            }
        } catch (IOException e) {
            // the process went away; awaitLine reports it
        } finally {
            awaited.completeExceptionally(new IllegalStateException(
                    name + " exited (exit code " + (process.isAlive() ? "?" : process.exitValue()) + "); see " + log));
        }
    }

    /**
     * Waits for the awaited output line.
     *
     * @return the line
     * @throws IllegalStateException if the process exits first or the timeout passes; the message names the log
     */
    public String awaitLine(Duration timeout) {
        try {
            return awaited.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(name + " did not get ready within " + timeout + "; see " + log);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Returns the process id. */
    public long pid() {
        return process.pid();
    }

    /** Returns the log file. */
    public Path log() {
        return log;
    }

    /** Returns whether the process still runs. */
    public boolean alive() {
        return process.isAlive();
    }

    /** Returns the CPU time of the process and all its descendants (nginx workers), in nanoseconds. */
    public long cpuNanos() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .mapToLong(p -> ProcStat.cpuNanos(p.pid()))
                .sum();
    }

    /** Returns the peak resident set size ({@code VmHWM}) of the process and its descendants, in bytes. */
    public long peakRssBytes() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .mapToLong(p -> ProcStat.statusKb(p.pid(), "VmHWM") * 1024)
                .sum();
    }

    /** Returns the current resident set size ({@code VmRSS}) of the process and its descendants, in bytes. */
    public long rssBytes() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .mapToLong(p -> ProcStat.statusKb(p.pid(), "VmRSS") * 1024)
                .sum();
    }

    /** Returns the last {@code lines} lines of the log, for error messages. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the process: closes its stdin, asks it to terminate, and kills it after 10 s. */
    @Override
    public void close() {
        RUNNING.remove(this);
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
