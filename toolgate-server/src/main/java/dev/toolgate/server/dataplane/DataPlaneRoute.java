package dev.toolgate.server.dataplane;

import java.util.Locale;
import java.util.UUID;

/**
 * A request the data plane's front may serve ({@link DataPlaneFilter}): its endpoint and agent.
 *
 * @param endpoint which tool-call endpoint
 * @param agentId the agent in the path
 */
record DataPlaneRoute(Endpoint endpoint, UUID agentId) {

    private static final String PREFIX = "/v1/agents/";
    /** A UUID's canonical text form: 32 hex digits in groups of 8-4-4-4-12 (RFC 9562 section 4). */
    private static final int UUID_CHARS = 36;

    /** The endpoints of the data plane's front. */
    enum Endpoint {
        /** {@code POST /v1/agents/{agentId}/invocations}: one tool call. */
        INVOKE("/invocations", "invoke"),
        /** {@code POST /v1/agents/{agentId}/tool-calls}: an OpenAI assistant message's tool calls. */
        TOOL_CALLS("/tool-calls", "tool_calls");

        private final String suffix;
        private final String tag;

        Endpoint(String suffix, String tag) {
            this.suffix = suffix;
            this.tag = tag;
        }

        /** The metric tag value naming the endpoint. */
        String tag() {
            return tag;
        }
    }

    /**
     * The route of a request, or null when it is not a {@code POST} to one of the endpoints with the agent id in its
     * canonical form (anything else, e.g. an encoded or malformed path, is left to Spring MVC).
     *
     * @param method the request method
     * @param path the request URI's path, undecoded
     */
    static DataPlaneRoute of(String method, String path) {
        if (!"POST".equals(method) || path == null || !path.startsWith(PREFIX)) {
            return null;
        }
        int idEnd = PREFIX.length() + UUID_CHARS;
        if (path.length() <= idEnd) {
            return null;
        }
        for (Endpoint endpoint : Endpoint.values()) {
            if (path.length() == idEnd + endpoint.suffix.length() && path.endsWith(endpoint.suffix)) {
                UUID agentId = uuid(path.substring(PREFIX.length(), idEnd));
                return agentId == null ? null : new DataPlaneRoute(endpoint, agentId);
            }
        }
        return null;
    }

    /**
     * Whether the answer may be JSON and nothing else is asked for first: no {@code Accept}, or one that names only
     * {@code application/json} or {@code *}{@code /*} (parameters such as {@code q} ignored). An event stream or
     * TwiML is asked for by naming its type (docs/voice-runtime.md).
     */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String type = mediaType(range);
            if (!type.equals("application/json") && !type.equals("*/*")) {
                return false;
            }
        }
        return true;
    }

    /** Whether a {@code Content-Type} is {@code application/json} (with or without a charset). */
    static boolean isJson(String contentType) {
        return contentType != null && mediaType(contentType).equals("application/json");
    }

    private static String mediaType(String value) {
        int parameters = value.indexOf(';');
        return (parameters < 0 ? value : value.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    private static UUID uuid(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (dash ? c != '-' : !hex) {
                return null;
            }
        }
        return UUID.fromString(text);
    }
}
