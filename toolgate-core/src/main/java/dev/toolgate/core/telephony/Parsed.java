package dev.toolgate.core.telephony;

import java.util.Objects;

/**
 * The outcome of checking a piece of text: the {@link Ok value} it denotes, or a {@link Problem} saying
 * what is wrong. Used instead of exceptions, so a bad value from a tenant or a model is a value.
 *
 * @param <T> the type of the checked value
 */
public sealed interface Parsed<T> permits Parsed.Ok, Parsed.Problem {

    /**
     * The text was valid.
     *
     * @param value the parsed, normalized value; never null
     * @param <T> its type
     */
    record Ok<T>(T value) implements Parsed<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The text was not valid.
     *
     * @param message what is wrong, in words fit for a tenant or a model (never echoes a secret)
     * @param <T> the type that was expected
     */
    record Problem<T>(String message) implements Parsed<T> {
        public Problem {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Returns the value, or null when this is a {@link Problem}. */
    default T valueOrNull() {
        return this instanceof Ok<T> ok ? ok.value() : null;
    }
}
