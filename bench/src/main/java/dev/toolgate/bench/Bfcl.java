package dev.toolgate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project's BFCL data ({@code data/bfcl}, Apache-2.0, see its README): tools, valid calls and invalid calls, one
 * JSON object per line.
 *
 * @param tools {@code {"name","description","parameters",...}} per tool
 * @param calls {@code {"tool","arguments"}} per valid call
 * @param invalidCalls {@code {"tool","arguments","violation",...}} per invalid call
 */
public record Bfcl(List<JsonNode> tools, List<JsonNode> calls, List<JsonNode> invalidCalls) {

    /** The tool the load benchmarks register: the median BFCL schema by size (four required arguments). */
    public static final String LOAD_TOOL = "predict_house_price_v2";

    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Reads the three files from {@code dir}.
     *
     * @throws UncheckedIOException if a file is missing or unreadable
     */
    public static Bfcl load(Path dir) {
        return new Bfcl(
                read(dir.resolve("tools.jsonl")),
                read(dir.resolve("calls.jsonl")),
                read(dir.resolve("invalid-calls.jsonl")));
    }

    /** Returns the tool named {@code name}. */
    public JsonNode tool(String name) {
        return first(tools, "name", name);
    }

    /** Returns the arguments of the first valid call of {@code tool}. */
    public JsonNode validArguments(String tool) {
        return first(calls, "tool", tool).get("arguments");
    }

    /** Returns the arguments of the first invalid call of {@code tool}. */
    public JsonNode invalidArguments(String tool) {
        return first(invalidCalls, "tool", tool).get("arguments");
    }

    private static JsonNode first(List<JsonNode> lines, String field, String value) {
        return lines.stream()
                .filter(line -> value.equals(line.path(field).asString(null)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no BFCL line with " + field + " = " + value));
    }

    private static List<JsonNode> read(Path file) {
        try {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read BFCL file " + file, e);
        }
    }
}
