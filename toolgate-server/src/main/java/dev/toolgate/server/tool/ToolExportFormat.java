package dev.toolgate.server.tool;

import dev.toolgate.core.tool.ToolDefinition;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A tool-export format of {@code GET /v1/agents/{agentId}/functions?format=...} beyond the core's LLM descriptor
 * formats: a bean of another feature (the voice platforms' formats of {@code server.platform}) that this package
 * serves without depending on it.
 */
public interface ToolExportFormat {

    /** Returns the format's name in the {@code format} query parameter, lower case, e.g. {@code vapi}. */
    String wireName();

    /**
     * Returns one descriptor per tool, in the order given.
     *
     * @param agentId the agent the tools belong to
     * @param tools the agent's enabled tools, lowest priority first
     * @return new JSON objects in the format's own shape
     */
    List<JsonNode> export(UUID agentId, List<ToolDefinition> tools);
}
