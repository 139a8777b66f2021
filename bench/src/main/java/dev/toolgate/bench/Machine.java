package dev.toolgate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Describes the machine a run measured, for the results table. */
final class Machine {

    private Machine() {}

    /** Returns cores, CPU model, memory, kernel, JDK and nginx version. */
    static Map<String, String> describe() {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        machine.put("cpu", firstLine(Path.of("/proc/cpuinfo"), "model name"));
        machine.put("memory", firstLine(Path.of("/proc/meminfo"), "MemTotal"));
        machine.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("jdk", System.getProperty("java.vm.vendor") + " " + Runtime.version());
        machine.put(
                "nginx",
                Nginx.binary()
                        .map(binary -> output(List.of(binary.toString(), "-v")))
                        .orElse("not installed"));
        return machine;
    }

    /** Returns the commit measured: {@code BENCH_COMMIT} if set, else {@code git rev-parse --short HEAD}. */
    static String commit() {
        String fromEnv = System.getenv("BENCH_COMMIT");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        String git = output(List.of("git", "rev-parse", "--short", "HEAD"));
        return git.isBlank() ? "unknown" : git;
    }

    private static String firstLine(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(key))
                    .findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String output(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor(10, TimeUnit.SECONDS);
            return process.exitValue() == 0 ? text.replace("nginx version: ", "") : "";
        } catch (IOException | RuntimeException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
