package dev.toolgate.server.dataplane;

import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the data plane's front reads a request body: with Spring's own JSON mapper (strict duplicate-key detection,
 * unknown fields ignored, snake_case) and Bean Validation validator, so it accepts exactly the bodies the
 * controllers accept.
 *
 * @param json Spring's JSON mapper
 * @param validator Spring's Bean Validation validator
 * @param maxBytes {@code toolgate.limits.max-request-body-bytes}; a longer body is left to the body-limit filter
 */
record RequestBodies(JsonMapper json, Validator validator, long maxBytes) {

    /**
     * The body as a {@code type}, or null when it does not parse or breaks one of the type's constraints (the
     * controllers then answer it with their problem).
     */
    <T> T read(byte[] body, Class<T> type) {
        T value;
        try {
            value = json.readValue(body, type);
        } catch (JacksonException notAccepted) {
            return null;
        }
        return value == null || !validator.validate(value).isEmpty() ? null : value;
    }
}
