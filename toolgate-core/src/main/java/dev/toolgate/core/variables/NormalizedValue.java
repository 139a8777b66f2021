package dev.toolgate.core.variables;

import java.util.Objects;

/** The outcome of checking one value against its {@code variable_type}: {@link Valid} or {@link InvalidValue}. */
public sealed interface NormalizedValue permits NormalizedValue.Valid, InvalidValue {

    /**
     * The value is acceptable.
     *
     * @param value the normalized value, e.g. {@code jane@example.com}, {@code +4930999888}, {@code 2027-03-05}
     */
    record Valid(String value) implements NormalizedValue {
        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }
}
