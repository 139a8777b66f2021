package dev.toolgate.server.agent;

import java.time.Instant;
import java.util.UUID;

/**
 * A voice agent: the owner of a set of tools.
 *
 * @param id the agent's id
 * @param tenantId the owning tenant
 * @param name a display name, 1–255 characters
 * @param description an optional note, at most 2,000 characters
 * @param createdAt creation time
 * @param updatedAt last change
 */
public record Agent(UUID id, UUID tenantId, String name, String description, Instant createdAt, Instant updatedAt) {

    /** The longest name, in characters. */
    public static final int MAX_NAME = 255;

    /** The longest description, in characters. */
    public static final int MAX_DESCRIPTION = 2000;
}
