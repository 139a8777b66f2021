package dev.toolgate.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Custom extract_variable patterns: RE2 syntax, and a cap on how much counted repetitions blow up. */
class CustomPatternsTest {

    @ValueSource(
            strings = {
                "[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}",
                "\\d{3}-\\d{3}-\\d{4}",
                "((a{100}){100})",
                "a{1000}",
                "[{]{5}",
                "a\\{99999}",
                "\\p{Greek}+",
                "x{2,}y{3}",
                "[]{}]{10}",
            })
    @ParameterizedTest
    void acceptsOrdinaryPatterns(String pattern) {
        assertThat(CustomPatterns.problem(pattern)).isNull();
    }

    @CsvSource(
            delimiter = '|',
            value = {
                "(a{1000}){1000}            | repeats too much",
                "(((a{100}){100}){100})     | repeats too much",
                "a{400}b{400}               | repeats too much",
                "(a                         | is not a valid RE2 regular expression",
                "(a)\\1                     | is not a valid RE2 regular expression",
                "(?=a)b                     | is not a valid RE2 regular expression",
                "a{1001}                    | is not a valid RE2 regular expression",
            })
    @ParameterizedTest
    void refusesWithTheReason(String pattern, String message) {
        assertThat(CustomPatterns.problem(pattern)).contains(message);
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongPatternsAndMatchesWholeValues() {
        assertThat(CustomPatterns.problem("a".repeat(501))).isEqualTo("must be at most 500 characters");
        assertThat(CustomPatterns.matches("[A-Z]{2}-[0-9]{4}", "AB-1234")).isTrue();
        assertThat(CustomPatterns.matches("[A-Z]{2}-[0-9]{4}", "AB-1234x")).isFalse();
    }
}
