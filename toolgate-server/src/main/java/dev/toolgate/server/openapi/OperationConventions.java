package dev.toolgate.server.openapi;

import dev.toolgate.server.tenant.ApiKeyService;
import dev.toolgate.server.tenant.PublicEndpoint;
import dev.toolgate.server.tenant.RequiresScope;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Fills in, for every operation of the OpenAPI document, what follows from the API's conventions; a value the
 * controller states itself ({@code @Operation(operationId/summary)}, {@code @Tag}, {@code @ApiResponse}) wins.
 *
 * <ul>
 *   <li>{@code operationId}: lowerCamel from the handler method's name and its path ({@link #operationId}).
 *   <li>{@code summary}: the operationId in words, {@code createTool} → "Create tool".
 *   <li>{@code tags}: the operation's resource ({@link ApiTag#forPath}).
 *   <li>{@code security}: paths under {@link ApiKeyService#SECURED_PATHS} inherit the document's API-key
 *       requirement, unless the handler is a {@link PublicEndpoint}; an operation that states its own requirement
 *       (a voice platform's signature) keeps it, and gets a 401; any other gets an explicit empty list (public).
 *   <li>Success body: a handler that returns a Jackson tree answers a JSON object (an array for
 *       {@code ArrayNode}); springdoc cannot describe those trees itself.
 *   <li>Success status: a handler named {@code create…} answers 201, one declared as {@code ResponseEntity<Void>}
 *       answers 204 without a body; the generated 200 is renamed accordingly.
 *   <li>Error responses, each an RFC 9457 problem ({@link OpenApiConfiguration#PROBLEM_SCHEMA}): 401 on secured
 *       operations, 403 when the handler needs a scope ({@link RequiresScope}, named in the description), 400 when
 *       the operation takes parameters or a body, 404 when its path names a resource, 413 and 422 when it takes a
 *       body.
 * </ul>
 */
final class OperationConventions implements OperationCustomizer {

    /** Handler names that are a verb: the operationId adds the resource they act on. */
    private static final Set<String> VERBS = Set.of(
            "create", "list", "get", "delete", "patch", "put", "update", "set", "invoke", "replay", "rotate", "test");

    /** Verbs whose object is not the resource their path names: one invokes a tool, creating an invocation. */
    private static final Map<String, String> VERB_OBJECTS = Map.of("invoke", "tool");

    /** Words kept in upper case in summaries. */
    private static final Set<String> ACRONYMS = Set.of("api", "url", "http");

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        String path = path(handler);
        RequestMethod httpMethod = httpMethod(handler);
        // A public handler under /v1 (a voice platform's adapter) authenticates by other means than an API key.
        boolean secured =
                PATHS.match(ApiKeyService.SECURED_PATHS, path) && !handler.hasMethodAnnotation(PublicEndpoint.class);
        boolean ownSecurity =
                operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        RequiresScope scope = handler.getMethodAnnotation(RequiresScope.class);

        io.swagger.v3.oas.annotations.Operation declared =
                handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
        if (declared == null || declared.operationId().isBlank()) {
            operation.setOperationId(operationId(handler.getMethod().getName(), httpMethod, path));
        }
        if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            operation.setSummary(summary(operation.getOperationId()));
        }
        if (scope != null && operation.getDescription() == null) {
            operation.setDescription("Needs an API key with the scope `"
                    + scope.value().wireName() + "` (an `admin` key has every scope of its tenant).");
        }
        if (AnnotatedElementUtils.findMergedAnnotation(
                                handler.getMethod(), io.swagger.v3.oas.annotations.tags.Tag.class)
                        == null
                && AnnotatedElementUtils.findMergedAnnotation(
                                handler.getBeanType(), io.swagger.v3.oas.annotations.tags.Tag.class)
                        == null) {
            ApiTag.forPath(path).ifPresent(tag -> operation.setTags(List.of(tag.tagName())));
        }
        if (!secured && !ownSecurity) {
            operation.setSecurity(List.of()); // public: not even the document's default requirement
        }

        ApiResponses responses = successResponses(operation.getResponses(), handler);
        boolean takesBody = operation.getRequestBody() != null;
        boolean takesParameters =
                operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (takesParameters || takesBody) {
            addError(responses, "400", OpenApiConfiguration.BAD_REQUEST);
        }
        if (secured || ownSecurity) {
            addError(responses, "401", OpenApiConfiguration.UNAUTHORIZED);
        }
        if (secured && scope != null) {
            addError(responses, "403", OpenApiConfiguration.FORBIDDEN);
        }
        if (path.contains("{")) {
            addError(responses, "404", OpenApiConfiguration.NOT_FOUND);
        }
        if (takesBody) {
            addError(responses, "413", OpenApiConfiguration.CONTENT_TOO_LARGE);
            addError(responses, "422", OpenApiConfiguration.UNPROCESSABLE_CONTENT);
        }
        operation.setResponses(responses);
        return operation;
    }

    /**
     * Returns the lowerCamel operationId of a handler that states none.
     *
     * <ul>
     *   <li>A multi-word handler name that starts with a verb is taken as it is: {@code testFire},
     *       {@code setRateLimits}.
     *   <li>A one-word verb gets the resource its path names, plural for {@code list}: {@code create} on
     *       {@code /v1/agents} → {@code createAgent}, {@code list} → {@code listAgents}, {@code replay} on
     *       {@code /v1/invocations/{id}/replay} → {@code replayInvocation}.
     *   <li>A handler named for what it returns gets the HTTP verb ({@code get}, {@code run} for POST, {@code set}
     *       for PUT) and the resource that owns it: {@code health} on {@code …/tools/{toolId}/health} →
     *       {@code getToolHealth}.
     * </ul>
     *
     * @param handlerName the Java method's name
     * @param httpMethod the operation's HTTP method
     * @param path the operation's path pattern, e.g. {@code /v1/agents/{agentId}/tools}
     */
    static String operationId(String handlerName, RequestMethod httpMethod, String path) {
        List<String> words = words(handlerName);
        List<String> literals = literals(path);
        String own = String.join("-", words);
        List<String> resources = new ArrayList<>(literals);
        if (!resources.isEmpty() && resources.get(resources.size() - 1).equals(own)) {
            resources.remove(resources.size() - 1); // the path segment is the handler's own name
        }
        String resource = resources.isEmpty() ? "" : resources.get(resources.size() - 1);
        String verb = words.get(0);
        if (VERBS.contains(verb)) {
            if (words.size() > 1) {
                return handlerName;
            }
            String object = VERB_OBJECTS.getOrDefault(verb, verb.equals("list") ? resource : singular(resource));
            return verb + pascal(object);
        }
        String httpVerb = switch (httpMethod) {
            case GET -> "get";
            case POST -> "run";
            case PUT -> "set";
            default -> httpMethod.name().toLowerCase(Locale.ROOT);
        };
        return httpVerb + pascal(singular(resource)) + pascal(own);
    }

    /** Returns an operationId in words for a summary: {@code listApiKeys} → "List API keys". */
    static String summary(String operationId) {
        List<String> words = words(operationId);
        StringBuilder summary = new StringBuilder();
        for (String word : words) {
            String shown = ACRONYMS.contains(word) ? word.toUpperCase(Locale.ROOT) : word;
            if (summary.isEmpty()) {
                shown = Character.toUpperCase(shown.charAt(0)) + shown.substring(1);
            } else {
                summary.append(' ');
            }
            summary.append(shown);
        }
        return summary.toString();
    }

    /** Returns the literal segments of a path pattern, without variables and the version prefix {@code v1}. */
    static List<String> literals(String path) {
        List<String> literals = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && !segment.startsWith("{") && !segment.matches("v\\d+")) {
                literals.add(segment);
            }
        }
        return literals;
    }

    private static ApiResponses successResponses(ApiResponses generated, HandlerMethod handler) {
        ApiResponses responses = new ApiResponses();
        if (generated == null) {
            return responses;
        }
        boolean creates = words(handler.getMethod().getName()).get(0).equals("create");
        ResolvableType returnType = ResolvableType.forMethodReturnType(handler.getMethod());
        Class<?> body = returnType.toClass() == ResponseEntity.class
                ? returnType.getGeneric(0).toClass()
                : returnType.toClass();
        boolean noContent = body == Void.class;
        generated.forEach((status, response) -> {
            if (status.startsWith("2")
                    && JsonNode.class.isAssignableFrom(body)
                    && (response.getContent() == null || response.getContent().isEmpty())) {
                // a Jackson 3 tree, which springdoc skips (OpenApiConfiguration): any JSON object (or array)
                Schema<?> schema = ArrayNode.class.isAssignableFrom(body)
                        ? new ArraySchema().items(new Schema<>())
                        : OpenApiConfiguration.anyObject();
                response.content(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                                new MediaType().schema(schema)));
            }
            if (status.equals("200") && noContent && !declaresResponse(handler, "204")) {
                responses.addApiResponse("204", new ApiResponse().description("No content"));
            } else if (status.equals("200") && creates && !declaresResponse(handler, "201")) {
                responses.addApiResponse("201", response.description("Created"));
            } else {
                responses.addApiResponse(status, response);
            }
        });
        return responses;
    }

    private static void addError(ApiResponses responses, String status, String component) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + component));
        }
    }

    private static boolean declaresResponse(HandlerMethod handler, String status) {
        return AnnotatedElementUtils.findAllMergedAnnotations(
                        handler.getMethod(), io.swagger.v3.oas.annotations.responses.ApiResponse.class)
                .stream()
                .anyMatch(response -> response.responseCode().equals(status));
    }

    private static String path(HandlerMethod handler) {
        return first(AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class))
                + first(AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class));
    }

    private static String first(RequestMapping mapping) {
        return mapping == null || mapping.path().length == 0 ? "" : mapping.path()[0];
    }

    private static RequestMethod httpMethod(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping == null || mapping.method().length == 0 ? RequestMethod.GET : mapping.method()[0];
    }

    /** Splits lowerCamel or kebab-case into lower-case words: {@code testFire} → [test, fire]. */
    private static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String part : name.split("(?<=[a-z0-9])(?=[A-Z])|-")) {
            if (!part.isEmpty()) {
                words.add(part.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    private static String singular(String segment) {
        return segment.endsWith("s") ? segment.substring(0, segment.length() - 1) : segment;
    }

    private static String pascal(String kebab) {
        StringBuilder pascal = new StringBuilder();
        for (String word : words(kebab)) {
            pascal.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return pascal.toString();
    }
}
