package dev.toolgate.core.tool;

/**
 * Configuration of a {@code knowledge_base} tool.
 *
 * @param topK how many document chunks to retrieve (1–50)
 * @param similarityThreshold the minimum similarity score, 0.0–1.0
 * @param bridgingSentence what the agent says while searching, or null
 */
public record KnowledgeBaseConfig(int topK, double similarityThreshold, String bridgingSentence) implements ToolConfig {
    @Override
    public ToolType type() {
        return ToolType.KNOWLEDGE_BASE;
    }
}
