package dev.toolgate.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code toolgate.public-base-url} and {@code toolgate.mcp.allowed-origins}, as bound and checked at startup. */
class PlatformSettingsTest {

    @Test
    void unsetMeansTheRequestsOwnUrlAndNoBrowserOrigin() {
        ToolgateProperties properties = Settings.bind(Map.of());
        assertThat(properties.publicBaseUrlOrNull()).isNull();
        assertThat(properties.mcp().allowedOriginList()).isEmpty();
    }

    @Test
    void theBaseUrlLosesItsTrailingSlashAndOriginsAreAList() {
        ToolgateProperties properties = Settings.bind(Map.of(
                "toolgate.public-base-url", "https://toolgate.example.com/gw/",
                "toolgate.mcp.allowed-origins", " https://app.example.com , ,https://host:*"));
        assertThat(properties.publicBaseUrlOrNull()).isEqualTo("https://toolgate.example.com/gw");
        assertThat(properties.mcp().allowedOriginList()).containsExactly("https://app.example.com", "https://host:*");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "toolgate.example.com",
                "ftp://toolgate.example.com",
                "https://user:pw@toolgate.example.com",
                "https://toolgate.example.com/?a=1",
                "https://toolgate.example.com/#x",
                "https://exa mple.com"
            })
    void aBaseUrlThatIsNoPlainHttpUrlStopsTheService(String url) {
        assertThatThrownBy(() -> Settings.bind(Map.of("toolgate.public-base-url", url)))
                .satisfies(failure -> assertThat(Settings.messages(failure)).contains("public-base-url must be"));
    }
}
