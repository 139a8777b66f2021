package dev.toolgate.server.tenant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A tenant's overrides of the deployment's rate limits, in invocations per minute: null = the deployment default
 * ({@code toolgate.rate-limit.*}), 0 = unlimited.
 *
 * @param tenantPerMinute all invocations of the tenant
 * @param toolPerMinute invocations of any one tool
 * @param testFirePerMinute test fires of the tenant
 */
@Schema(name = "RateLimitsOut", description = "Rate-limit overrides per minute; null: the deployment default.")
record RateLimitsOut(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"integer", "null"},
                example = "120")
        Integer tenantPerMinute,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"integer", "null"},
                example = "30")
        Integer toolPerMinute,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"integer", "null"},
                example = "10")
        Integer testFirePerMinute) {

    static RateLimitsOut of(Tenant.RateLimitOverrides limits) {
        return new RateLimitsOut(limits.tenantPerMinute(), limits.toolPerMinute(), limits.testFirePerMinute());
    }
}
