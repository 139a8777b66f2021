package dev.toolgate.server.tenant;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.toolgate.server.api.KnownFieldsOnly;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;

/**
 * The body of {@code PUT /v1/tenants/{tenantId}/rate-limits}: the whole set of overrides, in invocations per minute;
 * a field left out or null is the deployment default, 0 is unlimited.
 *
 * @param tenantPerMinute all invocations of the tenant, 0..{@value Tenant.RateLimitOverrides#MAX_PER_MINUTE}
 * @param toolPerMinute invocations of any one tool, same range
 * @param testFirePerMinute test fires of the tenant, same range
 * @param unknownFields fields that are not rate limits; each one is refused
 */
@Schema(
        name = "RateLimitsIn",
        description = "Rate-limit overrides per minute: null or left out is the deployment default, 0 unlimited.",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
@KnownFieldsOnly(message = "is not a rate limit; use tenant_per_minute, tool_per_minute or test_fire_per_minute")
record RateLimitsIn(
        @Schema(
                types = {"integer", "null"},
                example = "120")
        @Min(value = 0, message = RULE)
        @Max(value = Tenant.RateLimitOverrides.MAX_PER_MINUTE, message = RULE)
        Integer tenantPerMinute,

        @Schema(
                types = {"integer", "null"},
                example = "30")
        @Min(value = 0, message = RULE)
        @Max(value = Tenant.RateLimitOverrides.MAX_PER_MINUTE, message = RULE)
        Integer toolPerMinute,

        @Schema(
                types = {"integer", "null"},
                example = "10")
        @Min(value = 0, message = RULE)
        @Max(value = Tenant.RateLimitOverrides.MAX_PER_MINUTE, message = RULE)
        Integer testFirePerMinute,

        @Schema(hidden = true) @JsonAnySetter Map<String, Object> unknownFields)
        implements KnownFieldsOnly.Body {

    /** What a valid limit is. */
    static final String RULE = "must be an integer from 0 (unlimited) to " + Tenant.RateLimitOverrides.MAX_PER_MINUTE
            + ", or null for the deployment default";

    /** Returns the overrides these fields set. */
    Tenant.RateLimitOverrides overrides() {
        return new Tenant.RateLimitOverrides(tenantPerMinute, toolPerMinute, testFirePerMinute);
    }
}
