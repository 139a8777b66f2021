package dev.toolgate.server.invalidation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.UUID;

/**
 * A write that makes cached copies stale, as sent between instances by the {@link InvalidationBus}. On the wire each
 * event is a small JSON object named by {@code type}, e.g. {@code {"type":"tool","tenantId":"…","agentId":"…",
 * "toolId":"…"}}; it carries ids and names only, never a value.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = InvalidationEvent.ApiKeyChanged.class, name = "api_key"),
    @JsonSubTypes.Type(value = InvalidationEvent.ToolChanged.class, name = "tool"),
    @JsonSubTypes.Type(value = InvalidationEvent.AgentChanged.class, name = "agent"),
    @JsonSubTypes.Type(value = InvalidationEvent.SecretChanged.class, name = "secret"),
    @JsonSubTypes.Type(value = InvalidationEvent.SigningSecretChanged.class, name = "signing_secret"),
    @JsonSubTypes.Type(value = InvalidationEvent.RateLimitsChanged.class, name = "rate_limits"),
    @JsonSubTypes.Type(value = InvalidationEvent.KnowledgeChanged.class, name = "knowledge"),
    @JsonSubTypes.Type(value = InvalidationEvent.CallSettingsChanged.class, name = "call_settings"),
    @JsonSubTypes.Type(value = InvalidationEvent.Everything.class, name = "everything")
})
public sealed interface InvalidationEvent {

    /**
     * An API key was deleted (revoked).
     *
     * @param tenantId the key's tenant
     * @param keyId the key's id
     */
    record ApiKeyChanged(UUID tenantId, UUID keyId) implements InvalidationEvent {}

    /**
     * A tool was changed (also enabled or disabled, renamed) or deleted.
     *
     * @param tenantId the tool's tenant
     * @param agentId the tool's agent
     * @param toolId the tool's id
     */
    record ToolChanged(UUID tenantId, UUID agentId, UUID toolId) implements InvalidationEvent {}

    /**
     * An agent was deleted, and with it its tools.
     *
     * @param tenantId the agent's tenant
     * @param agentId the agent's id
     */
    record AgentChanged(UUID tenantId, UUID agentId) implements InvalidationEvent {}

    /**
     * A tenant secret was set or deleted.
     *
     * @param tenantId the secret's tenant
     * @param name the secret's name (not its value)
     */
    record SecretChanged(UUID tenantId, String name) implements InvalidationEvent {}

    /**
     * A tool's signing secrets changed: issued, rotated or replaced.
     *
     * @param toolId the tool
     */
    record SigningSecretChanged(UUID toolId) implements InvalidationEvent {}

    /**
     * The operator changed a tenant's rate-limit overrides.
     *
     * @param tenantId the tenant
     */
    record RateLimitsChanged(UUID tenantId) implements InvalidationEvent {}

    /**
     * A knowledge-base document of the agent became ready or was deleted: each instance brings its index of the
     * agent in step with the database.
     *
     * @param tenantId the agent's tenant
     * @param agentId the agent
     */
    record KnowledgeChanged(UUID tenantId, UUID agentId) implements InvalidationEvent {}

    /**
     * A tenant's call settings (region, time zone) changed.
     *
     * @param tenantId the tenant
     */
    record CallSettingsChanged(UUID tenantId) implements InvalidationEvent {}

    /**
     * Drop every cached entry: delivered locally when the bus loses or regains its connection to the other
     * instances, since messages may have been missed in between.
     */
    record Everything() implements InvalidationEvent {}
}
