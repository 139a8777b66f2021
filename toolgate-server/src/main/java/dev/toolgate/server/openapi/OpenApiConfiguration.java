package dev.toolgate.server.openapi;

import dev.toolgate.server.tenant.ApiKeyService;
import dev.toolgate.server.tenant.Principal;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The document-level parts of the OpenAPI document served at {@code /v3/api-docs} (and shown by Swagger UI at
 * {@code /docs/api}, see docs/api.md): its info (title, the project's version, Apache-2.0 license), a relative
 * server, the {@code X-API-Key} security scheme required by default, one tag per resource ({@link ApiTag}), the
 * RFC 9457 {@value #PROBLEM_SCHEMA} schema and the standard error responses, and the per-operation conventions of
 * {@link OperationConventions}. The authenticated {@link Principal} a handler takes is not a request parameter and
 * is left out.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /** The security scheme's name in {@code components.securitySchemes}. */
    public static final String SECURITY_SCHEME = "ApiKey";

    /** The schema of every error body: RFC 9457 problem details plus {@code code} and {@code errors}. */
    public static final String PROBLEM_SCHEMA = "Problem";

    /** The media type of every error body (RFC 9457). */
    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    static final String BAD_REQUEST = "BadRequest";
    static final String UNAUTHORIZED = "Unauthorized";
    static final String FORBIDDEN = "Forbidden";
    static final String NOT_FOUND = "NotFound";
    static final String CONTENT_TOO_LARGE = "ContentTooLarge";
    static final String UNPROCESSABLE_CONTENT = "UnprocessableContent";

    static {
        // resolved from the request's API key by WebConfiguration, never sent by a client
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Principal.class);
        // Jackson 3 trees are JSON values, not beans: as request bodies any JSON object; as responses springdoc's
        // introspection of them fails, so it skips them and OperationConventions describes them
        SpringDocUtils.getConfig()
                .replaceWithSchema(JsonNode.class, anyObject())
                .replaceWithSchema(ObjectNode.class, anyObject())
                .replaceWithSchema(ArrayNode.class, new ArraySchema().items(new Schema<>()))
                .addResponseTypeToIgnore(JsonNode.class)
                .addResponseTypeToIgnore(ObjectNode.class)
                .addResponseTypeToIgnore(ArrayNode.class);
    }

    /**
     * The document's skeleton, which springdoc fills with the paths of the controllers.
     *
     * @param build the build's properties (META-INF/build-info.properties); without them the version is "dev"
     */
    @Bean
    OpenAPI toolgateOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties == null || properties.getVersion() == null ? "dev" : properties.getVersion();
        return new OpenAPI()
                .info(new Info()
                        .title("Toolgate API")
                        .version(version)
                        .description("""
                                Toolgate is the HTTP tool gateway for voice AI agents: it validates a tool call's \
                                arguments against the tool's JSON Schema, sends a signed HTTPS request to the tenant's \
                                endpoint under a strict egress policy and a hard time budget, and answers with text the \
                                model can speak from. Every invocation is logged and can be test-fired first.

                                Every request carries an API key in `X-API-Key`; a key has scopes, and nothing crosses \
                                tenants (another tenant's resources answer 404). Errors are RFC 9457 problem details \
                                (`application/problem+json`) with a stable `code`; a tool that fails is not an API \
                                error but a 200 with `status: error`.""")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .servers(List.of(new Server().url("/").description("The server that serves this document")))
                .security(List.of(new SecurityRequirement().addList(SECURITY_SCHEME)))
                .tags(Arrays.stream(ApiTag.values())
                        .map(tag -> new Tag().name(tag.tagName()).description(tag.description()))
                        .toList())
                .components(new Components()
                        .addSecuritySchemes(
                                SECURITY_SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name(ApiKeyService.API_KEY_HEADER)
                                        .description("An API key (`tg_…`), shown once when it is created. Its scopes "
                                                + "decide which operations it may call."))
                        .addSchemas(PROBLEM_SCHEMA, problemSchema())
                        .addResponses(
                                BAD_REQUEST,
                                problem("The request is malformed: a body that is not JSON of the expected shape, or a "
                                        + "parameter of the wrong type or out of range."))
                        .addResponses(UNAUTHORIZED, problem("The `X-API-Key` header is missing or names no key."))
                        .addResponses(FORBIDDEN, problem("The API key lacks the scope this operation needs."))
                        .addResponses(NOT_FOUND, problem("The resource does not exist, or belongs to another tenant."))
                        .addResponses(
                                CONTENT_TOO_LARGE,
                                problem("The request body is larger than `toolgate.limits.max-request-body-bytes`."))
                        .addResponses(
                                UNPROCESSABLE_CONTENT,
                                problem("One or more fields are invalid; `errors` lists every one.")));
    }

    /** Operation ids, summaries, tags, security and the standard responses of every operation. */
    @Bean
    OperationCustomizer toolgateOperationConventions() {
        return new OperationConventions();
    }

    /** Returns the schema of any JSON object: {@code {"type": "object", "additionalProperties": true}}. */
    static Schema<?> anyObject() {
        return new ObjectSchema().additionalProperties(Boolean.TRUE);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM_MEDIA_TYPE,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem detail, with Toolgate's stable `code` and, for 422, every field "
                        + "error. Never carries a secret or a stack trace.")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri-reference")
                                .description("`urn:toolgate:problem:<code>`; absent means `about:blank`"))
                .addProperty("title", new StringSchema().description("The HTTP status's reason phrase"))
                .addProperty("status", new IntegerSchema().format("int32").description("The HTTP status code"))
                .addProperty("detail", new StringSchema().description("What went wrong, for a human"))
                .addProperty(
                        "instance", new StringSchema().format("uri-reference").description("The request's path"))
                .addProperty(
                        "code",
                        new StringSchema()
                                .description("A stable machine-readable code, e.g. `validation_failed`, "
                                        + "`tool_name_taken`, `unauthenticated`, `missing_scope`, `not_found`"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .description("Every field error (422 only)")
                                .items(fieldErrorSchema()))
                .required(List.of("title", "status", "code"));
    }

    private static Schema<?> fieldErrorSchema() {
        return new ObjectSchema()
                .description("One invalid field of a request")
                .addProperty(
                        "field",
                        new StringSchema().description("The field's path, e.g. `parameters.properties.phone.type`"))
                .addProperty("message", new StringSchema().description("What is wrong with it"))
                .required(List.of("field", "message"));
    }
}
