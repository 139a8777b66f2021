package dev.toolgate.verify;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * Where the verifier reads request headers from: a function from a header name to its first value, or
 * null when the request has no such header. Header names are case-insensitive (RFC 9110 §5.1), so an
 * implementation must ignore case; the common sources already do:
 * {@code exchange.getRequestHeaders()::getFirst} (JDK {@code HttpServer}), {@code request::getHeader}
 * (Servlet), {@code name -> request.headers().firstValue(name).orElse(null)} ({@code java.net.http}).
 */
@FunctionalInterface
public interface HeaderSource {

    /**
     * Returns the first value of header {@code name}, or null if absent.
     *
     * @param name a header name in any case, e.g. {@code X-Toolgate-Signature}
     */
    String first(String name);

    /**
     * Adapts a map whose keys are header names in any case and whose values are either strings or
     * collections of strings (the first element is used).
     *
     * @param headers the headers; read on each lookup, not copied
     * @return a case-insensitive source over {@code headers}
     */
    static HeaderSource of(Map<String, ?> headers) {
        Objects.requireNonNull(headers, "headers");
        return name -> {
            for (Map.Entry<String, ?> entry : headers.entrySet()) {
                if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
                    Object value = entry.getValue();
                    if (value instanceof Collection<?> values) {
                        return values.isEmpty()
                                ? null
                                : String.valueOf(values.iterator().next());
                    }
                    return value == null ? null : value.toString();
                }
            }
            return null;
        };
    }
}
