package dev.toolgate.server.tool;

import dev.toolgate.core.describe.DescriptorFormat;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.core.tool.ToolLimits;
import dev.toolgate.core.tool.ToolSchemas;
import dev.toolgate.core.tool.ToolType;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI schemas of tool bodies, written out from core's {@link ToolSchemas} (the parsers' own limits and
 * defaults, with this deployment's {@link ToolLimits}): per tool type a {@code <Type>Config}, a {@code <Type>ToolIn}
 * and a {@code <Type>ToolOut} (e.g. {@code HttpRequestToolIn}), each with a realistic example ({@link ToolExamples});
 * {@code ToolIn} and {@code ToolOut}, one-ofs over the types with {@code tool_type} as discriminator; {@code ToolPatch};
 * and {@code ListResponseToolOut}. It also lists the {@link DescriptorFormat}s as the values of
 * {@code exportFunctions}' {@code format}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ToolApiDocs {

    /** The schema of a tool to create. */
    static final String TOOL_IN = "ToolIn";
    /** The schema of a tool as the API shows it. */
    static final String TOOL_OUT = "ToolOut";
    /** The schema of a PATCH of a tool. */
    static final String TOOL_PATCH = "ToolPatch";
    /** The schema of a listing of tools. */
    static final String TOOL_LIST = "ListResponseToolOut";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String REF = "#/components/schemas/";

    @Bean
    OpenApiCustomizer toolSchemas(
            ToolLimits limits, ToolDefinitionParser parser, java.util.List<ToolExportFormat> exportFormats) {
        List<String> extra =
                exportFormats.stream().map(ToolExportFormat::wireName).toList();
        return openApi -> register(openApi, limits, parser, extra);
    }

    static void register(OpenAPI openApi, ToolLimits limits, ToolDefinitionParser parser) {
        register(openApi, limits, parser, List.of());
    }

    /**
     * Registers the tool schemas and the {@code format} enums of the functions export.
     *
     * @param exportFormats the export formats beyond the core's descriptor formats (voice platforms)
     */
    static void register(OpenAPI openApi, ToolLimits limits, ToolDefinitionParser parser, List<String> exportFormats) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        Components components = openApi.getComponents();
        List<ObjectNode> ins = new ArrayList<>();
        List<ObjectNode> outs = new ArrayList<>();
        for (ToolType type : ToolType.values()) {
            String name = pascal(type);
            components.addSchemas(name + "Config", schema(ToolSchemas.config(type, limits)));
            ObjectNode in = ToolSchemas.tool(type, ref(name + "Config"));
            in.putArray("examples").add(ToolExamples.in(type));
            components.addSchemas(name + "ToolIn", schema(in));
            ObjectNode out = output(ToolSchemas.tool(type, ref(name + "Config")));
            out.putArray("examples").add(ToolExamples.out(type, parser));
            components.addSchemas(name + "ToolOut", schema(out));
            ins.add(ref(name + "ToolIn"));
            outs.add(ref(name + "ToolOut"));
        }
        components.addSchemas(TOOL_IN, oneOf("A tool to create, by tool_type.", ins, "ToolIn"));
        components.addSchemas(TOOL_OUT, oneOf("A tool as the API shows it, by tool_type.", outs, "ToolOut"));
        components.addSchemas(TOOL_PATCH, schema(patch()));
        ObjectNode list = NODES.objectNode().put("type", "object").put("description", "The agent's tools.");
        list.putObject("properties").putObject("data").put("type", "array").set("items", ref(TOOL_OUT));
        list.putArray("required").add("data");
        components.addSchemas(TOOL_LIST, schema(list));
        List<String> formats = Stream.concat(
                        Arrays.stream(DescriptorFormat.values()).map(DescriptorFormat::wireName),
                        exportFormats.stream())
                .toList();
        Schema<?> functions = components.getSchemas().get("FunctionsOut");
        if (functions != null && functions.getProperties() != null) {
            enumerate(functions.getProperties().get("format"), formats);
        }
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().stream()
                    .flatMap(path -> path.readOperations().stream())
                    .filter(operation -> "exportFunctions".equals(operation.getOperationId()))
                    .flatMap(operation ->
                            operation.getParameters() == null ? Stream.empty() : operation.getParameters().stream())
                    .filter(parameter -> "format".equals(parameter.getName()))
                    .map(Parameter::getSchema)
                    .forEach(schema -> enumerate(schema, formats));
        }
    }

    /** A response: the body's fields plus the ones Toolgate sets, every one present except the signing secret. */
    private static ObjectNode output(ObjectNode tool) {
        ObjectNode out = tool.deepCopy();
        out.put("description", out.get("description").asString().replace("tool.", "tool as the API shows it."));
        ObjectNode properties = NODES.objectNode();
        properties.set("id", uuid("The tool's id."));
        properties.set("agent_id", uuid("The owning agent."));
        properties.setAll((ObjectNode) out.get("properties"));
        properties.set("created_at", instant("Creation time."));
        properties.set("updated_at", instant("Last change."));
        ObjectNode secret = NODES.objectNode().put("type", "string");
        secret.put(
                "description",
                "The new signing secret, only in the answer that issues one (create, or a PATCH"
                        + " that changes signature_scheme); shown this once.");
        properties.set("signing_secret", secret);
        out.set("properties", properties);
        var required = out.putArray("required");
        properties.propertyNames().stream()
                .filter(field -> !field.equals("signing_secret"))
                .forEach(required::add);
        return out;
    }

    /** A PATCH: any top-level field, {@code config} merged over the stored one. */
    private static ObjectNode patch() {
        ObjectNode config = NODES.objectNode().put("type", "object");
        config.put(
                "description",
                "Merged over the stored config key by key (RFC 7396) unless tool_type changes;"
                        + " \"***\" for an auth token or value keeps the stored one.");
        ObjectNode patch = ToolSchemas.tool(ToolType.HTTP_REQUEST, config);
        patch.put("description", "Changes to a tool: fields present replace the stored ones; null resets a field.");
        patch.remove("required");
        ObjectNode toolType = NODES.objectNode().put("type", "string").put("description", "A new tool type.");
        var types = toolType.putArray("enum");
        Arrays.stream(ToolType.values()).map(ToolType::wireName).forEach(types::add);
        ((ObjectNode) patch.get("properties")).set("tool_type", toolType);
        ObjectNode example = NODES.objectNode().put("description", "Finds a customer by phone number.");
        patch.putArray("examples").add(example.put("priority", 2));
        return patch;
    }

    private static Schema<?> oneOf(String description, List<ObjectNode> refs, String suffix) {
        ObjectNode schema = NODES.objectNode().put("description", description);
        refs.forEach(schema.putArray("oneOf")::add);
        ObjectNode discriminator = schema.putObject("discriminator").put("propertyName", "tool_type");
        ObjectNode mapping = discriminator.putObject("mapping");
        for (ToolType type : ToolType.values()) {
            mapping.put(type.wireName(), REF + pascal(type) + suffix);
        }
        return schema(schema);
    }

    private static void enumerate(Schema<?> schema, List<String> values) {
        if (schema != null) {
            @SuppressWarnings("unchecked")
            Schema<Object> target = (Schema<Object>) schema;
            target.setEnum(new ArrayList<>(values));
        }
    }

    private static ObjectNode uuid(String description) {
        return NODES.objectNode().put("type", "string").put("format", "uuid").put("description", description);
    }

    private static ObjectNode instant(String description) {
        return NODES.objectNode()
                .put("type", "string")
                .put("format", "date-time")
                .put("description", description);
    }

    private static ObjectNode ref(String name) {
        return NODES.objectNode().put("$ref", REF + name);
    }

    /** {@code http_request} → {@code HttpRequest}. */
    static String pascal(ToolType type) {
        StringBuilder out = new StringBuilder();
        for (String part : type.wireName().split("_")) {
            out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return out.toString();
    }

    /** Reads a JSON Schema into springdoc's model, as OpenAPI 3.1 (where a schema is JSON Schema 2020-12). */
    private static Schema<?> schema(JsonNode json) {
        try {
            return Json31.mapper().readValue(json.toString(), Schema.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a generated tool schema is not a schema: " + e.getOriginalMessage(), e);
        }
    }
}
