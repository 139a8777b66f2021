package dev.toolgate.server.api;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The error responses of the OpenAPI document, which operations name in {@code @ApiResponse(ref = ...)}: each is an
 * {@code application/problem+json} {@link Problem} with a realistic example. {@link #register} adds them and the
 * {@code Problem} schema to a document.
 */
public final class ProblemResponses {

    /** 400: {@code malformed_body}, {@code duplicate_json_key} or {@code invalid_parameter}. */
    public static final String BAD_REQUEST = "BadRequest";
    /** 401 {@code unauthenticated}. */
    public static final String UNAUTHENTICATED = "Unauthenticated";
    /** 403 {@code missing_scope}. */
    public static final String FORBIDDEN = "Forbidden";
    /** 403 {@code operator_only} or {@code missing_scope}. */
    public static final String OPERATOR_ONLY = "OperatorOnly";
    /** 404 {@code not_found}. */
    public static final String NOT_FOUND = "NotFound";
    /** 409 {@code tool_name_taken}. */
    public static final String TOOL_NAME_TAKEN = "ToolNameTaken";
    /** 409 {@code last_admin_key}. */
    public static final String LAST_ADMIN_KEY = "LastAdminKey";
    /** 413 {@code payload_too_large}. */
    public static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
    /** 415 {@code unsupported_media_type}. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    /** 422 {@code validation_failed}. */
    public static final String VALIDATION_FAILED = "ValidationFailed";

    private ProblemResponses() {}

    /** Adds the {@code Problem} schema and every response above to {@code openApi}'s components. */
    public static void register(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        Components components = openApi.getComponents();
        ModelConverters.getInstance(true)
                .readAll(new AnnotatedType(Problem.class))
                .forEach(components::addSchemas);
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        responses.put(
                BAD_REQUEST,
                response(
                        "The body is not JSON of the expected shape (malformed_body), has a key twice"
                                + " (duplicate_json_key), or a path or query parameter is invalid (invalid_parameter).",
                        problem(
                                ApiErrorCode.INVALID_PARAMETER,
                                "parameter 'agentId' has an invalid value",
                                "/v1/agents/not-a-uuid",
                                Map.of("field", "agentId", "message", "must be a UUID"))));
        responses.put(
                UNAUTHENTICATED,
                response(
                        "No X-API-Key header, or an unknown or revoked key (unauthenticated).",
                        problem(ApiErrorCode.UNAUTHENTICATED, "Missing X-API-Key header", "/v1/agents")));
        responses.put(
                FORBIDDEN,
                response(
                        "The API key lacks the scope this operation needs (missing_scope).",
                        problem(
                                ApiErrorCode.MISSING_SCOPE,
                                "This API key lacks the scope 'agents:write'",
                                "/v1/agents")));
        responses.put(
                OPERATOR_ONLY,
                response(
                        "Only the operator (an admin key of the default tenant) may do this (operator_only), or the"
                                + " key is not an admin key (missing_scope).",
                        problem(
                                ApiErrorCode.OPERATOR_ONLY,
                                "Only the operator (an admin key of the default tenant) manages tenants",
                                "/v1/tenants")));
        responses.put(
                NOT_FOUND,
                response(
                        "No such resource, or it belongs to another tenant (not_found).",
                        problem(
                                ApiErrorCode.NOT_FOUND,
                                "agent not found",
                                "/v1/agents/3f2c9a4e-8d1b-4c7a-9e5f-2b6d8a1c0e47")));
        responses.put(
                TOOL_NAME_TAKEN,
                response(
                        "The agent already has a tool with this name (tool_name_taken).",
                        problem(
                                ApiErrorCode.TOOL_NAME_TAKEN,
                                "The agent already has a tool named 'lookup_customer'",
                                "/v1/agents/3f2c9a4e-8d1b-4c7a-9e5f-2b6d8a1c0e47/tools")));
        responses.put(
                LAST_ADMIN_KEY,
                response(
                        "This is the tenant's last admin key (last_admin_key); create another first.",
                        problem(
                                ApiErrorCode.LAST_ADMIN_KEY,
                                "This is the tenant's last admin key; create another first",
                                "/v1/api-keys/7a1d3c5e-2b4f-4e6a-8c0d-9f1e3a5b7c9d")));
        Map<String, Object> tooLarge = problem(
                ApiErrorCode.PAYLOAD_TOO_LARGE,
                "The request body is larger than 1048576 bytes, the limit set by"
                        + " toolgate.limits.max-request-body-bytes.",
                "/v1/agents");
        tooLarge.put("max_bytes", 1048576);
        responses.put(
                PAYLOAD_TOO_LARGE,
                response(
                        "The body is larger than toolgate.limits.max-request-body-bytes (payload_too_large);"
                                + " nothing was read past the limit.",
                        tooLarge));
        Map<String, Object> unsupported = problem(
                ApiErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'text/plain' is not supported.", "/v1/agents");
        unsupported.remove("type");
        responses.put(
                UNSUPPORTED_MEDIA_TYPE,
                response("The body is not application/json (unsupported_media_type).", unsupported));
        responses.put(
                VALIDATION_FAILED,
                response(
                        "Fields are missing or invalid (validation_failed); errors lists every one.",
                        problem(
                                ApiErrorCode.VALIDATION_FAILED,
                                "2 fields are invalid",
                                "/v1/agents/3f2c9a4e-8d1b-4c7a-9e5f-2b6d8a1c0e47/tools",
                                Map.of(
                                        "field",
                                        "config.url",
                                        "message",
                                        "must use https:// (plain http is not allowed)"),
                                Map.of(
                                        "field",
                                        "name",
                                        "message",
                                        "must match ^[a-zA-Z0-9_-]{1,64}$, e.g. lookup_customer"))));
        responses.forEach(components::addResponses);
    }

    private static ApiResponse response(String description, Map<String, Object> example) {
        MediaType problemJson = new MediaType()
                .schema(new Schema<>().$ref("#/components/schemas/Problem"))
                .addExamples(String.valueOf(example.get("code")), new Example().value(example));
        return new ApiResponse()
                .description(description)
                .content(new Content().addMediaType("application/problem+json", problemJson));
    }

    @SafeVarargs
    private static Map<String, Object> problem(
            ApiErrorCode code, String detail, String instance, Map<String, String>... errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:toolgate:problem:" + code.wireName());
        problem.put("title", code.status().getReasonPhrase());
        problem.put("status", code.status().value());
        problem.put("detail", detail);
        problem.put("instance", instance);
        problem.put("code", code.wireName());
        if (errors.length > 0) {
            problem.put("errors", List.of(errors));
        }
        return problem;
    }
}
