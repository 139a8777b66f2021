package dev.toolgate.server.api;

import dev.toolgate.core.tool.FieldError;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;

/**
 * Turns every failed API request into RFC 9457 problem+json: {@code type}, {@code title}, {@code status},
 * {@code detail}, plus {@code code} and, for 422 (and the 400s that name fields), {@code errors: [{field,
 * message}]}. Spring's own request errors get specific codes: 400 {@code malformed_body} or
 * {@code duplicate_json_key}, 404 {@code not_found}, 405 {@code method_not_allowed}, 406 {@code not_acceptable},
 * 413 {@code payload_too_large}, 415 {@code unsupported_media_type} (docs/errors.md). Unexpected faults are logged
 * with their stack trace (messages cut by {@link LogSafe}) and answered with a generic 500 that reveals nothing.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** The start of the message of Jackson's {@code StreamReadFeature.STRICT_DUPLICATE_DETECTION} failure. */
    private static final String DUPLICATE_MESSAGE = "Duplicate Object property \"";

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> handleApi(ApiException e) {
        ProblemDetail problem = problem(e.status(), e.code(), e.getMessage(), e.errors());
        return respond(problem, e.status());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "parameter '" + e.getName() + "' has an invalid value");
        problem.setProperty("code", "bad_request");
        return respond(problem, HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e) {
        RequestBodyLimitFilter.TooLarge tooLarge = RequestBodyLimitFilter.TooLarge.in(e);
        if (tooLarge != null) {
            return respond(tooLarge(tooLarge.maxBytes()), HttpStatus.CONTENT_TOO_LARGE);
        }
        if (e instanceof ErrorResponse errorResponse) {
            ProblemDetail body = errorResponse.getBody();
            body.setProperty("code", codeFor(errorResponse.getStatusCode()));
            return respond(body, errorResponse.getStatusCode());
        }
        log.error("Unexpected error while handling an API request", LogSafe.throwable(e));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "An internal error occurred; it has been logged.");
        problem.setProperty("code", "internal");
        return respond(problem, HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyLimitFilter.TooLarge tooLarge = RequestBodyLimitFilter.TooLarge.in(ex);
        if (tooLarge != null) {
            return respond(tooLarge(tooLarge.maxBytes()), HttpStatus.CONTENT_TOO_LARGE);
        }
        String duplicate = duplicateKey(ex);
        if (duplicate != null) {
            ProblemDetail problem = problem(
                    HttpStatus.BAD_REQUEST,
                    "duplicate_json_key",
                    "The request body has the key '" + duplicate + "' more than once in one object.",
                    List.of(new FieldError(duplicate, "appears more than once; send each key once")));
            return respond(problem, HttpStatus.BAD_REQUEST);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape.");
        problem.setProperty("code", "malformed_body");
        return respond(problem, HttpStatus.BAD_REQUEST);
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
                problem.setProperty("code", codeFor(statusCode));
            }
            return ResponseEntity.status(statusCode)
                    .headers(response.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return response;
    }

    /** The 413 {@code payload_too_large} problem for a body over {@code maxBytes}. */
    static ProblemDetail tooLarge(long maxBytes) {
        ProblemDetail problem = problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload_too_large",
                "The request body is larger than " + maxBytes
                        + " bytes, the limit set by toolgate.limits.max-request-body-bytes.",
                List.of());
        problem.setProperty("max_bytes", maxBytes);
        return problem;
    }

    /** The code of a problem Spring raised for a request it could not route or read, by status. */
    static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> status.is4xxClientError() ? "bad_request" : "internal";
        };
    }

    /**
     * Returns the path ({@code call.id}, {@code message.tool_calls[0].id}) of the key Jackson found twice in one
     * object, or null when {@code ex} is not a duplicate-key failure.
     */
    private static String duplicateKey(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException read
                    && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith(DUPLICATE_MESSAGE)) {
                JsonParser parser = read.processor();
                if (parser != null && parser.streamReadContext() != null) {
                    return LogSafe.text(path(parser.streamReadContext()));
                }
                String message = read.getOriginalMessage();
                return LogSafe.text(message.substring(DUPLICATE_MESSAGE.length(), message.length() - 1));
            }
        }
        return null;
    }

    private static String path(TokenStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.currentName() != null) {
                parts.push((c.getParent() == null || c.getParent().inRoot() ? "" : ".") + c.currentName());
            }
        }
        return String.join("", parts);
    }

    private static ProblemDetail problem(HttpStatusCode status, String code, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:toolgate:problem:" + code));
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty(
                    "errors",
                    errors.stream()
                            .map(err -> Map.of("field", err.field(), "message", err.message()))
                            .toList());
        }
        return problem;
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, HttpStatusCode status) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
