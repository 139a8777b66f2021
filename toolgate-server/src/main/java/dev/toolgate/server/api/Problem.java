package dev.toolgate.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;

/**
 * The body of every failed API request: an RFC 9457 {@code application/problem+json} problem with Toolgate's
 * {@code code} and, when fields are named, {@code errors}. {@link ApiExceptionHandler} writes it (as Spring's
 * {@code ProblemDetail}); this record is its documented shape.
 *
 * @param type {@code urn:toolgate:problem:<code>}; left out for the problems Spring raises itself
 * @param title the HTTP reason phrase
 * @param status the HTTP status
 * @param detail what went wrong, for a human
 * @param instance the request path
 * @param code the stable machine-readable code (docs/errors.md)
 * @param errors the fields at fault, when the problem names fields
 * @param maxBytes the body limit in bytes, on {@code payload_too_large} only
 */
@Schema(name = "Problem", description = "An RFC 9457 problem: what went wrong, with a stable code (docs/errors.md).")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(example = "urn:toolgate:problem:validation_failed")
        URI type,

        @Schema(example = "Unprocessable Content") String title,
        @Schema(example = "422") int status,
        @Schema(example = "1 field is invalid") String detail,

        @Schema(format = "uri-reference", example = "/v1/agents")
        URI instance,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "validation_failed")
        ApiErrorCode code,

        List<FieldProblem> errors,

        @Schema(description = "The body limit in bytes (payload_too_large only).", example = "1048576")
        Long maxBytes) {

    /**
     * One field at fault.
     *
     * @param field the path of the field as sent: {@code name}, {@code config.url}, {@code scopes[1]}; for a path or
     *     query parameter its name; empty for the body as a whole
     * @param message what is wrong with it, e.g. {@code must be at most 255 characters}
     */
    @Schema(name = "FieldProblem", description = "A field at fault.")
    public record FieldProblem(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "name")
            String field,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "is required")
            String message) {}
}
