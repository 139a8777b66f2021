package dev.toolgate.core.tool;

import java.util.Objects;

/**
 * One header or query parameter of an {@code http_request} tool. The value may hold templates such as
 * {@code {{caller_number}}} or {@code {{args.NAME}}} (see {@code dev.toolgate.core.render}).
 *
 * @param key the header or parameter name; non-null
 * @param value the raw value, possibly templated; non-null
 */
public record KeyValue(String key, String value) {
    public KeyValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** Returns {@code key=<masked>} when the value references a secret, so templates never leak. */
    @Override
    public String toString() {
        return key + "=" + (value.contains("{{secrets.") ? "***" : value);
    }
}
