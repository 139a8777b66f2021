package dev.toolgate.core.describe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.tool.ParseResult;
import dev.toolgate.core.tool.ToolDefinition;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.core.tool.ToolLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every tool of the BFCL data set (../data/bfcl/tools.jsonl, Apache-2.0; see its README) as a Toolgate
 * http_request tool, exported in all three descriptor formats.
 */
class BfclToolsTest {

    private static final Path TOOLS = Path.of("../data/bfcl/tools.jsonl");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> GEMINI_TYPES = Set.of("STRING", "NUMBER", "INTEGER", "BOOLEAN", "ARRAY", "OBJECT");

    private static List<JsonNode> lines;
    private static List<ToolDefinition> definitions;

    @BeforeAll
    static void parseEveryBfclTool() throws IOException {
        ToolDefinitionParser parser = new ToolDefinitionParser(ToolLimits.ofDefaults());
        lines = new ArrayList<>();
        definitions = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String line : Files.readAllLines(TOOLS)) {
            JsonNode tool = MAPPER.readTree(line);
            lines.add(tool);
            switch (parser.parse(body(tool))) {
                case ParseResult.Valid valid -> definitions.add(valid.definition());
                case ParseResult.Invalid invalid ->
                    failures.add(tool.get("source").stringValue() + ": " + invalid.errors());
            }
        }
        assertThat(failures).as("BFCL tools that failed to parse").isEmpty();
    }

    private static ObjectNode body(JsonNode tool) {
        ObjectNode body = MAPPER.createObjectNode();
        body.set("name", tool.get("name"));
        body.set("description", tool.get("description"));
        body.set("parameters", tool.get("parameters"));
        body.put("tool_type", "http_request");
        body.putObject("config")
                .put("url", "https://tools.example.com/" + tool.get("name").stringValue());
        return body;
    }

    @Test
    void parsesEveryToolOfTheDataSet() {
        assertThat(definitions).hasSize(lines.size()).hasSizeGreaterThan(2000);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(definitions.get(i).name())
                    .isEqualTo(lines.get(i).get("name").stringValue());
            assertThat(definitions.get(i).parameters()).isEqualTo(lines.get(i).get("parameters"));
        }
    }

    @Test
    void exportsEveryToolForOpenAi() {
        ArrayNode exported = DescriptorExporter.export(definitions, DescriptorFormat.OPENAI);

        assertThat(exported).hasSize(definitions.size());
        for (JsonNode descriptor : exported) {
            JsonNode function = descriptor.get("function");
            assertThat(function.get("name").stringValue()).isNotEmpty();
            assertThat(function.get("parameters").get("type").stringValue()).isEqualTo("object");
        }
    }

    @Test
    void exportsEveryToolForAnthropic() {
        ArrayNode exported = DescriptorExporter.export(definitions, DescriptorFormat.ANTHROPIC);

        assertThat(exported).hasSize(definitions.size());
        for (JsonNode descriptor : exported) {
            assertThat(descriptor.get("name").stringValue()).isNotEmpty();
            assertThat(descriptor.get("input_schema").get("type").stringValue()).isEqualTo("object");
        }
    }

    @Test
    void exportsEveryToolForGeminiAsAnObjectSchemaUnlessItTakesNoArguments() {
        Map<String, ToolDefinition> byName = new HashMap<>();
        definitions.forEach(def -> byName.put(def.name(), def));

        ArrayNode exported = DescriptorExporter.export(definitions, DescriptorFormat.GEMINI);

        assertThat(exported).hasSize(definitions.size());
        for (JsonNode declaration : exported) {
            String name = declaration.get("name").stringValue();
            assertThat(name).isNotEmpty();
            if (declaration.has("parameters")) {
                assertThat(declaration.get("parameters").get("type").stringValue())
                        .isEqualTo("OBJECT");
            } else {
                assertThat(byName.get(name).parameters().path("properties").isEmpty())
                        .as(name)
                        .isTrue();
            }
        }
    }

    @Test
    void geminiExportUsesOnlyKeywordsGeminiAccepts() {
        ArrayNode exported = DescriptorExporter.export(definitions, DescriptorFormat.GEMINI);

        List<String> violations = new ArrayList<>();
        for (JsonNode declaration : exported) {
            if (declaration.has("parameters")) {
                walk(declaration.get("parameters"), declaration.get("name").stringValue(), violations);
            }
        }

        assertThat(violations).isEmpty();
    }

    /** Checks one Gemini schema node and recurses into its sub-schemas (not into property names). */
    private static void walk(JsonNode schema, String path, List<String> violations) {
        for (String keyword : schema.propertyNames()) {
            if (!GeminiSchemaConverter.KEYWORDS.contains(keyword)) {
                violations.add(path + ": dropped keyword " + keyword);
            }
        }
        String type = schema.path("type").asString("");
        if (!GEMINI_TYPES.contains(type)) {
            violations.add(path + ": type " + type);
        }
        if (schema.has("enum") && !type.equals("STRING")) {
            violations.add(path + ": enum on " + type);
        }
        if ((schema.has("properties") || schema.has("required")) && !type.equals("OBJECT")) {
            violations.add(path + ": properties on " + type);
        }
        if (type.equals("ARRAY") != schema.has("items")) {
            violations.add(path + ": items and ARRAY must go together");
        }
        if (schema.has("properties")) {
            for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
                walk(property.getValue(), path + "." + property.getKey(), violations);
            }
        }
        if (schema.has("items")) {
            walk(schema.get("items"), path + "[]", violations);
        }
    }
}
