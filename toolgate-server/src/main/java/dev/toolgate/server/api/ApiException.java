package dev.toolgate.server.api;

import dev.toolgate.core.tool.FieldError;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * A failed API request, rendered as RFC 9457 {@code application/problem+json} by {@link ApiExceptionHandler}: the
 * status and {@code code} come from an {@link ApiErrorCode}. Messages are written for API clients: they never carry
 * secrets or stack traces.
 */
public final class ApiException extends RuntimeException {

    private final ApiErrorCode code;
    private final List<FieldError> errors;

    /**
     * @param code the code, which also fixes the HTTP status
     * @param detail a human-readable explanation
     * @param errors field errors (for 422 and the 400s that name a field), possibly empty
     */
    public ApiException(ApiErrorCode code, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.errors = List.copyOf(errors);
    }

    /** A problem with {@code code} and no field errors. */
    public ApiException(ApiErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    /** 404 {@code not_found} for a resource that does not exist or belongs to another tenant. */
    public static ApiException notFound(String what) {
        return new ApiException(ApiErrorCode.NOT_FOUND, what + " not found");
    }

    /**
     * 400 {@code invalid_parameter}: the path or query parameter {@code name} has a value the endpoint does not take.
     */
    public static ApiException invalidParameter(String name, String detail) {
        return new ApiException(
                ApiErrorCode.INVALID_PARAMETER, detail, List.of(new FieldError(name, "has an invalid value")));
    }

    /** 422 {@code validation_failed} listing every field error. */
    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(
                ApiErrorCode.VALIDATION_FAILED,
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid",
                errors);
    }

    /** 422 {@code validation_failed} for one field. */
    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** Returns the code. */
    public ApiErrorCode code() {
        return code;
    }

    /** Returns the HTTP status, the code's. */
    public HttpStatus status() {
        return code.status();
    }

    /** Returns the field errors, empty unless the code names fields. */
    public List<FieldError> errors() {
        return errors;
    }

    /**
     * Returns whether a Jackson read failure is {@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}'s: an object
     * with a key twice, for bodies a handler parses itself (answered {@link ApiErrorCode#DUPLICATE_JSON_KEY}).
     */
    public static boolean isDuplicateKey(tools.jackson.core.JacksonException failure) {
        return failure.getOriginalMessage() != null
                && failure.getOriginalMessage().startsWith(FieldPaths.DUPLICATE_MESSAGE);
    }
}
