package dev.toolgate.core.telephony;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a tenant's callers are, for reading what they say: national phone-number forms, the order of day
 * and month in {@code 03/05/2027}, and what "today" means.
 *
 * @param region the ISO 3166-1 alpha-2 region, upper case (e.g. {@code DE}, {@code US}), or {@code ZZ} for
 *     none (international phone forms only, day-first dates)
 * @param zone the time zone "today" and "tomorrow" are taken in
 */
public record Locality(String region, ZoneId zone) {

    /** No region, UTC. */
    public static final Locality NONE = new Locality("ZZ", ZoneId.of("UTC"));

    /**
     * @throws IllegalArgumentException if {@code region} is not a region libphonenumber knows, nor {@code ZZ}
     */
    public Locality {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(zone, "zone");
        region = region.toUpperCase(Locale.ROOT);
        if (!PhoneNumbers.isKnownRegion(region)) {
            throw new IllegalArgumentException("unknown ISO 3166-1 alpha-2 region: " + region);
        }
    }
}
