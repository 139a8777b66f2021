package dev.toolgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.bench.BenchResults.AddedLatency;
import dev.toolgate.bench.BenchResults.Run;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark's smoke mode, so that it cannot rot: every item for about a second at a few requests per second
 * against the packaged Toolgate jar (built by the same {@code ./mvnw verify} before this module), with nginx when it
 * is installed. It checks that the harness measures what it claims, not how fast anything is.
 */
class BenchSmokeIntegrationTest {

    private static final Path JAR =
            Path.of(System.getProperty("toolgate.jar", "../toolgate-server/target/toolgate.jar"));
    private static final Path BFCL = Path.of("../data/bfcl");

    @Test
    void everyItemRunsAndMeasuresWhatItClaims(@TempDir Path out) throws IOException {
        assertThat(JAR)
                .as("the packaged gateway; run ./mvnw verify (or package) from the root")
                .isRegularFile();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BenchResults results = Bench.run(
                BenchOptions.smoke(JAR, BFCL, out.resolve("latest.json")),
                new PrintStream(progress, true, StandardCharsets.UTF_8));
        try {
            boolean nginx = Nginx.binary().isPresent();

            AddedLatency added = results.addedLatency().get(0);
            assertThat(added.errors())
                    .as(progress.toString(StandardCharsets.UTF_8))
                    .isZero();
            assertThat(added.median().keySet())
                    .containsExactlyElementsOf(
                            nginx ? List.of("direct", "nginx", "toolgate") : List.of("direct", "toolgate"));
            for (Run run : added.runs()) {
                assertThat(run.ok()).as(run.config()).isEqualTo(run.sent()).isEqualTo(50);
                assertThat(run.latency().count()).isEqualTo(run.ok());
                assertThat(run.latency().p50())
                        .isPositive()
                        .isLessThanOrEqualTo(run.latency().p99());
                assertThat(run.latency().p99())
                        .isLessThanOrEqualTo(run.latency().max());
            }
            assertThat(added.added()).containsKey("toolgate");
            assertThat(added.ratio()).hasSize(nginx ? 5 : 0);

            // Pass or fail by p99 is timing (a cold JVM on a busy machine); that every call was answered is not.
            assertThat(results.throughput().steps()).isNotEmpty().allSatisfy(step -> {
                assertThat(step.ok()).isEqualTo(step.sent());
                assertThat(step.cpuMicrosPerRequest().get("toolgate")).isPositive();
            });
            assertThat(results.throughput().profile().jfr().executionSamples()).isPositive();

            assertThat(results.concurrency())
                    .extracting(BenchResults.Concurrency::endpointProtocols)
                    .containsExactly("http/1.1", "h2, http/1.1");
            for (BenchResults.Concurrency concurrency : results.concurrency()) {
                Run burst = concurrency.burst();
                assertThat(burst.ok()).as(burst.errors().toString()).isEqualTo(40);
                assertThat(concurrency.endpointPeakInFlight()).isEqualTo(40);
                // Held 3 s at once: the burst drains after the hold, not after 40 holds in a row.
                assertThat(concurrency.drainSeconds()).isBetween(0.5, 10.0);
                assertThat(concurrency.peakRssBytes()).isGreaterThan(concurrency.peakHeapUsedBytes());
            }
            // Over HTTP/2 the 40 held calls share a connection instead of opening one each.
            assertThat(results.concurrency().get(1).burst().endpointConnections())
                    .isLessThan(5);

            assertThat(results.failFast().errors())
                    .as("every call answered its expected error code")
                    .isZero();
            assertThat(results.failFast().median()).containsOnlyKeys("invalid_args", "blocked_destination");

            assertThat(results.hotPath())
                    .extracting(BenchResults.HotPathScore::benchmark)
                    .containsExactlyInAnyOrder("invalidArgs", "pipeline");
            assertThat(results.hotPath())
                    .allSatisfy(score -> assertThat(score.microsPerOp()).isPositive());

            if (nginx) {
                BenchResults.Production production = results.production();
                assertThat(production.errors())
                        .as(progress.toString(StandardCharsets.UTF_8))
                        .isZero();
                assertThat(production.answered()).isPositive();
                assertThat(production.logged())
                        .as("every answered invocation is in the shared log")
                        .isGreaterThanOrEqualTo(production.answered());
                assertThat(production.runs()).extracting(Run::config).containsOnly("direct", "production");
            } else {
                assertThat(results.production()).as("item 6 needs nginx").isNull();
            }

            JsonNode json = Bfcl.JSON.readTree(Files.readString(out.resolve("latest.json")));
            assertThat(json.get("addedLatency")
                            .get(0)
                            .get("median")
                            .get("toolgate")
                            .get("p50")
                            .asDouble())
                    .isEqualTo(added.median().get("toolgate").p50());
            assertThat(Report.markdown(results)).contains("**1. Added latency**", "**5. Fail fast**");
        } finally {
            deleteRecursively(Path.of(results.runFolder()));
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
