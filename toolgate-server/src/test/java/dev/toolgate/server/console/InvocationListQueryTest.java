package dev.toolgate.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.server.api.ApiException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvocationListQueryTest {

    @Test
    void readsEveryFilterAndTreatsLocalTimesAsUtc() {
        var filter = InvocationListQuery.of(Map.of(
                        "tool", "lookup",
                        "status", "error",
                        "error_code", "HTTP_TOOL_TIMEOUT",
                        "http_status_class", "5",
                        "min_duration_ms", "250",
                        "call_id", "call-1",
                        "since", "2026-11-21T08:00",
                        "until", "2026-11-22T08:00:00Z",
                        "cursor", "ignored"))
                .filter();
        assertThat(filter.toolName()).isEqualTo("lookup");
        assertThat(filter.outcome().httpStatusClass()).isEqualTo(5);
        assertThat(filter.outcome().minDurationMs()).isEqualTo(250.0);
        assertThat(filter.since()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
        assertThat(filter.until()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
    }

    @Test
    void refusesValuesTheLogCannotHoldNamingTheParameter() {
        assertThatThrownBy(() ->
                        InvocationListQuery.of(Map.of("error_code", "NOPE")).filter())
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("error_code");
        assertThatThrownBy(() -> InvocationListQuery.of(Map.of("idempotency_key", "abc%"))
                        .filter())
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("idempotency_key");
        assertThatThrownBy(() ->
                        InvocationListQuery.of(Map.of("http_status_class", "7")).filter())
                .isInstanceOf(ApiException.class);
    }

    @Test
    void linksKeepTheOtherFiltersAndEncodeValues() {
        var query = InvocationListQuery.of(Map.of("tool", "a b"));
        assertThat(query.with("status", "ok")).isEqualTo("?tool=a%20b&status=ok");
        assertThat(InvocationListQuery.of(Map.of()).query()).isEmpty();
    }
}
