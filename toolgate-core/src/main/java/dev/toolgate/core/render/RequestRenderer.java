package dev.toolgate.core.render;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.http.ReservedHeaders;
import dev.toolgate.core.tool.BodyMode;
import dev.toolgate.core.tool.HttpMethod;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.KeyValue;
import dev.toolgate.core.tool.TemplateSyntax;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.UrlTemplate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders an {@code http_request} tool call into the exact, still unsigned request for the tenant endpoint
 * (docs/request-response.md, section 2); {@link dev.toolgate.core.signing.RequestSigner} adds the
 * signature headers.
 *
 * <p>Method, URL and body:
 * <ul>
 *   <li>{@code body_mode: envelope}: {@code POST} with the JSON body {@code {"tool","arguments",
 *       "caller_number","call_id","agent_id","tenant_id","invocation_id","timestamp"}} ({@code timestamp} an
 *       ISO-8601 UTC instant to the second, {@code caller_number} null when unknown).</li>
 *   <li>{@code body_mode: arguments} with {@code GET}/{@code DELETE}: no body; each argument becomes a query
 *       parameter ({@link TemplateRenderer#argumentText}; nulls dropped), percent-encoded by OkHttp.</li>
 *   <li>{@code body_mode: arguments} with {@code POST}/{@code PUT}/{@code PATCH}: the arguments object as
 *       the JSON body, native types kept.</li>
 * </ul>
 * Query parameters pinned in the tool URL and the tool's templated {@code query_params} come first and win:
 * a model argument with the same name as one of them is dropped. JSON is compact UTF-8, non-ASCII kept.
 *
 * <p>Path parameters: an {@code {{args.NAME}}} segment of the tool URL ({@link UrlTemplate}) is filled with the
 * argument's text, percent-encoded as one segment; an empty value, {@code .} or {@code ..} is refused. In
 * {@code arguments} mode an argument the tool routes itself (a path segment, a header, a {@code query_params}
 * entry or the auth uses it) is not sent again as a query parameter or body field. A header or
 * {@code query_params} entry that is exactly one {@code {{args.NAME}}} is left out when that argument is missing
 * or null.
 *
 * <p>Headers, in order: {@code Content-Type: application/json; charset=utf-8} (with a body), the tool's
 * headers (templated; {@linkplain ReservedHeaders reserved} names and the auth header's name are ignored),
 * the auth header ({@code Authorization: Bearer <token>} or {@code <name>: <value>}, templated),
 * {@code X-Toolgate-Invocation-Id}, {@code X-Toolgate-Timestamp} (unix seconds), {@code Idempotency-Key}
 * ({@link IdempotencyKey}) and {@code User-Agent}. Auth headers, tool headers whose template uses
 * {@code {{secrets.*}}}, and query parameters whose template does, are marked sensitive. The values they
 * carry, and every {@code {{secrets.*}}} value filled in anywhere, travel with the request as its
 * {@link RenderedRequest#secrets()}, so they are masked in whatever is shown or stored of the request and of the
 * endpoint's answer.
 *
 * <p>Thread-safe if the {@link SecretResolver} is. Keeps the parsed form of the last {@value #PARSED_URLS} tool URLs.
 */
public final class RequestRenderer {

    /** The media type of every JSON body Toolgate sends. */
    public static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How many parsed tool URLs (skeletons) are kept: each tool's URL is parsed once, not on every call. */
    static final int PARSED_URLS = 4096;

    /** The parsed skeletons of recent tool URLs; a URL that does not parse is not kept. */
    private final Cache<String, HttpUrl> parsedUrls =
            Caffeine.newBuilder().maximumSize(PARSED_URLS).build();

    private final TemplateRenderer templates;
    private final HeaderRenderer toolHeaders;
    private final String userAgent;

    /**
     * Creates a renderer.
     *
     * @param secrets the tenant secret store for {@code {{secrets.NAME}}}
     * @param userAgent the {@code User-Agent} value, e.g. {@code Toolgate/0.1.0}
     * @throws IllegalArgumentException if {@code userAgent} is blank
     */
    public RequestRenderer(SecretResolver secrets, String userAgent) {
        this.templates = new TemplateRenderer(secrets);
        this.toolHeaders = new HeaderRenderer(templates);
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
        this.userAgent = userAgent;
    }

    /**
     * Renders one call of an {@code http_request} tool.
     *
     * @param tool the tool; its config must be an {@link HttpRequestConfig}
     * @param arguments the model's arguments, already validated against the tool's schema
     * @param call the call; must belong to the tool's tenant and agent
     * @param invocationId this invocation's id, sent as {@code X-Toolgate-Invocation-Id} and in the envelope
     * @param timestamp the invocation time; sent truncated to whole seconds
     * @return the unsigned request
     * @throws RenderException {@code HTTP_TOOL_INTERNAL} when a referenced secret is missing or a stored
     *     header is unusable; {@code HTTP_TOOL_INVALID_ARGS} when a header template would carry a control
     *     character taken from the arguments; {@code HTTP_TOOL_BLOCKED_DESTINATION} when the stored URL is
     *     not an http(s) URL
     * @throws IllegalArgumentException if the tool is not an {@code http_request} tool, or the call belongs
     *     to another tenant or agent (a caller bug)
     */
    public RenderedRequest render(
            Tool tool, ObjectNode arguments, CallContext call, String invocationId, Instant timestamp) {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(invocationId, "invocationId");
        Objects.requireNonNull(timestamp, "timestamp");
        if (!(tool.definition().config() instanceof HttpRequestConfig config)) {
            throw new IllegalArgumentException("only http_request tools are rendered, not "
                    + tool.definition().type());
        }
        if (!tool.tenantId().equals(call.tenantId()) || !tool.agentId().equals(call.agentId())) {
            throw new IllegalArgumentException("the call belongs to another tenant or agent than tool " + tool.id());
        }
        Instant second = timestamp.truncatedTo(ChronoUnit.SECONDS);
        HttpMethod method = config.effectiveMethod();

        HttpUrl base = parsedUrls.get(UrlTemplate.skeleton(config.url()), HttpUrl::parse);
        if (base == null) {
            throw new RenderException(ToolError.of(
                    ErrorCode.HTTP_TOOL_BLOCKED_DESTINATION, "the tool's URL is not a valid http or https URL"));
        }
        HttpUrl.Builder url = base.newBuilder().fragment(null);
        if (UrlTemplate.isTemplated(config.url())) {
            ArgumentRouting.fillPathSegments(url, base, arguments);
        }
        Set<String> sensitiveQuery = new HashSet<>();
        List<String> secretValues = new ArrayList<>();
        Set<String> pinned = addToolQueryParams(url, base, config, call, arguments, sensitiveQuery, secretValues);

        byte[] body = null;
        if (config.bodyMode() == BodyMode.ENVELOPE) {
            body = JSON.writeValueAsBytes(envelope(tool, arguments, call, invocationId, second));
        } else {
            ObjectNode rest = ArgumentRouting.withoutRouted(arguments, ArgumentRouting.routedArguments(config));
            if (method.sendsArgumentsAsBody()) {
                body = JSON.writeValueAsBytes(rest);
            } else {
                ArgumentRouting.addArgumentsToQuery(url, rest, pinned);
            }
        }

        Headers.Builder headers = new Headers.Builder();
        Set<String> sensitiveHeaders = new HashSet<>();
        if (body != null) {
            headers.add("Content-Type", JSON_CONTENT_TYPE);
        }
        toolHeaders.addToolAndAuthHeaders(headers, config, call, arguments, sensitiveHeaders, secretValues);
        headers.add("X-Toolgate-Invocation-Id", invocationId);
        headers.add("X-Toolgate-Timestamp", Long.toString(second.getEpochSecond()));
        headers.add("Idempotency-Key", IdempotencyKey.of(tool, call, arguments));
        headers.add("User-Agent", userAgent);

        return RenderedRequest.builder(method, url.build())
                .headers(headers.build())
                .body(body)
                .contentType(body == null ? null : JSON_CONTENT_TYPE)
                .sensitiveHeaders(sensitiveHeaders)
                .sensitiveQueryParams(sensitiveQuery)
                .secrets(SecretValues.of(secretValues))
                .build();
    }

    /** Adds the tool's templated query params; returns every pinned name (URL's and tool's). */
    private Set<String> addToolQueryParams(
            HttpUrl.Builder url,
            HttpUrl base,
            HttpRequestConfig config,
            CallContext call,
            JsonNode arguments,
            Set<String> sensitiveQuery,
            List<String> secretValues) {
        Set<String> pinned = new HashSet<>(base.queryParameterNames());
        for (KeyValue param : config.queryParams()) {
            pinned.add(param.key());
            if (ArgumentRouting.absentSoleArgument(param.value(), arguments)) {
                continue;
            }
            String value = templates.render(param.value(), call, arguments, secretValues);
            url.addQueryParameter(param.key(), value);
            if (TemplateSyntax.usesSecret(param.value())) {
                sensitiveQuery.add(param.key());
                secretValues.add(value);
            }
        }
        return pinned;
    }

    private static ObjectNode envelope(
            Tool tool, ObjectNode arguments, CallContext call, String invocationId, Instant second) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("tool", tool.name());
        envelope.set("arguments", arguments);
        if (call.callerNumber() == null) {
            envelope.putNull("caller_number");
        } else {
            envelope.put("caller_number", call.callerNumber());
        }
        envelope.put("call_id", call.callId());
        envelope.put("agent_id", call.agentId().toString());
        envelope.put("tenant_id", call.tenantId().toString());
        envelope.put("invocation_id", invocationId);
        envelope.put("timestamp", second.toString());
        return envelope;
    }
}
