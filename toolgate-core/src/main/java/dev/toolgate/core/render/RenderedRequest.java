package dev.toolgate.core.render;

import dev.toolgate.core.tool.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * The exact request that goes to a tenant endpoint: method, URL, headers and body bytes. The body bytes
 * are the bytes signed and the bytes sent.
 *
 * @param method the HTTP method
 * @param url the full URL, query included, as OkHttp will send it
 * @param headers every header Toolgate sets (auth, tool headers, {@code X-Toolgate-*}, signature, ...)
 * @param body the body bytes, or null for a request without a body
 * @param contentType the body's media type (e.g. {@code application/json; charset=utf-8}), or null without a body
 * @param sensitiveHeaders lower-case names of headers whose values are secret (auth, templated secrets, signatures)
 * @param sensitiveQueryParams names of query parameters whose values are secret
 */
public record RenderedRequest(
        HttpMethod method,
        HttpUrl url,
        Headers headers,
        byte[] body,
        String contentType,
        Set<String> sensitiveHeaders,
        Set<String> sensitiveQueryParams) {

    /** What masked values are replaced with. */
    public static final String MASK = "***";

    public RenderedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(headers, "headers");
        sensitiveHeaders = sensitiveHeaders == null
                ? Set.of()
                : sensitiveHeaders.stream()
                        .map(h -> h.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
        sensitiveQueryParams = Set.copyOf(sensitiveQueryParams == null ? Set.of() : sensitiveQueryParams);
    }

    /**
     * Returns the request target {@code <path>[?<query>]} exactly as sent on the request line (RFC 9112 §3.2,
     * origin-form), used for the bodyless signed content {@code <ts>.<METHOD> <target>}.
     */
    public String target() {
        String query = url.encodedQuery();
        return query == null ? url.encodedPath() : url.encodedPath() + "?" + query;
    }

    /** Returns a copy with {@code extra} headers added after the existing ones. */
    public RenderedRequest withAddedHeaders(Headers extra, Set<String> extraSensitive) {
        Set<String> sensitive = new java.util.HashSet<>(sensitiveHeaders);
        sensitive.addAll(extraSensitive);
        return new RenderedRequest(
                method,
                url,
                headers.newBuilder().addAll(extra).build(),
                body,
                contentType,
                sensitive,
                sensitiveQueryParams);
    }

    /** Returns the URL with every sensitive query value replaced by {@value #MASK}. */
    public String maskedUrl() {
        if (sensitiveQueryParams.isEmpty() || url.querySize() == 0) {
            return url.toString();
        }
        HttpUrl.Builder builder = url.newBuilder().query(null);
        for (int i = 0; i < url.querySize(); i++) {
            String name = url.queryParameterName(i);
            String value = url.queryParameterValue(i);
            builder.addQueryParameter(name, sensitiveQueryParams.contains(name) && value != null ? MASK : value);
        }
        return builder.build().toString();
    }

    /** Returns the headers in order, sensitive values replaced by {@value #MASK}; repeated names are joined by ", ". */
    public Map<String, String> maskedHeaders() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String value = sensitiveHeaders.contains(name.toLowerCase(Locale.ROOT)) ? MASK : headers.value(i);
            out.merge(name, value, (a, b) -> a + ", " + b);
        }
        return out;
    }

    /** Returns the body as UTF-8 text (bodies are JSON), or null without a body. */
    public String bodyText() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    /** Returns a short description without header values, safe for logs. */
    @Override
    public String toString() {
        return "RenderedRequest[" + method + " " + maskedUrl() + ", headers=" + List.copyOf(headers.names())
                + ", bodyBytes=" + (body == null ? 0 : body.length) + "]";
    }
}
