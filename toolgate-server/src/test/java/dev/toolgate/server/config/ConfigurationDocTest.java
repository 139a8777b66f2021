package dev.toolgate.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.validator.constraints.Range;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * docs/configuration.md lists exactly the {@code toolgate.*} settings {@link ToolgateProperties} binds, each with
 * the default it binds to, so the page cannot drift from the code.
 */
class ConfigurationDocTest {

    /** Every bound setting (relaxed kebab-case name) and its declared default, or null when it has none. */
    private static Map<String, String> bound() {
        Map<String, String> settings = new TreeMap<>();
        collect("toolgate", ToolgateProperties.class, settings);
        return settings;
    }

    private static void collect(String prefix, Class<?> type, Map<String, String> settings) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Class<?> componentType = component.getType();
            if (componentType.isRecord() && componentType.getName().startsWith("dev.toolgate.")) {
                collect(name, componentType, settings);
                continue;
            }
            DefaultValue declared = defaultOf(type, component);
            settings.put(name, declared == null || declared.value().length == 0 ? null : declared.value()[0]);
        }
    }

    private static DefaultValue defaultOf(Class<?> type, RecordComponent component) {
        Class<?>[] types = new Class<?>[type.getRecordComponents().length];
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            var parameters = type.getDeclaredConstructor(types).getParameters();
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals(component.getName())) {
                    return parameters[i].getAnnotation(DefaultValue.class);
                }
            }
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
        return null;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Every setting with a range constraint and its range as the doc writes it ({@code min..max}). */
    private static Map<String, String> ranges() {
        Map<String, String> ranges = new TreeMap<>();
        collectRanges("toolgate", ToolgateProperties.class, ranges);
        return ranges;
    }

    private static void collectRanges(String prefix, Class<?> type, Map<String, String> ranges) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            if (component.getType().isRecord() && component.getType().getName().startsWith("dev.toolgate.")) {
                collectRanges(name, component.getType(), ranges);
                continue;
            }
            Range range = component.getAccessor().getAnnotation(Range.class);
            DurationRange durations = component.getAccessor().getAnnotation(DurationRange.class);
            if (range != null) {
                ranges.put(name, range.min() + ".." + range.max());
            } else if (durations != null) {
                ranges.put(name, durations.min() + ".." + durations.max());
            }
        }
    }

    /** The doc's table rows: setting name to its default cell ({@code column} 3) or range cell (4). */
    private static Map<String, String> documented(int column) throws IOException {
        Map<String, String> rows = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("..", "docs", "configuration.md"))) {
            if (line.startsWith("| `toolgate.")) {
                String[] cells = line.split("\\|");
                rows.put(cells[1].trim().replace("`", ""), cells[column].trim());
            }
        }
        return rows;
    }

    private static Map<String, String> documented() throws IOException {
        return documented(3);
    }

    @Test
    void everyDocumentedRangeIsTheRangeTheSettingIsCheckedAgainst() throws IOException {
        Map<String, String> documented = documented(4);
        List<String> wrong = new ArrayList<>();
        Map<String, String> ranges = ranges();
        assertThat(ranges).containsEntry("toolgate.budget", "100ms..60s");
        ranges.forEach((name, range) -> {
            String cell = documented.get(name);
            if (cell == null || !cell.contains(range)) {
                wrong.add(name + ": checked against " + range + ", the doc says " + cell);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void theBoundSettingsAreReadWithTheirDefaults() {
        assertThat(bound())
                .containsEntry("toolgate.budget", "10s")
                .containsEntry("toolgate.max-response-bytes", "65536")
                .containsEntry("toolgate.invocation-log.preview-bytes", "4096")
                .containsEntry("toolgate.bootstrap-api-key", null);
    }

    @Test
    void everyBoundSettingIsDocumentedAndEveryDocumentedSettingIsBound() throws IOException {
        assertThat(documented().keySet()).containsExactlyInAnyOrderElementsOf(bound().keySet());
    }

    @Test
    void everyDocumentedDefaultIsTheDefaultTheSettingBindsTo() throws IOException {
        Map<String, String> documented = documented();
        List<String> wrong = new ArrayList<>();
        bound().forEach((name, value) -> {
            String cell = documented.get(name);
            if (value != null && !value.isEmpty() && cell != null && !cell.contains("`" + value + "`")) {
                wrong.add(name + ": binds to `" + value + "`, the doc says " + cell);
            }
        });
        assertThat(wrong).isEmpty();
    }
}
