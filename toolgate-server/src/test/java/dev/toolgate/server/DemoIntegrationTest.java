package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.server.demo.DemoRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code toolgate demo} end to end: every BFCL call through the REST API, every request signed and verified, and a
 * knowledge base of the project's docs that answers its questions.
 */
class DemoIntegrationTest {

    @Test
    void demoReplaysEveryBfclCallAndEveryRequestIsVerified() throws Exception {
        Path dataDir = Files.createTempDirectory("toolgate-demo-it");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        DemoRunner.Summary summary;
        boolean passed;
        try (DemoRunner.Running running = new DemoRunner(0, 8, new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run("--toolgate.data-dir=" + dataDir)) {
            summary = running.summary();
            passed = running.passed();
        }

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(summary.validOutcomes()).containsExactly(java.util.Map.entry("ok", 2862));
        assertThat(summary.invalidOutcomes()).containsExactly(java.util.Map.entry("HTTP_TOOL_INVALID_ARGS", 934));
        assertThat(summary.endpoint().verified()).isEqualTo(2862);
        assertThat(summary.endpoint().unsigned()).isZero();
        assertThat(summary.endpoint().rejected()).isZero();
        assertThat(summary.passed()).isTrue();
        assertThat(passed).isTrue();
        assertThat(output)
                .contains("Knowledge base: 4/4 questions found their page: PASS")
                .contains("a scripted voice call")
                .contains("Scripted call: PASS")
                .contains("transfer_call to an allowed destination")
                .contains("PASS")
                .contains("p99")
                .doesNotContain(summary.adminKey());
        assertThat(output).contains(summary.baseUrl() + "/console").contains("/console/sign-in/link/");
    }
}
