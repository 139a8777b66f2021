package dev.toolgate.core.describe;

import dev.toolgate.core.tool.ToolDefinition;
import dev.toolgate.core.voice.Speech;
import dev.toolgate.core.voice.ToolSchemas;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exports an agent's tools as LLM function descriptors: what the voice runtime hands the model as its tool
 * list. Only enabled tools are exported, lowest {@code priority} first, ties by name. Every tool type is
 * exported the same way (name, description, parameters schema): the model calls a {@code transfer_call}
 * tool like any other function. The parameters are {@link ToolSchemas#forTool}: an {@code http_request} tool's
 * own schema, the fixed argument schema of the six other types (docs/voice-runtime.md).
 *
 * <p>With extensions, each descriptor also carries {@value Speech#EXTENSION} ({@link Speech#extension}): the tool
 * type and what the voice runtime says while and after it runs. Runtimes that hand descriptors to the vendor
 * verbatim drop it, or export without extensions.
 *
 * <p>OpenAI and Anthropic get the stored JSON Schema unchanged (a copy). Gemini gets it converted by
 * {@link GeminiSchemaConverter}; a tool without parameters gets no {@code parameters} field there, because
 * Gemini refuses an {@code OBJECT} schema with empty {@code properties}.
 *
 * <p>Stateless and thread-safe. Names already satisfy all three vendors' rules ({@code ^[a-zA-Z0-9_-]{1,64}$}),
 * except that Vertex AI also wants a Gemini name to start with a letter or an underscore.
 */
public final class DescriptorExporter {

    private static final Comparator<ToolDefinition> ORDER =
            Comparator.comparingInt(ToolDefinition::priority).thenComparing(ToolDefinition::name);

    private DescriptorExporter() {}

    /**
     * Returns the descriptors of the enabled tools, sorted by priority then name.
     *
     * @param tools the agent's tools, in any order; disabled ones are skipped
     * @param format the target API's format
     * @return a new JSON array, one descriptor per enabled tool
     */
    public static ArrayNode export(List<ToolDefinition> tools, DescriptorFormat format) {
        return export(tools, format, false);
    }

    /**
     * Returns the descriptors of the enabled tools, sorted by priority then name.
     *
     * @param tools the agent's tools, in any order; disabled ones are skipped
     * @param format the target API's format
     * @param extensions whether each descriptor carries the {@value Speech#EXTENSION} object
     * @return a new JSON array, one descriptor per enabled tool
     */
    public static ArrayNode export(List<ToolDefinition> tools, DescriptorFormat format, boolean extensions) {
        Objects.requireNonNull(format, "format");
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        tools.stream().filter(ToolDefinition::enabled).sorted(ORDER).forEach(tool -> {
            ObjectNode descriptor = describe(tool, format);
            if (extensions) {
                descriptor.set(Speech.EXTENSION, Speech.extension(tool.config()));
            }
            result.add(descriptor);
        });
        return result;
    }

    /**
     * Returns one tool's descriptor in {@code format}, whether or not the tool is enabled.
     *
     * @param tool the tool
     * @param format the target API's format
     * @return a new JSON object
     */
    public static ObjectNode describe(ToolDefinition tool, DescriptorFormat format) {
        ObjectNode descriptor = JsonNodeFactory.instance.objectNode();
        JsonNode parameters = ToolSchemas.forTool(tool);
        switch (format) {
            case OPENAI -> {
                descriptor.put("type", "function");
                descriptor
                        .putObject("function")
                        .put("name", tool.name())
                        .put("description", tool.description())
                        .set("parameters", parameters.deepCopy());
            }
            case ANTHROPIC ->
                descriptor
                        .put("name", tool.name())
                        .put("description", tool.description())
                        .set("input_schema", parameters.deepCopy());
            case GEMINI -> {
                descriptor.put("name", tool.name()).put("description", tool.description());
                ObjectNode converted = GeminiSchemaConverter.convert(parameters);
                if (converted.has("properties")) {
                    descriptor.set("parameters", converted);
                }
            }
        }
        return descriptor;
    }
}
