package dev.toolgate.core.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tenant patterns run on RE2/J: linear time, ECMA-262 escapes, refused syntax, bounded size, the deadline. */
class LinearRegexTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static ArgumentValidator stringWithPattern(String pattern) {
        var schema = MAPPER.createObjectNode().put("type", "object");
        schema.putObject("properties").putObject("code").put("type", "string").put("pattern", pattern);
        return ArgumentValidator.compile(schema);
    }

    private static JsonNode code(String value) {
        return MAPPER.createObjectNode().put("code", value);
    }

    // java.util.regex backtracks on this for longer than the universe exists; the guard only stops a hung build
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aNestedQuantifierPatternJudgesAHostileStringCorrectly() {
        ArgumentValidator validator = stringWithPattern("^(a+)+$");

        List<ArgumentViolation> hostile = validator.validate(code("a".repeat(50_000) + "!"));
        List<ArgumentViolation> fine = validator.validate(code("a".repeat(50_000)));

        assertThat(hostile).extracting(ArgumentViolation::keyword).containsExactly("pattern");
        assertThat(hostile.get(0).path()).isEqualTo("/code");
        assertThat(fine).isEmpty();
    }

    @Test
    void patternsMatchAnywhereInTheStringAsInEcma262() {
        ArgumentValidator validator = stringWithPattern("[0-9]{5}");

        assertThat(validator.validate(code("zip 10115 Berlin"))).isEmpty();
        assertThat(validator.validate(code("zip 1011"))).hasSize(1);
    }

    @Test
    void dollarMatchesOnlyAtTheEndNotBeforeATrailingNewline() {
        ArgumentValidator validator = stringWithPattern("^[a-z]+$");

        assertThat(validator.validate(code("abc"))).isEmpty();
        assertThat(validator.validate(code("abc\n"))).hasSize(1);
    }

    @Test
    void unicodeEscapesAndLongPropertyNamesOfEcma262Work() {
        ArgumentValidator escapes = stringWithPattern("^[\\u0041-\\u005A]+\\u{1F600}$");
        ArgumentValidator letters = stringWithPattern("^\\p{Letter}+$");

        assertThat(escapes.validate(code("ABC\uD83D\uDE00"))).isEmpty();
        assertThat(escapes.validate(code("abc\uD83D\uDE00"))).hasSize(1);
        assertThat(letters.validate(code("Zürich"))).isEmpty();
        assertThat(letters.validate(code("Zürich 8000"))).hasSize(1);
    }

    @Test
    void lookaroundAndBackreferencesDoNotCompile() {
        assertThat(LinearRegex.problem("^(?=.*[0-9]).+$"))
                .hasValueSatisfying(
                        problem -> assertThat(problem).contains("RE2").contains("(?="));
        assertThat(LinearRegex.problem("(?<=x)y")).isPresent();
        assertThat(LinearRegex.problem("(a)\\1"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("\\1"));
        assertThatThrownBy(() -> stringWithPattern("^(?!admin).*$"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RE2");
    }

    @Test
    void formatRegexJudgesArgumentsWithTheSameEngine() {
        var schema = MAPPER.createObjectNode().put("type", "object");
        schema.putObject("properties").putObject("filter").put("type", "string").put("format", "regex");
        ArgumentValidator validator = ArgumentValidator.compile(schema);

        assertThat(validator.validate(MAPPER.createObjectNode().put("filter", "^[a-z]+$")))
                .isEmpty();
        assertThat(validator.validate(MAPPER.createObjectNode().put("filter", "(?=x)x")))
                .extracting(ArgumentViolation::keyword)
                .containsExactly("format");
    }

    @Test
    void expandedSizeMultipliesNestedCountedRepetition() {
        assertThat(LinearRegex.expandedSize("abc")).isEqualTo(3);
        assertThat(LinearRegex.expandedSize("[a-z]{10}")).isEqualTo(10);
        assertThat(LinearRegex.expandedSize("(ab){3}")).isEqualTo(6);
        assertThat(LinearRegex.expandedSize("(a{1000}){1000}")).isEqualTo(1_000_000);
        assertThat(LinearRegex.expandedSize("a{2,}")).isEqualTo(3);
        assertThat(LinearRegex.expandedSize("x{,5}")).isEqualTo(5); // not a repetition in RE2: literal text
    }

    @Test
    void aPatternAtTheSizeLimitCompilesAndOnePastItIsRefusedBeforeCompiling() {
        assertThat(LinearRegex.problem("(ab){500}")).isEmpty(); // 1,000
        assertThat(LinearRegex.problem("(ab){500}c"))
                .hasValueSatisfying(
                        problem -> assertThat(problem).contains("about 1001").contains("the limit is 1000"));
        // RE2/J itself runs out of heap compiling this one
        assertThat(LinearRegex.problem("((a{1000}){1000}){1000}")).isPresent();
    }

    @Test
    void matchingStopsAtTheDeadline() {
        ArgumentValidator validator = stringWithPattern("^(a|b)*c");
        long alreadyPassed = System.nanoTime() - 1;

        assertThatThrownBy(() -> validator.validate(code("ab".repeat(10_000)), alreadyPassed))
                .isInstanceOf(ValidationDeadlineException.class);
        assertThat(validator.validate(code("ab".repeat(10_000)), System.nanoTime() + 60_000_000_000L))
                .hasSize(1);
    }

    @Test
    void theDeadlineAlsoStopsPatternsInsideCombinators() {
        ArgumentValidator validator = ArgumentValidator.compile(MAPPER.readTree("""
                {"type": "object", "properties": {"code": {"anyOf": [{"type": "integer"},
                  {"not": {"pattern": "^(a|b)*c"}}, {"pattern": "^(a|b)*c"}]}}}"""));
        long alreadyPassed = System.nanoTime() - 1;

        assertThatThrownBy(() -> validator.validate(code("ab".repeat(10_000)), alreadyPassed))
                .isInstanceOf(ValidationDeadlineException.class);
    }
}
