package dev.toolgate.server.console;

import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.invocation.InvocationFilter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The invocation log's filters as the console's query parameters ({@code tool}, {@code status}, {@code error_code},
 * {@code http_status_class}, {@code min_duration_ms}, {@code call_id}, {@code idempotency_key}, {@code since},
 * {@code until}): read into an {@link InvocationFilter} (which checks them), and written back into links, so every
 * value shown can be clicked to filter by it. Times are ISO-8601 instants or, as a browser's {@code datetime-local}
 * input sends them, local date-times read as UTC.
 *
 * @param values the non-blank filter values by parameter name, in {@link #NAMES} order
 */
public record InvocationListQuery(Map<String, String> values) {

    /** The filter parameters, in the order the form shows them. */
    static final java.util.List<String> NAMES = java.util.List.of(
            "tool",
            "status",
            "error_code",
            "http_status_class",
            "min_duration_ms",
            "call_id",
            "idempotency_key",
            "since",
            "until");

    /** Reads the filter parameters out of a request's parameters; other parameters are ignored. */
    static InvocationListQuery of(Map<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : NAMES) {
            String value = params.get(name);
            if (value != null && !value.isBlank()) {
                values.put(name, value.trim());
            }
        }
        return new InvocationListQuery(values);
    }

    /** Returns the value of one filter, or an empty text. */
    public String get(String name) {
        return values.getOrDefault(name, "");
    }

    /**
     * Returns the filter these values describe.
     *
     * @throws ApiException 400 {@code invalid_parameter} naming the first value that is not allowed
     */
    InvocationFilter filter() {
        Integer statusClass = null;
        if (values.containsKey("http_status_class")) {
            String text = values.get("http_status_class").replace("xx", "");
            try {
                statusClass = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw ApiException.invalidParameter("http_status_class", "http_status_class must be 1xx to 5xx");
            }
        }
        Double minDuration = null;
        if (values.containsKey("min_duration_ms")) {
            try {
                minDuration = Double.parseDouble(values.get("min_duration_ms"));
            } catch (NumberFormatException e) {
                throw ApiException.invalidParameter("min_duration_ms", "min_duration_ms must be a number of ms");
            }
        }
        return new InvocationFilter(
                values.get("tool"),
                new InvocationFilter.Outcome(values.get("status"), values.get("error_code"), statusClass, minDuration),
                new InvocationFilter.Call(values.get("call_id"), values.get("idempotency_key")),
                instant("since"),
                instant("until"));
    }

    /** Returns the query string ({@code ?tool=a&status=error}) of these values with {@code name} set to {@code value}. */
    public String with(String name, Object value) {
        Map<String, String> next = new LinkedHashMap<>(values);
        next.put(name, String.valueOf(value));
        return query(next);
    }

    /** Returns the query string of these values, or an empty text when there are none. */
    public String query() {
        return query(values);
    }

    /** Returns whether any filter is set. */
    public boolean any() {
        return !values.isEmpty();
    }

    private static String query(Map<String, String> values) {
        UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
        values.forEach(builder::queryParam);
        return builder.encode().build().toUriString();
    }

    private Instant instant(String name) {
        String text = values.get(name);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw ApiException.invalidParameter(name, name + " must be a date and time such as 2026-11-21T08:00");
            }
        }
    }
}
