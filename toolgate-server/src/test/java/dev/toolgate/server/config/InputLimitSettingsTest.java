package dev.toolgate.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.core.args.ArgumentLimits;
import dev.toolgate.core.tool.ToolLimits;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The argument and parameters limits: defaults from the core constants, ranges checked at startup. */
class InputLimitSettingsTest {

    @Test
    void defaultsAreTheCoreConstants() {
        RuntimeSettings.Limits limits = Settings.bind(Map.of()).limits();

        assertThat(new ArgumentLimits(limits.maxArgumentBytes(), limits.maxArgumentDepth()))
                .isEqualTo(ArgumentLimits.ofDefaults());
        ToolLimits defaults = ToolLimits.ofDefaults();
        assertThat(limits.maxParametersBytes()).isEqualTo(defaults.maxParametersBytes());
        assertThat(limits.maxParametersDepth()).isEqualTo(defaults.maxParametersDepth());
        assertThat(limits.maxParameterDescriptionChars()).isEqualTo(defaults.maxParameterDescriptionChars());
        assertThat(limits.maxToolsPerAgent()).isEqualTo(defaults.maxToolsPerAgent());
        Settings.bind(Map.of());
    }

    @ParameterizedTest
    @CsvSource({
        "max-argument-bytes, 1023, 1024",
        "max-argument-bytes, 1048577, 1048576",
        "max-argument-depth, 0, 1",
        "max-argument-depth, 257, 256",
        "max-parameters-bytes, 1023, 1024",
        "max-parameters-depth, 1, 2",
        "max-parameters-depth, 257, 256",
        "max-parameter-description-chars, 0, 1",
        "max-tools-per-agent, 0, 1",
        "max-tools-per-agent, 100001, 100000"
    })
    void aValuePastTheRangeStopsStartupNamingTheSetting(String setting, String outside, String edge) {
        String name = "toolgate.limits." + setting;

        Settings.bind(Map.of(name, edge));
        assertThatThrownBy(() -> Settings.bind(Map.of(name, outside)))
                .satisfies(failure -> assertThat(Settings.messages(failure))
                        .contains(name)
                        .contains(outside)
                        .contains("must be between"));
    }
}
