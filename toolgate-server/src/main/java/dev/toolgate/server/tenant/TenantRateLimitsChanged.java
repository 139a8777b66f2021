package dev.toolgate.server.tenant;

import java.util.UUID;

/**
 * Published (as a Spring application event) when the operator changes a tenant's rate limits, so caches of them
 * can be dropped.
 *
 * @param tenantId the tenant whose limits changed
 */
public record TenantRateLimitsChanged(UUID tenantId) {}
