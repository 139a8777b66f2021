package dev.toolgate.core.variables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.telephony.Locality;
import dev.toolgate.core.tool.ExtractVariableConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The extract_variable call: validation, storing, and the two-step confirmation flow. */
class VariableExtractionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Locality BERLIN = new Locality("DE", ZoneId.of("Europe/Berlin"));
    private static final ExtractVariableConfig EMAIL =
            new ExtractVariableConfig("email", "email", "What is your e-mail address?", "name@example.com", false);
    private static final ExtractVariableConfig CONFIRMED_EMAIL =
            new ExtractVariableConfig("email", "email", "What is your e-mail address?", "name@example.com", true);

    private final TestClock clock = new TestClock(Instant.parse("2027-03-05T10:00:00Z"));
    private final CallVariables store = new InMemoryCallVariables(clock, Duration.ofHours(2), 100);
    private final VariableExtraction extraction =
            new VariableExtraction(store, new VariableNormalizer(Clock.fixed(clock.instant(), ZoneId.of("UTC"))));

    private static JsonNode args(String json) {
        return MAPPER.readTree(json.replace('\'', '"'));
    }

    private ExtractionResult extract(ExtractVariableConfig config, String json) {
        return extraction.extract("call-1", config, args(json), BERLIN);
    }

    @Test
    void storesANormalizedValueAtOnceWithoutConfirmation() {
        ExtractionResult result = extract(EMAIL, "{'value': 'Jane@Example.com'}");

        assertThat(result).isEqualTo(new ExtractionResult.Stored("email", "jane@example.com"));
        assertThat(store.variables("call-1")).containsEntry("email", "jane@example.com");
        assertThat(((ExtractionResult.Stored) result).content().toString())
                .isEqualTo("{\"status\":\"ok\",\"variable\":\"email\",\"value\":\"jane@example.com\",\"stored\":true}");
    }

    @Test
    void refusesABadValueWithTheToolsPromptAndExampleAndStoresNothing() {
        ExtractionResult result = extract(EMAIL, "{'value': 'jane at example'}");

        assertThat(result).isInstanceOf(InvalidValue.class);
        InvalidValue invalid = (InvalidValue) result;
        assertThat(invalid.hint())
                .isEqualTo("Ask the caller again: What is your e-mail address? Expected like name@example.com.");
        assertThat(invalid.toToolError().code().name()).isEqualTo("HTTP_TOOL_INVALID_ARGS");
        assertThat(store.variables("call-1")).isEmpty();
    }

    @Test
    void refusesAMissingOrNonTextValue() {
        assertThat(((InvalidValue) extract(EMAIL, "{}")).message()).isEqualTo("The value argument is missing.");
        assertThat(((InvalidValue) extract(EMAIL, "{'value': null}")).message())
                .isEqualTo("The value argument is missing.");
        assertThat(((InvalidValue) extract(EMAIL, "{'value': ['a']}")).message())
                .isEqualTo("The value argument must be a string.");
    }

    @Test
    void readsAJsonNumberAsItsText() {
        ExtractVariableConfig amount = new ExtractVariableConfig("amount", "number", null, null, false);

        assertThat(extract(amount, "{'value': 1234.50}")).isEqualTo(new ExtractionResult.Stored("amount", "1234.5"));
    }

    @Test
    void asksForAReadBackFirstAndStoresOnConfirmation() {
        ExtractionResult first = extract(CONFIRMED_EMAIL, "{'value': 'Jane@Example.com'}");

        assertThat(first).isInstanceOf(ExtractionResult.AwaitingConfirmation.class);
        ExtractionResult.AwaitingConfirmation awaiting = (ExtractionResult.AwaitingConfirmation) first;
        assertThat(awaiting.value()).isEqualTo("jane@example.com");
        assertThat(awaiting.instruction()).startsWith("Read the value back to the caller: \"jane@example.com\".");
        assertThat(awaiting.content().get("status").stringValue()).isEqualTo("confirm");
        assertThat(store.variables("call-1")).isEmpty();
        assertThat(store.pending("call-1", "email")).contains("jane@example.com");

        ExtractionResult second = extract(CONFIRMED_EMAIL, "{'value': 'jane@example.com', 'confirmed': true}");

        assertThat(second).isEqualTo(new ExtractionResult.Stored("email", "jane@example.com"));
        assertThat(store.variables("call-1")).containsEntry("email", "jane@example.com");
        assertThat(store.pending("call-1", "email")).isEmpty();
    }

    @Test
    void neverStoresWithoutAReadBackEvenWhenTheModelClaimsConfirmation() {
        ExtractionResult result = extract(CONFIRMED_EMAIL, "{'value': 'jane@example.com', 'confirmed': true}");

        assertThat(result).isInstanceOf(ExtractionResult.AwaitingConfirmation.class);
        assertThat(store.variables("call-1")).isEmpty();
    }

    @Test
    void checksAndStoresACorrectedValueConfirmedAfterTheReadBack() {
        extract(CONFIRMED_EMAIL, "{'value': 'jane@example.com'}");

        assertThat(extract(CONFIRMED_EMAIL, "{'value': 'jane.doe@example', 'confirmed': true}"))
                .isInstanceOf(InvalidValue.class);
        assertThat(store.variables("call-1")).isEmpty();
        assertThat(store.pending("call-1", "email")).contains("jane@example.com");

        assertThat(extract(CONFIRMED_EMAIL, "{'value': 'Jane.Doe@example.com', 'confirmed': true}"))
                .isEqualTo(new ExtractionResult.Stored("email", "jane.doe@example.com"));
    }

    @Test
    void aRejectedReadBackReplacesThePendingValue() {
        extract(CONFIRMED_EMAIL, "{'value': 'jane@example.com'}");

        ExtractionResult again = extract(CONFIRMED_EMAIL, "{'value': 'jane.doe@example.com', 'confirmed': false}");

        assertThat(again).isInstanceOf(ExtractionResult.AwaitingConfirmation.class);
        assertThat(store.pending("call-1", "email")).contains("jane.doe@example.com");
        assertThat(store.variables("call-1")).isEmpty();
    }

    @Test
    void keepsCallsApart() {
        extract(CONFIRMED_EMAIL, "{'value': 'jane@example.com'}");

        ExtractionResult other = extraction.extract(
                "call-2", CONFIRMED_EMAIL, args("{'value': 'jane@example.com', 'confirmed': true}"), BERLIN);

        assertThat(other).isInstanceOf(ExtractionResult.AwaitingConfirmation.class);
    }

    @Test
    void forgetsAPendingValueAfterTheLifetime() {
        extract(CONFIRMED_EMAIL, "{'value': 'jane@example.com'}");
        clock.advance(Duration.ofHours(2));

        assertThat(extract(CONFIRMED_EMAIL, "{'value': 'jane@example.com', 'confirmed': true}"))
                .isInstanceOf(ExtractionResult.AwaitingConfirmation.class);
    }
}
