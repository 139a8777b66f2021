package dev.toolgate.server.agent;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * An agent as the API shows it.
 *
 * @param id the agent's id
 * @param tenantId the owning tenant
 * @param name the display name
 * @param description the note, or null
 * @param createdAt creation time
 * @param updatedAt last change
 */
@Schema(name = "AgentOut", description = "A voice agent: the owner of a set of tools.")
record AgentOut(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID tenantId,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Front desk")
        String name,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"string", "null"},
                example = "Answers the main line of the Berlin office.")
        String description,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) {

    static AgentOut of(Agent agent) {
        return new AgentOut(
                agent.id(), agent.tenantId(), agent.name(), agent.description(), agent.createdAt(), agent.updatedAt());
    }
}
