package dev.toolgate.core.variables;

import dev.toolgate.core.telephony.Locality;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a date the way callers say it and returns it as ISO-8601 {@code yyyy-MM-dd}. Parsing is done by
 * {@link DateTimeFormatter}s (strict: no 30 February); the only hand-written step is word clean-up. See
 * {@link VariableNormalizer} for the accepted forms.
 */
final class DateReader {

    /** Regions that write numeric dates month first ({@code 03/05/2027} = 5 March). */
    static final Set<String> MONTH_FIRST_REGIONS = Set.of("US", "PR", "GU", "VI", "AS", "MP", "FM", "MH", "PW", "PH");

    private static final Map<String, Integer> RELATIVE_DAYS =
            Map.of("today", 0, "tomorrow", 1, "yesterday", -1, "heute", 0, "morgen", 1, "gestern", -1);

    private static final Pattern ORDINAL = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)\\b");
    private static final Pattern FILLER = Pattern.compile("\\b(?:the|of)\\b");
    private static final Pattern SPACES = Pattern.compile("[\\s,]+");

    private static final List<DateTimeFormatter> WORDS = List.of(
            formatter("uuuu-MM-dd", Locale.ROOT),
            formatter("uuuu/M/d", Locale.ROOT),
            formatter("d.M.uuuu", Locale.ROOT),
            formatter("MMMM d uuuu", Locale.ENGLISH),
            formatter("MMM d uuuu", Locale.ENGLISH),
            formatter("d MMMM uuuu", Locale.ENGLISH),
            formatter("d MMM uuuu", Locale.ENGLISH),
            formatter("d. MMMM uuuu", Locale.GERMAN),
            formatter("d MMMM uuuu", Locale.GERMAN));

    private static final DateTimeFormatter MONTH_FIRST = formatter("M/d/uuuu", Locale.ROOT);
    private static final DateTimeFormatter DAY_FIRST = formatter("d/M/uuuu", Locale.ROOT);

    private final Clock clock;

    DateReader(Clock clock) {
        this.clock = clock;
    }

    /** Returns the date, or empty when the text is no date in an accepted form. */
    Optional<LocalDate> read(String text, Locality locality) {
        String cleaned = clean(text);
        Integer offset = RELATIVE_DAYS.get(cleaned);
        if (offset != null) {
            return Optional.of(LocalDate.now(clock.withZone(locality.zone())).plusDays(offset));
        }
        List<DateTimeFormatter> formatters = new ArrayList<>(WORDS);
        formatters.add(MONTH_FIRST_REGIONS.contains(locality.region()) ? MONTH_FIRST : DAY_FIRST);
        for (DateTimeFormatter formatter : formatters) {
            try {
                return Optional.of(LocalDate.parse(cleaned, formatter));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /** Lower-cases, drops ordinal suffixes (5th → 5), "the" and "of", and commas; collapses white space. */
    static String clean(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        lower = ORDINAL.matcher(lower).replaceAll("$1");
        lower = FILLER.matcher(lower).replaceAll(" ");
        return SPACES.matcher(lower).replaceAll(" ").strip();
    }

    private static DateTimeFormatter formatter(String pattern, Locale locale) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(locale)
                .withResolverStyle(ResolverStyle.STRICT);
    }
}
