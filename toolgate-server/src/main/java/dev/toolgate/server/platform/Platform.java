package dev.toolgate.server.platform;

import dev.toolgate.server.invocation.InvocationKind;

/**
 * The hosted voice platforms Toolgate stands behind (docs/platforms.md): each calls its own adapter, proves itself
 * with a credential checked against one tenant secret, and is recorded as its own invocation kind.
 */
enum Platform {
    /** Vapi: {@code X-Vapi-Secret} equal to the tenant secret {@code vapi_server_secret}. */
    VAPI("vapi", InvocationKind.VAPI, "vapi_server_secret", "X-Vapi-Secret"),
    /**
     * Retell: {@code X-Retell-Signature} ({@link RetellSignature}) keyed by the tenant secret {@code retell_api_key},
     * the Retell API key that signs webhooks.
     */
    RETELL("retell", InvocationKind.RETELL, "retell_api_key", "X-Retell-Signature"),
    /** ElevenLabs: {@code X-Toolgate-Secret} equal to the tenant secret {@code elevenlabs_tool_secret}. */
    ELEVENLABS("elevenlabs", InvocationKind.ELEVENLABS, "elevenlabs_tool_secret", "X-Toolgate-Secret");

    private final String wireName;
    private final InvocationKind kind;
    private final String secretName;
    private final String credentialHeader;

    Platform(String wireName, InvocationKind kind, String secretName, String credentialHeader) {
        this.wireName = wireName;
        this.kind = kind;
        this.secretName = secretName;
        this.credentialHeader = credentialHeader;
    }

    /** Returns the name in the adapter's path and in {@code ?format=} of the functions export, e.g. {@code vapi}. */
    String wireName() {
        return wireName;
    }

    /** Returns the invocation kind its calls are recorded with. */
    InvocationKind kind() {
        return kind;
    }

    /** Returns the name of the tenant secret ({@code /v1/secrets/{name}}) its credential is checked against. */
    String secretName() {
        return secretName;
    }

    /** Returns the request header that carries its credential. */
    String credentialHeader() {
        return credentialHeader;
    }

    /** Returns the adapter's path for an agent, e.g. {@code /v1/agents/<id>/adapters/vapi}. */
    String adapterPath(java.util.UUID agentId) {
        return "/v1/agents/" + agentId + "/adapters/" + wireName;
    }
}
