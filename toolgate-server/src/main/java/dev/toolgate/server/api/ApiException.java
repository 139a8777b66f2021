package dev.toolgate.server.api;

import dev.toolgate.core.tool.FieldError;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failed API request, rendered as RFC 9457 {@code application/problem+json} by {@link ApiExceptionHandler}.
 * Messages are written for API clients: they never carry secrets or stack traces.
 */
public final class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldError> errors;

    /**
     * @param status the HTTP status
     * @param code a stable machine-readable code, e.g. {@code tool_name_taken}
     * @param detail a human-readable explanation
     * @param errors field errors (for 422), possibly empty
     */
    public ApiException(HttpStatus status, String code, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    /** 404 for a resource that does not exist or belongs to another tenant. */
    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " not found", List.of());
    }

    /** 400 for a malformed request. */
    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad_request", detail, List.of());
    }

    /** 422 listing every field error. */
    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "validation_failed",
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid",
                errors);
    }

    /** 409 for a conflict such as a duplicate tool name. */
    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, detail, List.of());
    }

    /** Returns the HTTP status. */
    public HttpStatus status() {
        return status;
    }

    /** Returns the stable machine-readable code. */
    public String code() {
        return code;
    }

    /** Returns the field errors, empty unless 422. */
    public List<FieldError> errors() {
        return errors;
    }
}
