package dev.toolgate.core.args;

import java.util.Objects;

/**
 * One way the model's arguments break the tool's JSON Schema.
 *
 * @param path a JSON Pointer (RFC 6901) into the arguments: {@code ""} for the arguments object itself,
 *     {@code "/date"}, {@code "/items/2"}. For a missing required property or a property the schema does
 *     not allow, it points at that property itself (e.g. {@code "/origin"}), not at its parent object
 * @param keyword the JSON Schema keyword that failed, e.g. {@code type}, {@code required}, {@code enum},
 *     {@code format}
 * @param message what is wrong, without the path, e.g. {@code required property is missing}
 */
public record ArgumentViolation(String path, String keyword, String message) {
    /** Checks that every component is present. */
    public ArgumentViolation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(message, "message");
    }

    /** Returns {@code "<path>: <message>"}, with {@code (root)} standing for the empty path. */
    public String describe() {
        return (path.isEmpty() ? "(root)" : path) + ": " + message;
    }
}
