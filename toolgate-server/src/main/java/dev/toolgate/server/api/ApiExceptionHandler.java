package dev.toolgate.server.api;

import dev.toolgate.core.tool.FieldError;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.Errors;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every failed API request into RFC 9457 problem+json ({@link Problem}): {@code type}, {@code title},
 * {@code status}, {@code detail}, plus a {@link ApiErrorCode} {@code code} and, where fields are at fault,
 * {@code errors: [{field, message}]} with the fields named as the client sent them ({@code overlap_seconds},
 * {@code scopes[1]}). Bean Validation failures and body fields of the wrong type are 422 {@code validation_failed};
 * Spring's own request errors get specific codes: 400 {@code malformed_body}, {@code duplicate_json_key},
 * {@code invalid_parameter} or {@code missing_parameter}, 404 {@code not_found}, 405 {@code method_not_allowed}, 406
 * {@code not_acceptable}, 413 {@code payload_too_large}, 415 {@code unsupported_media_type} (docs/errors.md).
 * Unexpected faults are logged with their stack trace (messages cut by {@link LogSafe}) and answered with a generic
 * 500 that reveals nothing.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** The Bean Validation constraints that say a value is missing. */
    private static final Set<String> MISSING = Set.of("NotNull", "NotBlank", "NotEmpty");

    private final FieldPaths paths;

    ApiExceptionHandler(JsonMapper json) {
        this.paths = new FieldPaths(json);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> handleApi(ApiException e) {
        return respond(problem(e.code(), e.getMessage(), e.errors()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(problem(
                ApiErrorCode.INVALID_PARAMETER,
                "parameter '" + e.getName() + "' has an invalid value",
                List.of(new FieldError(e.getName(), paths.mustBe(e.getRequiredType())))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e) {
        RequestBodyLimitFilter.TooLarge tooLarge = RequestBodyLimitFilter.TooLarge.in(e);
        if (tooLarge != null) {
            return respond(tooLarge(tooLarge.maxBytes(), tooLarge.setting()));
        }
        if (e instanceof ErrorResponse errorResponse) {
            ProblemDetail body = errorResponse.getBody();
            body.setProperty("code", codeFor(e, errorResponse.getStatusCode()));
            return respond(body);
        }
        log.error("Unexpected error while handling an API request", LogSafe.throwable(e));
        return respond(internalError());
    }

    /**
     * The problem of a fault inside Toolgate (500 {@code internal}): it names nothing of the fault, which goes to
     * the server log only.
     */
    public static ProblemDetail internalError() {
        return untyped(ApiErrorCode.INTERNAL, "An internal error occurred; it has been logged.");
    }

    /* A @Valid body that breaks its constraints. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleApi(ApiException.invalid(fieldErrors(ex.getParameter(), ex.getBindingResult())));
    }

    /* Constraints on path or query parameters (and then also on the body, which Spring validates with them). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof Errors bound) {
                errors.addAll(fieldErrors(result.getMethodParameter(), bound));
            } else {
                String name = parameterName(result.getMethodParameter());
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.add(new FieldError(name, error.getDefaultMessage()));
                }
            }
        });
        return handleApi(ApiException.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyLimitFilter.TooLarge tooLarge = RequestBodyLimitFilter.TooLarge.in(ex);
        if (tooLarge != null) {
            return respond(tooLarge(tooLarge.maxBytes(), tooLarge.setting()));
        }
        String duplicate = FieldPaths.duplicateKey(ex);
        if (duplicate != null) {
            return respond(problem(
                    ApiErrorCode.DUPLICATE_JSON_KEY,
                    "The request body has the key '" + duplicate + "' more than once in one object.",
                    List.of(new FieldError(duplicate, "appears more than once; send each key once"))));
        }
        FieldError wrongType = wrongType(ex);
        if (wrongType != null) {
            return handleApi(ApiException.invalid(List.of(wrongType)));
        }
        return respond(
                untyped(ApiErrorCode.MALFORMED_BODY, "The request body is not valid JSON of the expected shape."));
    }

    /* Spring's version also writes the client's method name to the log; a 405 is the client's affair. */
    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, null, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
                problem.setProperty("code", codeFor(ex, statusCode));
            }
            return ResponseEntity.status(statusCode)
                    .headers(response.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return response;
    }

    /** The 413 {@code payload_too_large} problem for a body over {@code maxBytes}, set by {@code setting}. */
    static ProblemDetail tooLarge(long maxBytes, String setting) {
        ProblemDetail problem = problem(
                ApiErrorCode.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + maxBytes + " bytes, the limit set by " + setting + ".",
                List.of());
        problem.setProperty("max_bytes", maxBytes);
        return problem;
    }

    /** The code of a problem Spring raised for a request it could not route or read. */
    static ApiErrorCode codeFor(Exception ex, HttpStatusCode status) {
        if (status.value() == 400) {
            if (ex instanceof MissingRequestValueException) {
                return ApiErrorCode.MISSING_PARAMETER;
            }
            if (ex instanceof TypeMismatchException) {
                return ApiErrorCode.INVALID_PARAMETER;
            }
            if (ex instanceof HttpMessageNotReadableException) {
                return ApiErrorCode.MALFORMED_BODY;
            }
        }
        return ApiErrorCode.forStatus(status.value());
    }

    /**
     * The field errors of a bound body, each field named as sent, sorted by field. A missing value is reported as
     * missing only (not also as too short), and the same message once per field.
     */
    private List<FieldError> fieldErrors(MethodParameter parameter, Errors errors) {
        Class<?> type = parameter.getParameterType();
        List<FieldError> result = new ArrayList<>();
        errors.getGlobalErrors().forEach(error -> result.add(new FieldError("", error.getDefaultMessage())));
        Set<String> missing = new HashSet<>();
        errors.getFieldErrors().stream()
                .filter(error -> MISSING.contains(error.getCode()))
                .forEach(error -> missing.add(error.getField()));
        for (org.springframework.validation.FieldError error : errors.getFieldErrors()) {
            if (missing.contains(error.getField()) && !MISSING.contains(error.getCode())) {
                continue;
            }
            // an unknown field is named as the client sent it, even when it looks like a Java name
            boolean unknown = KnownFieldsOnly.class.getSimpleName().equals(error.getCode());
            String field = unknown ? error.getField() : paths.wirePath(type, error.getField());
            result.add(new FieldError(field, error.getDefaultMessage()));
        }
        return result.stream()
                .distinct()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
    }

    private static String parameterName(MethodParameter parameter) {
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.value().isEmpty()) {
            return path.value();
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.value().isEmpty()) {
            return param.value();
        }
        return parameter.getParameterName() == null ? "" : parameter.getParameterName();
    }

    /** The field of the body that has a value of the wrong type or range, or null when the body is not JSON. */
    private FieldError wrongType(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException read && !read.getPath().isEmpty()) {
                String field = FieldPaths.of(read.getPath());
                if (read instanceof MismatchedInputException mismatch) {
                    return new FieldError(field, paths.mustBe(mismatch.getTargetType()));
                }
                if (read instanceof InputCoercionException) {
                    return new FieldError(field, "is out of range");
                }
                return null;
            }
        }
        return null;
    }

    private static ProblemDetail problem(ApiErrorCode code, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setType(URI.create("urn:toolgate:problem:" + code.wireName()));
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty(
                    "errors",
                    errors.stream()
                            .map(err -> new Problem.FieldProblem(err.field(), err.message()))
                            .toList());
        }
        return problem;
    }

    /** A problem without {@code type}, as the ones Spring raises itself have always been. */
    private static ProblemDetail untyped(ApiErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setProperty("code", code);
        return problem;
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
