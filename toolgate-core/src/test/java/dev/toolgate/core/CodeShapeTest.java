package dev.toolgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main Java source file of any module of the repository (core, verify, knowledge, server, testkit, bench, the Java
 * example) is over {@value #MAX_LINES} lines (docs/architecture.md, "Code shape"): a longer one is split by concept.
 */
class CodeShapeTest {

    /** The most lines a main source file may have. */
    static final int MAX_LINES = 300;

    @Test
    void noMainSourceFileIsOverTheLimit() throws IOException {
        Path root = repositoryRoot();
        Map<String, Long> lengths = mainSourceLengths(root);
        assertThat(lengths).as("main source files under %s", root).isNotEmpty();

        List<String> tooLong = new ArrayList<>();
        lengths.forEach((file, lines) -> {
            if (lines > MAX_LINES) {
                tooLong.add(file + " has " + lines + " lines (at most " + MAX_LINES + ")");
            }
        });
        assertThat(tooLong)
                .as("main source files over %d lines: split each by concept", MAX_LINES)
                .isEmpty();
    }

    /** The line count of every {@code .java} file under a {@code src/main/java} folder, by path from {@code root}. */
    private static Map<String, Long> mainSourceLengths(Path root) throws IOException {
        Map<String, Long> lengths = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(path -> path.toString().endsWith(".java"))
                    .filter(path ->
                            root.relativize(path).toString().replace('\\', '/').contains("src/main/java/"))
                    .filter(path -> !excluded(root.relativize(path)))
                    .forEach(
                            path -> lengths.put(root.relativize(path).toString().replace('\\', '/'), lineCount(path)));
        }
        return lengths;
    }

    /** Build output, dependencies and version control are not sources. */
    private static boolean excluded(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static long lineCount(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder above this module that holds the parent pom and the modules. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("toolgate-core"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no repository root above " + Path.of("").toAbsolutePath());
    }
}
