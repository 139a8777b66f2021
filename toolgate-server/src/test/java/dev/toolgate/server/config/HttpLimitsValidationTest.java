package dev.toolgate.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.server.api.LogSafe;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ranges of the HTTP-front settings under {@code toolgate.limits.*}, checked at startup. */
class HttpLimitsValidationTest {

    @Test
    void defaultsAreOneMebibyteTenSecondsAndTheLogHelpersLimit() {
        ToolgateProperties properties = Settings.bind(Map.of());

        assertThat(properties.limits().maxRequestBodyBytes()).isEqualTo(1_048_576);
        assertThat(properties.limits().headerReadTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.limits().maxLoggedStringChars()).isEqualTo(LogSafe.DEFAULT_MAX_CHARS);
    }

    @ParameterizedTest
    @CsvSource({
        "max-request-body-bytes, 100",
        "max-request-body-bytes, 1000000000",
        "header-read-timeout, 0s",
        "header-read-timeout, 1h",
        "max-logged-string-chars, 3"
    })
    void valuesOutOfRangeStopTheServiceNamingTheSetting(String setting, String value) {
        assertThatThrownBy(() -> Settings.bind(Map.of("toolgate.limits." + setting, value)))
                .satisfies(failure -> assertThat(Settings.messages(failure)).contains("toolgate.limits." + setting));
    }
}
