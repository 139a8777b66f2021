package dev.toolgate.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Field errors name the field as the client sent it. */
class FieldPathsTest {

    enum Colour {
        DEEP_RED;

        @com.fasterxml.jackson.annotation.JsonValue
        String wire() {
            return "deep-red";
        }
    }

    record Inner(Integer perMinute) {}

    record Body(String displayName, List<Colour> colours, List<Inner> limits, Map<String, Inner> byName) {}

    private final FieldPaths paths = new FieldPaths(JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build());

    @Test
    void javaNamesOfTheBodyBecomeItsJsonNamesAndAnythingElseStaysAsSent() {
        assertThat(paths.wirePath(Body.class, "displayName")).isEqualTo("display_name");
        assertThat(paths.wirePath(Body.class, "colours[2]")).isEqualTo("colours[2]");
        assertThat(paths.wirePath(Body.class, "limits[0].perMinute")).isEqualTo("limits[0].per_minute");
        assertThat(paths.wirePath(Body.class, "byName[eu].perMinute")).isEqualTo("by_name[eu].per_minute");
        assertThat(paths.wirePath(Body.class, "overlapSeconds")).isEqualTo("overlapSeconds");
        assertThat(paths.wirePath(Body.class, "")).isEmpty();
    }

    @Test
    void typesAreNamedAsJsonTypes() {
        assertThat(paths.mustBe(String.class)).isEqualTo("must be a string");
        assertThat(paths.mustBe(Integer.class)).isEqualTo("must be a whole number");
        assertThat(paths.mustBe(Boolean.class)).isEqualTo("must be true or false");
        assertThat(paths.mustBe(Colour.class)).isEqualTo("must be one of deep-red");
        assertThat(paths.mustBe(List.class)).isEqualTo("must be an array");
        assertThat(paths.mustBe(Inner.class)).isEqualTo("must be an object");
    }
}
