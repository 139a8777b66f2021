package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the project's npm folders ({@code contract}, {@code examples/mcp-client}, {@code examples/voice-platforms}),
 * its packages installed from its lockfile by scripts/setup, run from a test: commands run in the folder with no
 * update checks or telemetry, their output captured.
 *
 * @param dir the folder
 * @param purpose what the test needs it for, for the message when it is missing
 */
record NodeKit(Path dir, String purpose) {

    /** The folder {@code relative} to the repository root (tests run in {@code toolgate-server}). */
    static NodeKit of(String relative, String purpose) {
        return new NodeKit(Path.of("").toAbsolutePath().getParent().resolve(relative), purpose);
    }

    /** The outcome of one command. */
    record Run(String command, int exit, String stdout, String stderr) {}

    /**
     * Checks that the lockfile, the installed packages and {@code tools} ({@code node}, {@code npm}) are there;
     * otherwise fails under {@code CI=true} and skips elsewhere ({@link Prerequisites#missing}).
     */
    void require(String... tools) {
        String missing = null;
        if (!Files.isRegularFile(dir.resolve("package-lock.json"))) {
            missing = "no " + dir.resolve("package-lock.json");
        } else if (!Files.isRegularFile(dir.resolve("node_modules/.package-lock.json"))) {
            missing = dir.getFileName() + "/node_modules is not installed";
        } else {
            for (String tool : List.of(tools)) {
                try {
                    if (run(tool, "--version").exit() != 0) {
                        missing = tool + " --version failed";
                    }
                } catch (IOException e) {
                    missing = tool + " is not on the PATH (" + e.getMessage() + ")";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    missing = "interrupted";
                }
            }
        }
        if (missing != null) {
            Prerequisites.missing(purpose + " (run scripts/setup): " + missing);
        }
    }

    /** Returns the path of an npm package's command installed in the folder. */
    String bin(String name) {
        return dir.resolve("node_modules/.bin").resolve(name).toString();
    }

    /** Runs {@code command} in the folder. */
    Run run(String... command) throws IOException, InterruptedException {
        return run(Map.of(), command);
    }

    /** Runs {@code command} in the folder with {@code environment} added; fails the test after 5 minutes. */
    Run run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("toolgate-node", ".out");
        Path err = Files.createTempFile("toolgate-node", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            // no usage data, update checks or notices: these tools talk to loopback servers only
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            builder.environment().put("NO_UPDATE_NOTIFIER", "1");
            builder.environment().put("npm_config_update_notifier", "false");
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within 5 minutes");
            }
            return new Run(
                    String.join(" ", command),
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Asserts that {@code run} exited 0, showing its output when it did not. */
    static void expectSuccess(Run run) {
        assertThat(run.exit())
                .as("%s failed:%n%s%n%s", run.command(), run.stdout(), run.stderr())
                .isZero();
    }
}
