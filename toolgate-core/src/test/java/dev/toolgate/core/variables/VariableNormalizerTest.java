package dev.toolgate.core.variables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.telephony.Locality;
import dev.toolgate.core.tool.ExtractVariableConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Normalization tables per variable type, and the hint of a refused value. */
class VariableNormalizerTest {

    /** 2027-03-05T23:30Z: already 6 March in Berlin, still 5 March in New York. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-05T23:30:00Z"), ZoneOffset.UTC);

    private static final VariableNormalizer NORMALIZER = new VariableNormalizer(CLOCK);
    private static final Locality BERLIN = new Locality("DE", ZoneId.of("Europe/Berlin"));
    private static final Locality NEW_YORK = new Locality("US", ZoneId.of("America/New_York"));

    private static ExtractVariableConfig config(String type) {
        return new ExtractVariableConfig("v", type, null, null, false);
    }

    private static String valid(String type, String raw, Locality locality) {
        NormalizedValue result = NORMALIZER.normalize(config(type), raw, locality);
        assertThat(result).as(raw).isInstanceOf(NormalizedValue.Valid.class);
        return ((NormalizedValue.Valid) result).value();
    }

    private static InvalidValue invalid(ExtractVariableConfig config, String raw, Locality locality) {
        NormalizedValue result = NORMALIZER.normalize(config, raw, locality);
        assertThat(result).as(raw).isInstanceOf(InvalidValue.class);
        return (InvalidValue) result;
    }

    @CsvSource(
            delimiter = '|',
            value = {
                "Jane.Doe@Example.COM        | jane.doe@example.com",
                "  jane@example.com          | jane@example.com",
                "jane @ example . com        | jane@example.com",
                "jane+tag@sub.example.co.uk  | jane+tag@sub.example.co.uk",
                "müller@bücher.de            | müller@bücher.de",
            })
    @ParameterizedTest(name = "{0} → {1}")
    void normalizesEmail(String raw, String expected) {
        assertThat(valid("email", raw, BERLIN)).isEqualTo(expected);
    }

    @CsvSource({"jane.example.com", "jane@", "@example.com", "jane@localhost", "jane@example", "jane@@example.com"})
    @ParameterizedTest
    void refusesEmail(String raw) {
        assertThat(invalid(config("email"), raw, BERLIN).message()).contains("is not a valid e-mail address");
    }

    @CsvSource(
            delimiter = '|',
            value = {
                "030 999888           | DE | +4930999888",
                "+49 (0)30 999888     | DE | +4930999888",
                "0170 1234567         | DE | +491701234567",
                "(415) 555-0100       | US | +14155550100",
                "+1 415 555 0100      | DE | +14155550100",
                "+44 20 7946 0958     | US | +442079460958",
            })
    @ParameterizedTest(name = "{0} in {1} → {2}")
    void normalizesPhoneToE164InTheTenantsRegion(String raw, String region, String expected) {
        Locality locality = new Locality(region, ZoneId.of("UTC"));
        assertThat(valid("phone", raw, locality)).isEqualTo(expected);
    }

    @CsvSource({"12345", "+49 30", "+1 055 555 0100", "call me", "+999 1234567"})
    @ParameterizedTest
    void refusesPhone(String raw) {
        assertThat(invalid(config("phone"), raw, BERLIN).message()).contains("is not a valid phone number");
    }

    @CsvSource(
            delimiter = '|',
            value = {
                "2027-03-05            | DE | 2027-03-05",
                "2027/3/5              | DE | 2027-03-05",
                "5.3.2027              | DE | 2027-03-05",
                "05.03.2027            | US | 2027-03-05",
                "March 5th 2027        | DE | 2027-03-05",
                "march 5, 2027         | US | 2027-03-05",
                "Mar 5 2027            | US | 2027-03-05",
                "5 March 2027          | DE | 2027-03-05",
                "the 5th of March 2027 | DE | 2027-03-05",
                "March 1st 2027        | US | 2027-03-01",
                "22nd February 2028    | US | 2028-02-22",
                "February 29th 2028    | US | 2028-02-29",
                "5. März 2027          | DE | 2027-03-05",
                "5 Mai 2027            | DE | 2027-05-05",
                "03/05/2027            | US | 2027-03-05",
                "03/05/2027            | DE | 2027-05-03",
                "3/5/2027              | PH | 2027-03-05",
                "3/5/2027              | GB | 2027-05-03",
            })
    @ParameterizedTest(name = "{0} in {1} → {2}")
    void normalizesDatesToIso(String raw, String region, String expected) {
        assertThat(valid("date", raw, new Locality(region, ZoneId.of("UTC")))).isEqualTo(expected);
    }

    @Test
    void readsRelativeDatesInTheTenantsTimeZone() {
        assertThat(valid("date", "today", BERLIN)).isEqualTo("2027-03-06");
        assertThat(valid("date", "Tomorrow", BERLIN)).isEqualTo("2027-03-07");
        assertThat(valid("date", "yesterday", BERLIN)).isEqualTo("2027-03-05");
        assertThat(valid("date", "heute", BERLIN)).isEqualTo("2027-03-06");
        assertThat(valid("date", "today", NEW_YORK)).isEqualTo("2027-03-05");
        assertThat(valid("date", "tomorrow", NEW_YORK)).isEqualTo("2027-03-06");
    }

    @CsvSource({
        "February 30th 2027",
        "February 29th 2027",
        "13/13/2027",
        "March 5th",
        "next friday",
        "2027-3-5x",
        "27-03-05",
        "5th",
    })
    @ParameterizedTest
    void refusesDates(String raw) {
        assertThat(invalid(config("date"), raw, BERLIN).message()).contains("is not a full date");
    }

    @CsvSource(
            delimiter = '|',
            value = {
                "42          | 42",
                "1,234.5     | 1234.5",
                "1,234,567   | 1234567",
                "-12.50      | -12.5",
                "+7          | 7",
                "007         | 7",
                "100         | 100",
                "0.000       | 0",
                "-0          | 0",
                "3.14159     | 3.14159",
            })
    @ParameterizedTest(name = "{0} → {1}")
    void normalizesNumbers(String raw, String expected) {
        assertThat(valid("number", raw, BERLIN)).isEqualTo(expected);
    }

    @CsvSource(
            delimiter = '|',
            value = {"twelve", "1,23", "12,34.5", "1234,567", "1.2.3", "1e5", "12abc", "--1", ".5", "1.", "1 234"})
    @ParameterizedTest
    void refusesNumbers(String raw) {
        assertThat(invalid(config("number"), raw, BERLIN).message()).contains("is not a number written in digits");
    }

    @CsvSource(
            delimiter = '|',
            value = {
                "  Jane   Doe  | Jane Doe",
                "jane doe      | jane doe",
                "Renée O'Brien-Smith | Renée O'Brien-Smith",
                "Dr. J. R. R. Tolkien | Dr. J. R. R. Tolkien",
                "Doe, Jane     | Doe, Jane",
                "Zoë Ångström  | Zoë Ångström",
                "山田 太郎      | 山田 太郎",
                "Владимир      | Владимир",
                "D’Angelo      | D’Angelo",
            })
    @ParameterizedTest(name = "{0} → {1}")
    void keepsNamesAsGivenButCollapsesWhiteSpace(String raw, String expected) {
        assertThat(valid("name", raw, BERLIN)).isEqualTo(expected);
    }

    @Test
    void acceptsCombiningMarksInNames() {
        String decomposed = "Rene\u0301e";
        assertThat(valid("name", decomposed, BERLIN)).isEqualTo(decomposed);
    }

    @CsvSource({"R2-D2", "jane@example.com", "'-.'", "<script>", "Jane_Doe", "Jane/Doe"})
    @ParameterizedTest
    void refusesNonNames(String raw) {
        assertThat(invalid(config("name"), raw, BERLIN).message()).contains("is not a name");
    }

    @Test
    void refusesNamesLongerThanAHundredCharacters() {
        assertThat(valid("name", "a".repeat(100), BERLIN)).hasSize(100);
        invalid(config("name"), "a".repeat(101), BERLIN);
    }

    @Test
    void matchesACustomPatternAgainstTheWholeValue() {
        ExtractVariableConfig config =
                new ExtractVariableConfig("order", "custom", null, null, false, "[A-Z]{2}-[0-9]{4}");

        assertThat(NORMALIZER.normalize(config, " AB-1234 ", BERLIN)).isEqualTo(new NormalizedValue.Valid("AB-1234"));
        invalid(config, "AB-12345", BERLIN);
        invalid(config, "xAB-1234", BERLIN);
    }

    @Test
    void acceptsAnyTextForACustomVariableWithoutPattern() {
        assertThat(valid("custom", "  anything at all ", BERLIN)).isEqualTo("anything at all");
    }

    @Test
    void refusesMissingAndOverlongValues() {
        assertThat(invalid(config("custom"), null, BERLIN).message()).isEqualTo("No value was given.");
        assertThat(invalid(config("custom"), "   ", BERLIN).message()).isEqualTo("No value was given.");
        assertThat(invalid(config("custom"), "x".repeat(1001), BERLIN).message())
                .isEqualTo("The value is longer than 1000 characters.");
    }

    @Test
    void buildsTheHintFromPromptAndExample() {
        ExtractVariableConfig config = new ExtractVariableConfig(
                "email", "email", "Bitte nennen Sie mir Ihre E-Mail-Adresse.", "name@example.com", false);

        InvalidValue invalid = invalid(config, "jane at example", BERLIN);

        assertThat(invalid.message()).isEqualTo("\"jane at example\" is not a valid e-mail address.");
        assertThat(invalid.hint())
                .isEqualTo("Ask the caller again: Bitte nennen Sie mir Ihre E-Mail-Adresse. Expected like"
                        + " name@example.com.");
        assertThat(invalid.toToolError().code().name()).isEqualTo("HTTP_TOOL_INVALID_ARGS");
        assertThat(invalid.toToolError().hint()).isEqualTo(invalid.hint());
    }

    @Test
    void fallsBackToTheVariableNameAndATypeExample() {
        assertThat(invalid(new ExtractVariableConfig("birthday", "date", null, null, false), "soon", BERLIN)
                        .hint())
                .isEqualTo("Ask the caller for the birthday again. Expected like 2027-03-05.");
        assertThat(invalid(
                                new ExtractVariableConfig("code", "custom", "What is the code", null, false, "[0-9]+"),
                                "x",
                                BERLIN)
                        .hint())
                .isEqualTo("Ask the caller again: What is the code.");
    }

    @Test
    void quotesAtMostEightyCharactersOfARefusedValue() {
        String message = invalid(config("phone"), "9".repeat(300), BERLIN).message();

        assertThat(message).startsWith("\"" + "9".repeat(80) + "…\"");
    }
}
