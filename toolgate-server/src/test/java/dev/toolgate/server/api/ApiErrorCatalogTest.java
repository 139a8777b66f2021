package dev.toolgate.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/errors.md lists every {@link ApiErrorCode} once, with its status and one-line meaning. */
class ApiErrorCatalogTest {

    private static Map<String, List<String>> rows() throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(Path.of("..", "docs", "errors.md"))) {
            inSection |= line.startsWith("## API problem codes");
            if (inSection && line.startsWith("| `")) {
                List<String> cells =
                        Arrays.stream(line.split("\\|")).map(String::trim).toList();
                assertThat(rows.put(cells.get(1).replace("`", ""), cells.subList(2, cells.size())))
                        .as("a second line for " + cells.get(1))
                        .isNull();
            }
        }
        return rows;
    }

    @Test
    void everyCodeHasOneDocumentedLineWithItsStatusAndMeaning() throws IOException {
        Map<String, List<String>> rows = rows();

        assertThat(rows.keySet())
                .containsExactlyElementsOf(Arrays.stream(ApiErrorCode.values())
                        .map(ApiErrorCode::wireName)
                        .toList());
        for (ApiErrorCode code : ApiErrorCode.values()) {
            List<String> cells = rows.get(code.wireName());
            assertThat(cells.get(0))
                    .as(code.wireName())
                    .isEqualTo(Integer.toString(code.status().value()));
            assertThat(cells.get(1)).as(code.wireName()).isEqualTo(code.meaning());
        }
    }

    @Test
    void wireNamesAreUniqueAndRoundTrip() {
        for (ApiErrorCode code : ApiErrorCode.values()) {
            assertThat(ApiErrorCode.fromWireName(code.wireName())).isSameAs(code);
        }
    }
}
