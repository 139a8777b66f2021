package dev.toolgate.core.tool;

/**
 * The seven tool types. Only {@link #HTTP_REQUEST} calls an
 * endpoint; the others describe an action the voice runtime carries out itself.
 */
public enum ToolType {
    /** Calls the tenant's HTTPS endpoint (config: {@link HttpRequestConfig}). */
    HTTP_REQUEST("http_request"),
    /** Cold or warm transfer to a phone number (config: {@link TransferCallConfig}). */
    TRANSFER_CALL("transfer_call"),
    /** SIP INVITE transfer that the AI monitors (config: {@link MonitoredTransferConfig}). */
    MONITORED_TRANSFER("monitored_transfer"),
    /** Ends the call, optionally with a goodbye (config: {@link EndCallConfig}). */
    END_CALL("end_call"),
    /** Extracts a value from the conversation into a call variable (config: {@link ExtractVariableConfig}). */
    EXTRACT_VARIABLE("extract_variable"),
    /** Plays DTMF tones (config: {@link PlayToneConfig}). */
    PLAY_TONE("play_tone"),
    /** Searches the agent's knowledge base (config: {@link KnowledgeBaseConfig}). */
    KNOWLEDGE_BASE("knowledge_base");

    private final String wireName;

    ToolType(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the snake_case name used in the REST API and the database, e.g. {@code http_request}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Returns the type whose {@linkplain #wireName() wire name} is {@code name}.
     *
     * @throws IllegalArgumentException if no type has that name
     */
    public static ToolType fromWireName(String name) {
        for (ToolType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown tool_type: " + name);
    }
}
