package dev.toolgate.core.tool;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored tool: its {@link ToolDefinition} plus identity and timestamps.
 *
 * @param id the tool's id
 * @param tenantId the tenant that owns the agent
 * @param agentId the agent the tool belongs to
 * @param definition what the tenant defined
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Tool(
        UUID id, UUID tenantId, UUID agentId, ToolDefinition definition, Instant createdAt, Instant updatedAt) {
    public Tool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(definition, "definition");
    }

    /** Shortcut for {@code definition().name()}. */
    public String name() {
        return definition.name();
    }
}
