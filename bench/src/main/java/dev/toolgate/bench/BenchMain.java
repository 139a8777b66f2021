package dev.toolgate.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark's command line, run by {@code bench/run}: every item (or {@code --items}), then the results as
 * Markdown tables on standard output, as JSON in {@code --out}, and as Markdown next to it ({@code .md}).
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure what Toolgate costs a live call, side by side with a direct call and nginx.")
public final class BenchMain implements Callable<Integer> {

    @Option(names = "--mode", description = "full (default, ~11 min), quick (~6 min) or smoke (~30 s).")
    String mode = "full";

    @Option(names = "--items", split = ",", description = "Items to run, 1-6 (default: all).")
    Set<Integer> items = BenchOptions.ALL_ITEMS;

    @Option(names = "--jar", description = "Toolgate's jar (default: toolgate-server/target/toolgate.jar).")
    Path jar = Path.of("toolgate-server/target/toolgate.jar");

    @Option(names = "--bfcl", description = "The BFCL data folder (default: data/bfcl).")
    Path bfcl = Path.of("data/bfcl");

    @Option(names = "--out", description = "The JSON results file (default: bench/results/latest.json).")
    Path out = Path.of("bench/results/latest.json");

    @Option(names = "--no-nginx", description = "Skip the nginx leg.")
    boolean noNginx;

    /** Runs the command line; exits with 0 when every item ran, 1 on a failure, 2 on a usage error. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        BenchOptions options = switch (mode) {
            case "full" -> BenchOptions.full(jar, bfcl, out);
            case "quick" -> BenchOptions.quick(jar, bfcl, out);
            case "smoke" -> BenchOptions.smoke(jar, bfcl, out);
            default -> throw new CommandLine.ParameterException(new CommandLine(this), "unknown --mode " + mode);
        };
        if (!Files.isRegularFile(jar)) {
            System.err.println("No Toolgate jar at " + jar + ": build it first (./mvnw -DskipTests package).");
            return 1;
        }
        BenchResults results = Bench.run(options.withItems(items).withNginx(!noNginx), System.out);
        String markdown = Report.markdown(results);
        Path md = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.json$", "") + ".md");
        Files.writeString(md, markdown, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(markdown);
        System.out.println("Figures written to " + out + " and " + md);
        return 0;
    }
}
