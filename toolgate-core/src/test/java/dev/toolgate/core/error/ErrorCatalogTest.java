package dev.toolgate.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/errors.md has one line per {@link ErrorCode}, with the same default hint the model gets. */
class ErrorCatalogTest {

    private static Map<String, List<String>> rows() throws IOException {
        Map<String, List<String>> rows = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("..", "docs", "errors.md"))) {
            if (line.startsWith("| `HTTP_TOOL_")) {
                List<String> cells =
                        Arrays.stream(line.split("\\|")).map(String::trim).toList();
                rows.put(cells.get(1).replace("`", ""), cells.subList(2, cells.size()));
            }
        }
        return rows;
    }

    @Test
    void everyErrorCodeHasOneDocumentedLine() throws IOException {
        Map<String, List<String>> rows = rows();

        assertThat(rows.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
    }

    @Test
    void documentedHintsAreTheHintsTheModelGets() throws IOException {
        Map<String, List<String>> rows = rows();

        for (ErrorCode code : ErrorCode.values()) {
            List<String> cells = rows.get(code.name());
            assertThat(cells.get(3)).as(code.name()).isEqualTo(code.defaultHint());
            assertThat(cells.get(0)).as(code.name()).isNotBlank();
        }
    }

    @Test
    void documentedAttributesAreTheOnesTheCodeCarries() throws IOException {
        Map<String, List<String>> rows = rows();

        for (ErrorCode code : ErrorCode.values()) {
            List<String> cells = rows.get(code.name());
            String circuit = switch (code.endpointVerdict()) {
                case FAILED -> "failure";
                case FAILED_IF_SERVER_ERROR -> "failure for a 5xx, success for a 4xx";
                case NOT_JUDGED -> "not counted";
            };
            assertThat(cells.get(4)).as(code.name()).isEqualTo(circuit);
            assertThat(cells.get(5)).as(code.name()).isEqualTo(code.reusable() ? "yes" : "no");
            assertThat(cells.get(6)).as(code.name()).isEqualTo(code.endpointError() ? "yes" : "no");
        }
    }

    @Test
    void aRedirectIsAnEndpointFailureForTheCircuitAndForToolHealth() {
        assertThat(ErrorCode.HTTP_TOOL_REDIRECT.endpointVerdict()).isEqualTo(ErrorCode.EndpointVerdict.FAILED);
        assertThat(ErrorCode.HTTP_TOOL_REDIRECT.endpointError()).isTrue();
        assertThat(ErrorCode.HTTP_TOOL_CUSTOMER_ERROR.endpointVerdict())
                .isEqualTo(ErrorCode.EndpointVerdict.FAILED_IF_SERVER_ERROR);
        assertThat(ErrorCode.HTTP_TOOL_RATE_LIMITED.endpointVerdict()).isEqualTo(ErrorCode.EndpointVerdict.NOT_JUDGED);
    }

    @Test
    void onlyFailuresThatSayWhatTheEndpointAnsweredAreReusedForARepeat() {
        assertThat(ErrorCode.HTTP_TOOL_CUSTOMER_ERROR.reusable()).isTrue();
        assertThat(ErrorCode.HTTP_TOOL_TIMEOUT.reusable()).isTrue();
        assertThat(ErrorCode.HTTP_TOOL_RATE_LIMITED.reusable()).isFalse();
        assertThat(ErrorCode.HTTP_TOOL_CIRCUIT_OPEN.reusable()).isFalse();
        assertThat(ErrorCode.HTTP_TOOL_INTERNAL.reusable()).isFalse();
        assertThat(ErrorCode.HTTP_TOOL_DISABLED.reusable()).isFalse();
    }

    @Test
    void toolHealthCountsEndpointFailuresButNotTheModelsOrToolgatesRefusals() {
        assertThat(ErrorCode.HTTP_TOOL_CIRCUIT_OPEN.endpointError()).isTrue();
        assertThat(ErrorCode.HTTP_TOOL_CUSTOMER_ERROR.endpointError()).isTrue();
        assertThat(ErrorCode.HTTP_TOOL_INVALID_ARGS.endpointError()).isFalse();
        assertThat(ErrorCode.HTTP_TOOL_RATE_LIMITED.endpointError()).isFalse();
        assertThat(ErrorCode.HTTP_TOOL_BLOCKED_DESTINATION.endpointError()).isFalse();
    }

    @Test
    void toolErrorFallsBackToTheCodeDefaultsAndTakesTheToolHint() {
        ToolError error = ToolError.of(ErrorCode.HTTP_TOOL_TIMEOUT);

        assertThat(error.message()).isEqualTo(ErrorCode.HTTP_TOOL_TIMEOUT.defaultMessage());
        assertThat(error.withHint("Say the CRM is slow today.").hint()).isEqualTo("Say the CRM is slow today.");
        assertThat(error.withHint(" ").hint()).isEqualTo(ErrorCode.HTTP_TOOL_TIMEOUT.defaultHint());
    }
}
