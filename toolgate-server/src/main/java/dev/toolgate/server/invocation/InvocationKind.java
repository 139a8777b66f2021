package dev.toolgate.server.invocation;

import java.util.Arrays;
import java.util.List;

/**
 * Where an invocation came from: the {@code kind} of its invocation-log record (docs/invocation-log.md) and the
 * {@code kind} tag of the {@code toolgate.invocations} timer. Every kind but {@link #TEST_FIRE} is a real tool call
 * of a model and counts in a tool's health.
 */
public enum InvocationKind {
    /** The invoke and tool-calls APIs, replays and repeats ({@code POST /v1/agents/{id}/invocations}). */
    INVOKE("invoke"),
    /** A test fire ({@code POST …/tools/{toolId}/test}). */
    TEST_FIRE("test_fire"),
    /** An MCP {@code tools/call} on {@code /v1/agents/{id}/mcp} (docs/mcp.md). */
    MCP("mcp"),
    /** A Vapi {@code tool-calls} server message on the Vapi adapter (docs/platforms.md). */
    VAPI("vapi"),
    /** A Retell custom-function request on the Retell adapter (docs/platforms.md). */
    RETELL("retell"),
    /** An ElevenLabs server-tool webhook on the ElevenLabs adapter (docs/platforms.md). */
    ELEVENLABS("elevenlabs");

    private final String wireName;

    InvocationKind(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the name stored in the log and shown by the API, e.g. {@code mcp}; at most 16 characters. */
    public String wireName() {
        return wireName;
    }

    /** Returns every kind's wire name, in declaration order. */
    static List<String> wireNames() {
        return Arrays.stream(values()).map(InvocationKind::wireName).toList();
    }
}
