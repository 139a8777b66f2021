package dev.toolgate.core.voice;

import dev.toolgate.core.tool.EndCallConfig;
import dev.toolgate.core.tool.ExtractVariableConfig;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.KnowledgeBaseConfig;
import dev.toolgate.core.tool.MonitoredTransferConfig;
import dev.toolgate.core.tool.PlayToneConfig;
import dev.toolgate.core.tool.ToolConfig;
import dev.toolgate.core.tool.TransferCallConfig;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the voice runtime says around one tool call, known before the call runs: whether it fills the wait, what
 * it says then, and whether it speaks from the result. The one place these rules live per tool type
 * (docs/voice-runtime.md, "Speech"):
 *
 * <table>
 *   <caption>Speech per tool type</caption>
 *   <tr><th>type</th><th>during</th><th>message</th><th>after</th></tr>
 *   <tr><td>{@code http_request}</td><td>{@code speak_during_execution}</td><td>{@code speak_during_message}</td>
 *       <td>{@code speak_after_execution}</td></tr>
 *   <tr><td>{@code knowledge_base}</td><td>when it has a {@code bridging_sentence}</td>
 *       <td>{@code bridging_sentence}</td><td>yes</td></tr>
 *   <tr><td>{@code extract_variable}</td><td>no</td><td>none</td><td>yes</td></tr>
 *   <tr><td>{@code transfer_call}, {@code monitored_transfer}, {@code end_call}, {@code play_tone}</td><td>no</td>
 *       <td>none</td><td>no: the runtime carries out the action (a goodbye is in the {@code end_call} action)</td></tr>
 * </table>
 *
 * @param duringExecution whether the runtime speaks while the tool runs
 * @param duringMessage what it says then, or null for a filler of its own choosing
 * @param afterExecution whether the runtime speaks from the result afterwards
 */
public record Speech(boolean duringExecution, String duringMessage, boolean afterExecution) {

    /** The vendor-extension key under which exported descriptors carry the speech and tool type. */
    public static final String EXTENSION = "x-toolgate";

    /** Returns the speech of a tool with {@code config}. */
    public static Speech of(ToolConfig config) {
        return switch (config) {
            case HttpRequestConfig http ->
                new Speech(
                        http.speakDuringExecution(),
                        http.speakDuringExecution() ? http.speakDuringMessage() : null,
                        http.speakAfterExecution());
            case KnowledgeBaseConfig knowledge -> {
                String bridging = knowledge.bridgingSentence();
                boolean says = bridging != null && !bridging.isBlank();
                yield new Speech(says, says ? bridging.strip() : null, true);
            }
            case ExtractVariableConfig extract -> new Speech(false, null, true);
            case TransferCallConfig transfer -> new Speech(false, null, false);
            case MonitoredTransferConfig monitored -> new Speech(false, null, false);
            case EndCallConfig endCall -> new Speech(false, null, false);
            case PlayToneConfig tone -> new Speech(false, null, false);
        };
    }

    /**
     * Returns the {@value #EXTENSION} object of an exported descriptor: {@code {"tool_type": ...,
     * "speak_during_execution": ..., "speak_during_message": ... or null, "speak_after_execution": ...}}.
     */
    public static ObjectNode extension(ToolConfig config) {
        Speech speech = of(config);
        return JsonNodeFactory.instance
                .objectNode()
                .put("tool_type", config.type().wireName())
                .put("speak_during_execution", speech.duringExecution())
                .put("speak_during_message", speech.duringMessage())
                .put("speak_after_execution", speech.afterExecution());
    }
}
