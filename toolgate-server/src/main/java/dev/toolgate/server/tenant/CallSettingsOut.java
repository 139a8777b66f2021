package dev.toolgate.server.tenant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A tenant's call settings; null: the deployment's ({@code toolgate.calls.default-region},
 * {@code toolgate.calls.time-zone}).
 *
 * @param region the ISO 3166-1 alpha-2 region (or {@code ZZ}) national phone forms, spoken destinations and numeric
 *     dates are read in, or null
 * @param timeZone the time-zone id of "today" in date variables, or null
 */
@Schema(name = "CallSettingsOut", description = "Where the tenant's callers are; null: the deployment's setting.")
record CallSettingsOut(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"string", "null"},
                example = "DE")
        String region,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"string", "null"},
                example = "Europe/Berlin")
        String timeZone) {

    static CallSettingsOut of(Tenant.CallSettings settings) {
        return new CallSettingsOut(settings.region(), settings.timeZone());
    }
}
