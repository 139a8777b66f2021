package dev.toolgate.server.tenant;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.toolgate.core.telephony.PhoneNumbers;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.api.KnownFieldsOnly;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * The body of {@code PUT /v1/tenants/{tenantId}/call-settings}: both settings; a field left out or null is the
 * deployment's ({@code toolgate.calls.default-region}, {@code toolgate.calls.time-zone}).
 *
 * @param region an ISO 3166-1 alpha-2 region libphonenumber knows (e.g. {@code DE}, any case), or {@code ZZ}
 * @param timeZone a time-zone id of the IANA database (e.g. {@code Europe/Berlin}) or a fixed offset
 * @param unknownFields fields that are not call settings; each one is refused
 */
@Schema(
        name = "CallSettingsIn",
        description = "Where the tenant's callers are; null or left out: the deployment's setting.",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
@KnownFieldsOnly(message = "is not a call setting; use region or time_zone")
record CallSettingsIn(
        @Schema(
                types = {"string", "null"},
                description = "ISO 3166-1 alpha-2 region, or ZZ for international forms only.",
                example = "DE")
        String region,

        @Schema(
                types = {"string", "null"},
                description = "A time-zone id.",
                example = "Europe/Berlin")
        String timeZone,

        @Schema(hidden = true) @JsonAnySetter Map<String, Object> unknownFields)
        implements KnownFieldsOnly.Body {

    /**
     * Returns the settings these fields set.
     *
     * @throws ApiException 422 {@code validation_failed} naming {@code region} or {@code time_zone}
     */
    Tenant.CallSettings settings() {
        String upper = region == null ? null : region.strip().toUpperCase(Locale.ROOT);
        if (upper != null && (upper.length() != 2 || !PhoneNumbers.isKnownRegion(upper))) {
            throw ApiException.invalid("region", "must be an ISO 3166-1 alpha-2 region such as DE or US, or ZZ");
        }
        if (timeZone != null) {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                throw ApiException.invalid("time_zone", "must be a time-zone id such as Europe/Berlin");
            }
        }
        return new Tenant.CallSettings(upper, timeZone);
    }
}
