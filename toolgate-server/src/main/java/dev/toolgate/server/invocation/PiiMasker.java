package dev.toolgate.server.invocation;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/**
 * Masks personal data in the invocation log's response preview, and only there: what reaches the model is never
 * changed (docs/invocation-log.md: the preview is masked, the wire never is).
 *
 * <ul>
 *   <li>Payment card numbers (13–19 digits, spaces or dashes allowed, valid Luhn check digit): all but the last 4
 *       digits become {@code *}.</li>
 *   <li>IBANs (valid ISO 13616 mod-97 check, per Apache Commons Validator's {@link IBANValidator}): the country
 *       code and the last 4 characters stay.</li>
 *   <li>E-mail addresses: the local part becomes its first character and {@code ***}.</li>
 *   <li>Phone numbers, as found by libphonenumber (international form, or national form of {@code region}): all
 *       but the last 2 digits become {@code *}.</li>
 * </ul>
 * Thread-safe.
 */
public final class PiiMasker {

    private static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}\\b");
    private static final Pattern EMAIL = Pattern.compile(
            "\\b([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})\\b");

    /** A run of fewer digits than this cannot form an IBAN or a phone number (the shortest: 7). */
    private static final int MIN_DIGITS = 7;
    /** A run of fewer digits than this cannot form a card number (the shortest: 13). */
    private static final int MIN_CARD_DIGITS = 13;
    /**
     * The characters of text kept on each side of a run of digits when searching it for phone numbers: room for a
     * leading {@code +} or bracket and a spelled-out extension ({@code " extension 1234"}).
     */
    private static final int PHONE_CONTEXT_CHARS = 32;

    private final String region;
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    /** @param region the ISO 3166 region whose national phone formats are recognised, e.g. {@code US} */
    public PiiMasker(String region) {
        this.region = region;
    }

    /** Returns {@code text} with cards, IBANs, e-mail addresses and phone numbers masked; null stays null. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // Cheap pre-checks first: most previews hold no candidate at all, and the matchers (libphonenumber's above
        // all) cost far more than one pass over the characters.
        NumberRuns runs = NumberRuns.of(text, MIN_DIGITS);
        String masked = runs.longest() < MIN_CARD_DIGITS
                ? text
                : replace(CARD, text, m -> {
                    String number = m.group().replaceAll("[ -]", "");
                    return LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(number) ? keepLastDigits(m.group(), 4) : m.group();
                });
        masked = runs.longest() < MIN_DIGITS || !mayHoldIban(masked)
                ? masked
                : replace(IBAN, masked, m -> {
                    String compact = m.group().replace(" ", "");
                    return IBANValidator.getInstance().isValid(compact)
                            ? compact.substring(0, 2)
                                    + "*".repeat(compact.length() - 6)
                                    + compact.substring(compact.length() - 4)
                            : m.group();
                });
        masked = masked.indexOf('@') >= 0 ? replace(EMAIL, masked, m -> m.group(1) + "***@" + m.group(2)) : masked;
        if (runs.longest() < MIN_DIGITS) {
            return masked;
        }
        // an IBAN or e-mail address masked moves the characters after it: find the runs again then
        return maskPhones(masked, masked.equals(text) ? runs : NumberRuns.of(masked, MIN_DIGITS));
    }

    /**
     * Masks the phone numbers libphonenumber finds, looking only at the text around the runs of digits that could
     * hold one ({@link NumberRuns#windows}): a number, its leading {@code +} or bracket, and an extension after it
     * all lie inside a window, so the matches are those a search of the whole text gives, at a fraction of its cost.
     */
    private String maskPhones(String text, NumberRuns runs) {
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (int[] window : runs.windows(PHONE_CONTEXT_CHARS)) {
            String part = text.substring(window[0], window[1]);
            for (PhoneNumberMatch match :
                    phones.findNumbers(part, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                int start = window[0] + match.start();
                if (start < last) {
                    continue; // already masked as part of the window before
                }
                out.append(text, last, start);
                out.append(keepLastDigits(match.rawString(), 2));
                last = window[0] + match.end();
            }
        }
        return out.append(text, last, text.length()).toString();
    }

    /** Whether {@code text} holds two capital letters followed by two digits, the start of every IBAN. */
    private static boolean mayHoldIban(String text) {
        for (int i = 0; i + 3 < text.length(); i++) {
            if (isCapital(text.charAt(i))
                    && isCapital(text.charAt(i + 1))
                    && isAsciiDigit(text.charAt(i + 2))
                    && isAsciiDigit(text.charAt(i + 3))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Replaces every digit but the last {@code keep} with {@code *}, leaving separators in place. */
    private static String keepLastDigits(String value, int keep) {
        int digits = (int) value.chars().filter(Character::isDigit).count();
        StringBuilder out = new StringBuilder(value.length());
        int seen = 0;
        for (char c : value.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                out.append(seen > digits - keep ? c : '*');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String replace(
            Pattern pattern, String text, java.util.function.Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
