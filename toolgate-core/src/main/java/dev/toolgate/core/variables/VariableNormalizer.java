package dev.toolgate.core.variables;

import dev.toolgate.core.telephony.Locality;
import dev.toolgate.core.telephony.PhoneNumbers;
import dev.toolgate.core.tool.CustomPatterns;
import dev.toolgate.core.tool.ExtractVariableConfig;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * Checks and normalizes a value an {@code extract_variable} tool received, by its {@code variable_type}.
 * Every value is stripped of surrounding white space first and may be at most
 * {@value CallVariables#MAX_VALUE_LENGTH} characters.
 *
 * <table>
 *   <caption>Accepted forms and normalized result per type</caption>
 *   <tr><th>type</th><th>accepted</th><th>stored as</th></tr>
 *   <tr><td>{@code email}</td><td>an address Apache Commons Validator's {@link EmailValidator} accepts (no
 *       local host names; white space inside is dropped)</td><td>lower case</td></tr>
 *   <tr><td>{@code phone}</td><td>a valid number (libphonenumber) in international form, or in national form
 *       of the tenant's region</td><td>E.164, e.g. {@code +4930999888}</td></tr>
 *   <tr><td>{@code date}</td><td>{@code 2027-03-05}, {@code 2027/3/5}, {@code 5.3.2027}, {@code March 5th 2027},
 *       {@code Mar 5, 2027}, {@code 5 March 2027}, {@code the 5th of March 2027}, {@code 5. März 2027},
 *       numeric {@code 03/05/2027} (month first in the US and the regions of
 *       {@code DateReader.MONTH_FIRST_REGIONS}, else day first), and {@code today}, {@code tomorrow},
 *       {@code yesterday} ({@code heute}, {@code morgen}, {@code gestern}) in the tenant's time zone; no
 *       year-less dates</td><td>ISO-8601 {@code yyyy-MM-dd}</td></tr>
 *   <tr><td>{@code number}</td><td>digits with an optional sign and decimal point, optionally grouped by
 *       commas in threes ({@code 1,234.5}); spoken words ("twelve") are not read</td><td>plain decimal without
 *       grouping or trailing zeros, e.g. {@code 1234.5}</td></tr>
 *   <tr><td>{@code name}</td><td>1–{@value #MAX_NAME} characters of letters, combining marks, spaces and
 *       {@code ' ’ - . ,}, with at least one letter (any script)</td><td>as given, runs of white space
 *       collapsed to one space</td></tr>
 *   <tr><td>{@code custom}</td><td>any non-blank text, or, with a {@code pattern}, text the whole of which
 *       the RE2 pattern matches</td><td>as given (stripped)</td></tr>
 * </table>
 *
 * <p>Thread-safe.
 */
public final class VariableNormalizer {

    /** The longest {@code name} value, in characters. */
    public static final int MAX_NAME = 100;

    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final String NAME_PUNCTUATION = " '’-.,";
    private static final int QUOTED_MAX = 80;

    private final DateReader dates;

    /** @param clock where "today" comes from */
    public VariableNormalizer(Clock clock) {
        this.dates = new DateReader(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Checks one value.
     *
     * @param config the tool's config (type, pattern, prompt and example for the hint)
     * @param raw the value the model passed; null counts as missing
     * @param locality the tenant's region and time zone
     * @return the normalized value, or why it is not acceptable with a hint to ask again
     */
    public NormalizedValue normalize(ExtractVariableConfig config, String raw, Locality locality) {
        if (raw == null || raw.isBlank()) {
            return invalid(config, "No value was given.");
        }
        String value = raw.strip();
        if (value.length() > CallVariables.MAX_VALUE_LENGTH) {
            return invalid(config, "The value is longer than " + CallVariables.MAX_VALUE_LENGTH + " characters.");
        }
        Optional<String> normalized = switch (config.variableType()) {
            case "email" -> email(value);
            case "phone" -> PhoneNumbers.toValidE164(value, locality.region());
            case "date" -> dates.read(value, locality).map(LocalDate::toString);
            case "number" -> number(value);
            case "name" -> name(value);
            case "custom" -> custom(value, config.pattern());
            default -> throw new IllegalArgumentException("unknown variable_type " + config.variableType());
        };
        return normalized
                .<NormalizedValue>map(NormalizedValue.Valid::new)
                .orElseGet(() -> invalid(config, quote(value) + " is not " + what(config.variableType()) + "."));
    }

    /**
     * Returns the hint for a value that must be asked for again: {@code Ask the caller again: <prompt_text>.
     * Expected like <example_format>.}, with a per-type example when the tool has none.
     */
    public static String hint(ExtractVariableConfig config) {
        String prompt = config.promptText();
        StringBuilder hint = new StringBuilder();
        if (prompt == null || prompt.isBlank()) {
            hint.append("Ask the caller for the ").append(config.variableName()).append(" again.");
        } else {
            hint.append("Ask the caller again: ").append(sentence(prompt.strip()));
        }
        String example =
                config.exampleFormat() == null || config.exampleFormat().isBlank()
                        ? defaultExample(config.variableType())
                        : config.exampleFormat().strip();
        if (example != null) {
            hint.append(" Expected like ").append(sentence(example));
        }
        return hint.toString();
    }

    private static NormalizedValue invalid(ExtractVariableConfig config, String message) {
        return new InvalidValue(message, hint(config));
    }

    private static Optional<String> email(String value) {
        String compact = WHITE_SPACE.matcher(value).replaceAll("");
        return EmailValidator.getInstance(false, false).isValid(compact)
                ? Optional.of(compact.toLowerCase(Locale.ROOT))
                : Optional.empty();
    }

    private static Optional<String> number(String value) {
        if (value.length() > 100 || !NUMBER.matcher(value).matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(value.replace(",", ""));
        return Optional.of(
                number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString());
    }

    private static Optional<String> name(String value) {
        String collapsed = WHITE_SPACE.matcher(value).replaceAll(" ");
        if (collapsed.codePointCount(0, collapsed.length()) > MAX_NAME) {
            return Optional.empty();
        }
        boolean letter = false;
        for (int i = 0; i < collapsed.length(); ) {
            int c = collapsed.codePointAt(i);
            int type = Character.getType(c);
            if (Character.isLetter(c)) {
                letter = true;
            } else if (type != Character.NON_SPACING_MARK
                    && type != Character.COMBINING_SPACING_MARK
                    && type != Character.ENCLOSING_MARK
                    && NAME_PUNCTUATION.indexOf(c) < 0) {
                return Optional.empty();
            }
            i += Character.charCount(c);
        }
        return letter ? Optional.of(collapsed) : Optional.empty();
    }

    private static Optional<String> custom(String value, String pattern) {
        if (pattern == null) {
            return Optional.of(value);
        }
        return CustomPatterns.matches(pattern, value) ? Optional.of(value) : Optional.empty();
    }

    private static String what(String type) {
        return switch (type) {
            case "email" -> "a valid e-mail address";
            case "phone" -> "a valid phone number";
            case "date" -> "a full date (day, month and year)";
            case "number" -> "a number written in digits";
            case "name" -> "a name (letters, spaces, apostrophes, hyphens and dots only)";
            default -> "in the expected format";
        };
    }

    private static String defaultExample(String type) {
        return switch (type) {
            case "email" -> "name@example.com";
            case "phone" -> PhoneNumbers.E164_EXAMPLE;
            case "date" -> "2027-03-05";
            case "number" -> "1234.5";
            case "name" -> "Jane Doe";
            default -> null;
        };
    }

    private static String quote(String value) {
        int end = value.offsetByCodePoints(0, Math.min(QUOTED_MAX, value.codePointCount(0, value.length())));
        return "\"" + value.substring(0, end) + (end < value.length() ? "…" : "") + "\"";
    }

    private static String sentence(String text) {
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '?' || last == '!' ? text : text + ".";
    }
}
