package dev.toolgate.server.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project's copy of the Berkeley Function Calling Leaderboard data (Apache-2.0; see {@code data/bfcl/README.md}),
 * packaged in the jar under {@code /demo/bfcl/}.
 *
 * @param tools {@code {"name","description","parameters",...}} per tool (2,296)
 * @param calls {@code {"tool","arguments"}} per valid call (2,862)
 * @param invalidCalls {@code {"tool","arguments","violation","path","keyword"}} per invalid call (934)
 */
public record BfclData(List<JsonNode> tools, List<JsonNode> calls, List<JsonNode> invalidCalls) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Loads the three files from the class path.
     *
     * @throws UncheckedIOException if a file is missing or unreadable
     */
    public static BfclData load() {
        return new BfclData(read("tools.jsonl"), read("calls.jsonl"), read("invalid-calls.jsonl"));
    }

    private static List<JsonNode> read(String file) {
        String resource = "/demo/bfcl/" + file;
        try (InputStream in = BfclData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("missing class-path resource " + resource));
            }
            List<JsonNode> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
