package dev.toolgate.server.api;

import com.fasterxml.jackson.annotation.JsonValue;
import org.springframework.http.HttpStatus;

/**
 * Every {@code code} an API problem can carry: its wire name, its HTTP status and what it means. The list is closed;
 * docs/errors.md has one line per code (a test keeps them in step). Tool failures are not here: they are 200 answers
 * with a {@code dev.toolgate.core.error.ErrorCode}.
 */
public enum ApiErrorCode {
    /** 400: the body is not JSON, not UTF-8, empty where required, or not of the expected overall shape. */
    MALFORMED_BODY("malformed_body", HttpStatus.BAD_REQUEST, "The body is not JSON of the expected shape."),
    /** 400: an object in the body has the same key twice; {@code errors[0].field} names it. */
    DUPLICATE_JSON_KEY("duplicate_json_key", HttpStatus.BAD_REQUEST, "An object in the body has a key twice."),
    /** 400: a call-context value holds a CR, LF or NUL, or an id or number is too long. */
    INVALID_CALL_CONTEXT(
            "invalid_call_context",
            HttpStatus.BAD_REQUEST,
            "A call-context value holds a line break or NUL, or is too long."),
    /** 400: a path or query parameter has the wrong type or value; {@code errors[0].field} names it. */
    INVALID_PARAMETER(
            "invalid_parameter", HttpStatus.BAD_REQUEST, "A path or query parameter has the wrong type or value."),
    /** 400: a required query parameter or header is missing. */
    MISSING_PARAMETER("missing_parameter", HttpStatus.BAD_REQUEST, "A required query parameter or header is missing."),
    /** 400: any other request the API cannot take, named in {@code detail}. */
    BAD_REQUEST("bad_request", HttpStatus.BAD_REQUEST, "Another request error, named in the detail."),
    /** 401: no {@code X-API-Key}, or an unknown or revoked key. */
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "No API key, or an unknown or revoked one."),
    /** 401: a voice platform's adapter got no signature or secret, or one that does not match the tenant's. */
    PLATFORM_UNAUTHENTICATED(
            "platform_unauthenticated",
            HttpStatus.UNAUTHORIZED,
            "The voice platform's signature or secret is missing or does not match."),
    /** 403: the key lacks the endpoint's scope, or the endpoint is open to no key. */
    MISSING_SCOPE("missing_scope", HttpStatus.FORBIDDEN, "The API key lacks the scope the endpoint needs."),
    /** 403: only the operator (an admin key of the default tenant) may do this. */
    OPERATOR_ONLY("operator_only", HttpStatus.FORBIDDEN, "Only the operator's key may do this."),
    /** 404: no such path, or the resource does not exist or belongs to another tenant. */
    NOT_FOUND("not_found", HttpStatus.NOT_FOUND, "No such path or resource (or it is another tenant's)."),
    /** 404: the invocation played no DTMF tones, so it has no audio. */
    NO_AUDIO("no_audio", HttpStatus.NOT_FOUND, "The invocation played no tones."),
    /** 405: the path exists but not with this method. */
    METHOD_NOT_ALLOWED("method_not_allowed", HttpStatus.METHOD_NOT_ALLOWED, "The path does not take this method."),
    /** 406: the {@code Accept} header rules out JSON. */
    NOT_ACCEPTABLE("not_acceptable", HttpStatus.NOT_ACCEPTABLE, "The Accept header rules out JSON."),
    /** 409: the agent already has a tool with this name. */
    TOOL_NAME_TAKEN("tool_name_taken", HttpStatus.CONFLICT, "The agent already has a tool with this name."),
    /** 409: revoking this key would leave the tenant without an admin key. */
    LAST_ADMIN_KEY("last_admin_key", HttpStatus.CONFLICT, "This is the tenant's last admin key."),
    /** 409: the invocation sent no request, so there is no curl command to show. */
    NO_REQUEST("no_request", HttpStatus.CONFLICT, "The invocation sent no request."),
    /** 409: the invocation to replay names no existing tool. */
    TOOL_MISSING("tool_missing", HttpStatus.CONFLICT, "The invocation's tool no longer exists."),
    /** 409: the invocation record keeps only the start of its rendered request, so there is no curl to show. */
    REQUEST_CUT("request_cut", HttpStatus.CONFLICT, "The recorded request was cut at the record's size bound."),
    /** 409: the invocation record keeps only the start of its arguments, so it cannot be replayed. */
    ARGUMENTS_CUT("arguments_cut", HttpStatus.CONFLICT, "The recorded arguments were cut at the record's size bound."),
    /** 413: the body is larger than {@code toolgate.limits.max-request-body-bytes}. */
    PAYLOAD_TOO_LARGE("payload_too_large", HttpStatus.CONTENT_TOO_LARGE, "The body is larger than the limit."),
    /** 413: the knowledge-base document is larger than {@code toolgate.knowledge.max-document-bytes}. */
    DOCUMENT_TOO_LARGE("document_too_large", HttpStatus.CONTENT_TOO_LARGE, "The document is larger than the limit."),
    /** 415: the body is not {@code application/json}, or names an unknown charset. */
    UNSUPPORTED_MEDIA_TYPE(
            "unsupported_media_type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body is not application/json."),
    /** 422: fields are missing or invalid; {@code errors} lists them. */
    VALIDATION_FAILED("validation_failed", HttpStatus.UNPROCESSABLE_CONTENT, "Fields are missing or invalid."),
    /** 422: the agent already holds {@code toolgate.limits.max-tools-per-agent} tools. */
    TOO_MANY_TOOLS("too_many_tools", HttpStatus.UNPROCESSABLE_CONTENT, "The agent holds the most tools it may."),
    /** 422: the agent already holds {@code toolgate.knowledge.max-documents-per-agent} documents. */
    TOO_MANY_DOCUMENTS(
            "too_many_documents", HttpStatus.UNPROCESSABLE_CONTENT, "The agent holds the most documents it may."),
    /** 422: the document's type is not one a knowledge base reads (docs/knowledge-base.md). */
    UNSUPPORTED_DOCUMENT_TYPE(
            "unsupported_document_type",
            HttpStatus.UNPROCESSABLE_CONTENT,
            "The document's type is not one a knowledge base reads."),
    /** 422: the OpenAPI document to import cannot be read, or names no usable server (docs/openapi-import.md). */
    INVALID_DOCUMENT("invalid_document", HttpStatus.UNPROCESSABLE_CONTENT, "The OpenAPI document cannot be imported."),
    /** 422: the OpenAPI document could not be fetched from its URL (refused by the egress policy, or failed). */
    DOCUMENT_FETCH_FAILED(
            "document_fetch_failed", HttpStatus.UNPROCESSABLE_CONTENT, "The OpenAPI document could not be fetched."),
    /** 422: the invocation ran, but its answer has no TwiML form (no call action, or one TwiML cannot express). */
    NO_TWIML("no_twiml", HttpStatus.UNPROCESSABLE_CONTENT, "The invocation's answer has no TwiML form."),
    /** 500: a fault inside Toolgate, logged on the server. */
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "A fault inside Toolgate.");

    private final String wireName;
    private final HttpStatus status;
    private final String meaning;

    ApiErrorCode(String wireName, HttpStatus status, String meaning) {
        this.wireName = wireName;
        this.status = status;
        this.meaning = meaning;
    }

    /** Returns the {@code code} as it appears in a problem, e.g. {@code tool_name_taken}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Returns the HTTP status every problem with this code has. */
    public HttpStatus status() {
        return status;
    }

    /** Returns one line saying what the code means. */
    public String meaning() {
        return meaning;
    }

    /**
     * Returns the code whose {@linkplain #wireName() wire name} is {@code name}.
     *
     * @throws IllegalArgumentException if no code has that name
     */
    public static ApiErrorCode fromWireName(String name) {
        for (ApiErrorCode code : values()) {
            if (code.wireName.equals(name)) {
                return code;
            }
        }
        throw new IllegalArgumentException("unknown API error code: " + name);
    }

    /**
     * Returns the code of a problem Spring raised by status alone, for a request it could not route or read: 404
     * {@link #NOT_FOUND}, 405, 406, 413, 415, another 4xx {@link #BAD_REQUEST}, anything else {@link #INTERNAL}.
     */
    public static ApiErrorCode forStatus(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> VALIDATION_FAILED;
            default -> status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL;
        };
    }
}
