package dev.toolgate.core.args;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays the BFCL tool calls in {@code data/bfcl} (see its README): every ground-truth call must validate
 * against its tool's schema, and every mutated call must be rejected at the mutated path and keyword.
 */
class BfclDataTest {

    private static final Path DATA = Path.of("..", "data", "bfcl");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static Map<String, ArgumentValidator> validators;

    @BeforeAll
    static void compileEveryTool() throws IOException {
        validators = new HashMap<>();
        for (JsonNode tool : lines("tools.jsonl")) {
            validators.put(tool.get("name").stringValue(), ArgumentValidator.compile(tool.get("parameters")));
        }
    }

    @Test
    void compilesEveryToolSchema() {
        assertThat(validators).hasSize(2_296);
    }

    @Test
    void acceptsEveryGroundTruthCall() throws IOException {
        List<JsonNode> calls = lines("calls.jsonl");
        List<String> failures = new ArrayList<>();

        for (JsonNode call : calls) {
            List<ArgumentViolation> violations = validatorFor(call).validate(call.get("arguments"));
            if (!violations.isEmpty()) {
                failures.add(call.get("source").stringValue() + " " + violations);
            }
        }

        assertThat(calls).hasSize(2_862);
        assertThat(failures).isEmpty();
    }

    @Test
    void rejectsEveryInvalidCallAtTheMutatedPathAndKeyword() throws IOException {
        List<JsonNode> calls = lines("invalid-calls.jsonl");
        List<String> failures = new ArrayList<>();

        for (JsonNode call : calls) {
            String path = call.get("path").stringValue();
            String keyword = call.get("keyword").stringValue();
            List<ArgumentViolation> violations = validatorFor(call).validate(call.get("arguments"));
            boolean found = violations.stream()
                    .anyMatch(v -> v.path().equals(path) && v.keyword().equals(keyword));
            if (!found) {
                failures.add(call.get("source").stringValue() + " expected " + keyword + " at " + path + ", got "
                        + violations);
            }
        }

        assertThat(calls).hasSize(934);
        assertThat(failures).isEmpty();
    }

    @Test
    void rejectsEveryInvalidCallSentAsAnOpenAiArgumentsString() throws IOException {
        List<JsonNode> calls = lines("invalid-calls.jsonl");
        int rejected = 0;

        for (JsonNode call : calls) {
            JsonNode raw = MAPPER.getNodeFactory().stringNode(MAPPER.writeValueAsString(call.get("arguments")));
            var parsed = (ArgumentParseResult.Parsed) ArgumentParser.parse(raw);
            if (!validatorFor(call).validate(parsed.arguments()).isEmpty()) {
                rejected++;
            }
        }

        assertThat(rejected).isEqualTo(calls.size());
    }

    private static ArgumentValidator validatorFor(JsonNode call) {
        ArgumentValidator validator = validators.get(call.get("tool").stringValue());
        assertThat(validator).as("tool of %s", call.get("source")).isNotNull();
        return validator;
    }

    private static List<JsonNode> lines(String file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(DATA.resolve(file), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                nodes.add(MAPPER.readTree(line));
            }
        }
        return nodes;
    }
}
