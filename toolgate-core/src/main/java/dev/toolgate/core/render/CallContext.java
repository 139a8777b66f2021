package dev.toolgate.core.render;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The live phone call a tool call belongs to, as the voice runtime reports it. Feeds the envelope body
 * and the templates {@code {{call_id}}}, {@code {{caller_number}}}, {@code {{agent_id}}},
 * {@code {{tenant_id}}} and {@code {{vars.NAME}}}.
 *
 * @param callId the runtime's id of the call; non-null (may be empty for a test fire without a call)
 * @param callerNumber the caller's number (E.164 when known), or null
 * @param tenantId the tenant owning the agent
 * @param agentId the agent on the call
 * @param variables call variables set by {@code extract_variable} tools; never null
 */
public record CallContext(
        String callId, String callerNumber, UUID tenantId, UUID agentId, Map<String, String> variables) {

    /**
     * The longest call id, caller number or model tool-call id the API accepts, in characters: the invocation log
     * keeps them in columns of this width (docs/request-response.md).
     */
    public static final int MAX_ID_CHARS = 255;

    public CallContext {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(agentId, "agentId");
        variables = Map.copyOf(variables == null ? Map.of() : variables);
    }
}
