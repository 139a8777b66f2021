package dev.toolgate.server.tool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinition;
import dev.toolgate.core.tool.ToolDefinitionWriter;
import dev.toolgate.core.voice.ToolSchemas;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A tool as the API shows it: its id and agent, the definition as {@link ToolDefinitionWriter} writes it (every config
 * field, defaults filled in, auth token and value {@code "***"}), and its times. Its documented schema is the
 * {@code ToolOut} one-of of {@link ToolApiDocs}, one shape per tool type.
 *
 * @param id the tool's id
 * @param agentId the owning agent
 * @param name the function name
 * @param displayName a name for people, or null
 * @param description the text shown to the model
 * @param toolType the tool type's wire name
 * @param parameters the JSON Schema of the arguments the model sees: an {@code http_request} tool's own, the fixed
 *     schema of the other types ({@link ToolSchemas#forTool}, docs/voice-runtime.md)
 * @param config the per-type configuration
 * @param isEnabled whether the tool is exported and may be invoked
 * @param priority export order, lowest first
 * @param createdAt creation time
 * @param updatedAt last change
 * @param signingSecret the new signing secret, only in the answer that issues one (create, or a PATCH that changes
 *     the signature scheme); left out otherwise
 */
public record ToolOut(
        UUID id,
        UUID agentId,
        String name,
        String displayName,
        String description,
        String toolType,
        JsonNode parameters,
        JsonNode config,
        @JsonProperty("is_enabled") boolean isEnabled,
        int priority,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String signingSecret) {

    private static final ToolDefinitionWriter WRITER = new ToolDefinitionWriter();

    /** The tool without a signing secret. */
    static ToolOut of(Tool tool) {
        return of(tool, null);
    }

    /** The tool with {@code signingSecret} (null: none). */
    public static ToolOut of(Tool tool, String signingSecret) {
        ToolDefinition definition = tool.definition();
        return new ToolOut(
                tool.id(),
                tool.agentId(),
                definition.name(),
                definition.displayName(),
                definition.description(),
                definition.type().wireName(),
                ToolSchemas.forTool(definition),
                WRITER.toJson(definition, true).get("config"),
                definition.enabled(),
                definition.priority(),
                tool.createdAt(),
                tool.updatedAt(),
                signingSecret);
    }

    @Override
    public String toString() {
        return "ToolOut[id=" + id + ", agentId=" + agentId + ", name=" + name + ", signingSecret="
                + (signingSecret == null ? "none" : "***") + "]";
    }

    /** This tool with {@code signingSecret}. */
    ToolOut withSigningSecret(String signingSecret) {
        return new ToolOut(
                id,
                agentId,
                name,
                displayName,
                description,
                toolType,
                parameters,
                config,
                isEnabled,
                priority,
                createdAt,
                updatedAt,
                signingSecret);
    }
}
