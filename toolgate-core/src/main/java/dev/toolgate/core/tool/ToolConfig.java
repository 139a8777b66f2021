package dev.toolgate.core.tool;

/**
 * The per-type configuration of a tool: one record per {@link ToolType}.
 * {@link #type()} ties each record to its type.
 */
public sealed interface ToolConfig
        permits HttpRequestConfig,
                TransferCallConfig,
                MonitoredTransferConfig,
                EndCallConfig,
                ExtractVariableConfig,
                PlayToneConfig,
                KnowledgeBaseConfig {

    /** Returns the tool type this configuration belongs to. */
    ToolType type();
}
