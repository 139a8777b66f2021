package dev.toolgate.core.render;

import dev.toolgate.core.tool.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
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
 * <p>What is shown of it ({@link #maskedUrl}, {@link #maskedHeaders}, {@link #maskedBody}, {@link #toString})
 * has sensitive headers and query values replaced by {@value #MASK}, and every other occurrence of a value in
 * {@link #secrets} masked too. The raw accessors ({@link #url}, {@link #headers}, {@link #body},
 * {@link #bodyText}) are for sending and signing only.
 *
 * @param method the HTTP method
 * @param url the full URL, query included, as OkHttp will send it
 * @param headers every header Toolgate sets (auth, tool headers, {@code X-Toolgate-*}, signature, ...)
 * @param body the body bytes, or null for a request without a body
 * @param contentType the body's media type (e.g. {@code application/json; charset=utf-8}), or null without a body
 * @param sensitiveHeaders lower-case names of headers whose values are secret (auth, templated secrets, signatures)
 * @param sensitiveQueryParams names of query parameters whose values are secret
 * @param secrets the secret values Toolgate put into this request, to mask in anything shown or stored
 *     (the request as shown, and the endpoint's answer); never null
 */
public record RenderedRequest(
        HttpMethod method,
        HttpUrl url,
        Headers headers,
        byte[] body,
        String contentType,
        Set<String> sensitiveHeaders,
        Set<String> sensitiveQueryParams,
        SecretValues secrets) {

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
        secrets = secrets == null ? SecretValues.NONE : secrets;
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
        return withAddedHeaders(extra, extraSensitive, List.of());
    }

    /**
     * Returns a copy with {@code extra} headers added after the existing ones.
     *
     * @param extra the headers to add
     * @param extraSensitive names among them whose values are shown as {@value #MASK}
     * @param extraSecrets further secret values to mask wherever this request or its answer is shown
     */
    public RenderedRequest withAddedHeaders(
            Headers extra, Set<String> extraSensitive, Collection<String> extraSecrets) {
        Set<String> sensitive = new java.util.HashSet<>(sensitiveHeaders);
        sensitive.addAll(extraSensitive);
        return new RenderedRequest(
                method,
                url,
                headers.newBuilder().addAll(extra).build(),
                body,
                contentType,
                sensitive,
                sensitiveQueryParams,
                secrets.plus(extraSecrets));
    }

    /**
     * Returns the URL with every sensitive query value replaced by {@value #MASK}, and any other occurrence of a
     * secret value masked.
     */
    public String maskedUrl() {
        if (sensitiveQueryParams.isEmpty() || url.querySize() == 0) {
            return secrets.mask(url.toString());
        }
        HttpUrl.Builder builder = url.newBuilder().query(null);
        for (int i = 0; i < url.querySize(); i++) {
            String name = url.queryParameterName(i);
            String value = url.queryParameterValue(i);
            builder.addQueryParameter(name, sensitiveQueryParams.contains(name) && value != null ? MASK : value);
        }
        return secrets.mask(builder.build().toString());
    }

    /**
     * Returns the headers in order, sensitive values replaced by {@value #MASK} and secret values inside the others
     * masked; repeated names are joined by ", ".
     */
    public Map<String, String> maskedHeaders() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String value =
                    sensitiveHeaders.contains(name.toLowerCase(Locale.ROOT)) ? MASK : secrets.mask(headers.value(i));
            out.merge(name, value, (a, b) -> a + ", " + b);
        }
        return out;
    }

    /** Returns the body as UTF-8 text (bodies are JSON), or null without a body; raw, for signing and tests. */
    public String bodyText() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    /** Returns the body as UTF-8 text with every secret value masked, or null without a body; for showing. */
    public String maskedBody() {
        return secrets.mask(bodyText());
    }

    /** Returns a short description without header values, safe for logs. */
    @Override
    public String toString() {
        return "RenderedRequest[" + method + " " + maskedUrl() + ", headers=" + List.copyOf(headers.names())
                + ", bodyBytes=" + (body == null ? 0 : body.length) + "]";
    }

    /**
     * Returns a builder of a {@code RenderedRequest} with {@code method}, {@code url}; every other component starts at
     * the default its setter names.
     */
    public static Builder builder(HttpMethod method, HttpUrl url) {
        return new Builder(method, url);
    }

    /** Builds a {@link RenderedRequest} one component at a time. Not thread-safe. */
    public static final class Builder {
        private final HttpMethod method;
        private final HttpUrl url;
        private Headers headers = Headers.of();
        private byte[] body;
        private String contentType;
        private Set<String> sensitiveHeaders = Set.of();
        private Set<String> sensitiveQueryParams = Set.of();
        private SecretValues secrets = SecretValues.NONE;

        private Builder(HttpMethod method, HttpUrl url) {
            this.method = method;
            this.url = url;
        }

        /** Sets {@link RenderedRequest#headers()} (default none); returns this builder. */
        public Builder headers(Headers headers) {
            this.headers = headers;
            return this;
        }

        /** Sets {@link RenderedRequest#body()} (default null: no body); returns this builder. */
        public Builder body(byte[] body) {
            this.body = body;
            return this;
        }

        /** Sets {@link RenderedRequest#contentType()} (default null); returns this builder. */
        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        /** Sets {@link RenderedRequest#sensitiveHeaders()} (default none); returns this builder. */
        public Builder sensitiveHeaders(Set<String> sensitiveHeaders) {
            this.sensitiveHeaders = sensitiveHeaders;
            return this;
        }

        /** Sets {@link RenderedRequest#sensitiveQueryParams()} (default none); returns this builder. */
        public Builder sensitiveQueryParams(Set<String> sensitiveQueryParams) {
            this.sensitiveQueryParams = sensitiveQueryParams;
            return this;
        }

        /** Sets {@link RenderedRequest#secrets()} (default {@link SecretValues#NONE}); returns this builder. */
        public Builder secrets(SecretValues secrets) {
            this.secrets = secrets;
            return this;
        }

        /**
         * Returns the {@code RenderedRequest}.
         *
         * @throws NullPointerException when {@code method} or {@code url} is null
         */
        public RenderedRequest build() {
            return new RenderedRequest(
                    method, url, headers, body, contentType, sensitiveHeaders, sensitiveQueryParams, secrets);
        }
    }
}
