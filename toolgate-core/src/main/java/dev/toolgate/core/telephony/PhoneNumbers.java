package dev.toolgate.core.telephony;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone-number rules, on Google's libphonenumber metadata.
 *
 * <ul>
 *   <li>A <em>configured</em> number (a tool's {@code phone_number}, an {@code allowed_destinations} entry)
 *       must be written in E.164 form ({@code +}, country code, subscriber number, no spaces; 7–15 digits,
 *       ITU-T E.164 section 6).</li>
 *   <li>A number <em>the model names</em> may be written in any common form ({@code +1 (415) 555-0100},
 *       {@code 030 1234567}); national forms are read in the tenant's default region. It is normalized to
 *       E.164 when possible.</li>
 *   <li>An <em>extracted</em> number ({@code extract_variable} of type {@code phone}) must also be a
 *       <em>valid</em> number (an assigned range in libphonenumber's metadata), which catches a misheard
 *       digit more often.</li>
 * </ul>
 *
 * <p>Thread-safe; all methods are static.
 */
public final class PhoneNumbers {

    /** The written E.164 form: {@code +}, a non-zero first digit, 7–15 digits in all. */
    public static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    /** An example E.164 number used in messages. */
    public static final String E164_EXAMPLE = "+4930999888";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /**
     * Checks a configured number: the written E.164 form. (libphonenumber's length check is not applied here,
     * so that every number stored under the earlier rule still loads; a configured number that is no possible
     * number simply never equals a number the model names.)
     *
     * @param text the configured text; null is a problem
     * @return the number itself, or a problem naming the expected form
     */
    public static Parsed<String> configured(String text) {
        if (text == null || !E164.matcher(text).matches()) {
            return new Parsed.Problem<>(
                    "must be an E.164 number: +, country code and number, digits only, e.g. " + E164_EXAMPLE);
        }
        return new Parsed.Ok<>(text);
    }

    /**
     * Normalizes a number in any common written form to E.164, if it is a possible number.
     *
     * @param text the number as the model or caller gave it; any text
     * @param region the ISO 3166-1 alpha-2 region national forms are read in (e.g. {@code DE}); {@code ZZ} to
     *     accept international forms only
     * @return the E.164 form, or empty when the text is not a possible phone number
     */
    public static Optional<String> toE164(String text, String region) {
        return parse(text, region).filter(UTIL::isPossibleNumber).map(PhoneNumbers::format);
    }

    /**
     * Normalizes a number like {@link #toE164} but also requires it to be a valid (assigned) number.
     *
     * @param text the number as the caller gave it
     * @param region the ISO 3166-1 alpha-2 region national forms are read in
     * @return the E.164 form, or empty when the text is not a valid phone number
     */
    public static Optional<String> toValidE164(String text, String region) {
        return parse(text, region).filter(UTIL::isValidNumber).map(PhoneNumbers::format);
    }

    /**
     * Returns whether {@code region} is a region libphonenumber knows (upper-case ISO 3166-1 alpha-2, e.g.
     * {@code US}), or {@code ZZ} (unknown region: international forms only).
     */
    public static boolean isKnownRegion(String region) {
        return region != null
                && (region.equals("ZZ") || UTIL.getSupportedRegions().contains(region));
    }

    private static Optional<PhoneNumber> parse(String text, String region) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UTIL.parse(text, region == null ? "ZZ" : region.toUpperCase(Locale.ROOT)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static String format(PhoneNumber number) {
        return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }
}
