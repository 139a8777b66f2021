package dev.toolgate.server.secrets;

import java.time.Instant;

/**
 * A tenant secret as the API shows it: its name and dates, never its value.
 *
 * @param name the name used in {@code {{secrets.NAME}}}
 * @param createdAt when it was first set
 * @param updatedAt when its value was last set
 */
public record TenantSecret(String name, Instant createdAt, Instant updatedAt) {}
