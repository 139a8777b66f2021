package dev.toolgate.core.tool;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of an {@code http_request} tool (docs/request-response.md).
 *
 * @param url the endpoint, an absolute {@code https} URL; may pin query parameters that win over the model's
 * @param method the HTTP method; {@link BodyMode#ENVELOPE} always sends {@code POST}
 * @param headers extra request headers, values possibly templated; never null
 * @param queryParams extra query parameters, values possibly templated; never null
 * @param bodyMode how the arguments travel
 * @param auth bearer, custom header or none; never null
 * @param timeout the tool's total budget (DNS + connect + TLS + request + response), at most the deployment budget
 * @param maxResponseBytes how many decoded body bytes are read, at most the deployment cap
 * @param speakDuringExecution whether the agent speaks while waiting (passed to the voice runtime)
 * @param speakAfterExecution whether the agent speaks the result (passed to the voice runtime)
 * @param errorHint the hint the model gets on any failure of this tool, or null for the per-code default
 * @param signatureScheme how requests are signed
 * @param duplicateWindow how long a result is reused when the same call repeats this tool with the same arguments
 *     ({@link Duration#ZERO} disables it), or null for the deployment default
 * @param responseVariables call variables taken from the endpoint's JSON answer: variable name → JSON Pointer
 *     (RFC 6901, starts with {@code /} or is empty) or JSONPath (starts with {@code $}), in the order given;
 *     never null (see {@link ResponseExpressions} and docs/voice-runtime.md)
 * @param speakDuringMessage what the agent says while waiting when {@code speakDuringExecution} (at most
 *     {@value #MAX_SPEAK_DURING_MESSAGE} characters), or null for a filler of the runtime's choosing
 */
public record HttpRequestConfig(
        String url,
        HttpMethod method,
        List<KeyValue> headers,
        List<KeyValue> queryParams,
        BodyMode bodyMode,
        Auth auth,
        Duration timeout,
        int maxResponseBytes,
        boolean speakDuringExecution,
        boolean speakAfterExecution,
        String errorHint,
        SignatureScheme signatureScheme,
        Duration duplicateWindow,
        Map<String, String> responseVariables,
        String speakDuringMessage)
        implements ToolConfig {

    /** The longest {@code speak_during_message}, in characters. */
    public static final int MAX_SPEAK_DURING_MESSAGE = 500;

    /** The longest {@code duplicate_window} in seconds: 300 (5 minutes), a constant for annotations. */
    public static final int MAX_DUPLICATE_WINDOW_SECONDS = 300;

    /** The longest {@code duplicate_window}: {@link #MAX_DUPLICATE_WINDOW_SECONDS}. */
    public static final Duration MAX_DUPLICATE_WINDOW = Duration.ofSeconds(MAX_DUPLICATE_WINDOW_SECONDS);

    public HttpRequestConfig {
        if (duplicateWindow != null
                && (duplicateWindow.isNegative() || duplicateWindow.compareTo(MAX_DUPLICATE_WINDOW) > 0)) {
            throw new IllegalArgumentException("duplicateWindow must be between 0 and 5 minutes: " + duplicateWindow);
        }
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        headers = List.copyOf(headers == null ? List.of() : headers);
        queryParams = List.copyOf(queryParams == null ? List.of() : queryParams);
        Objects.requireNonNull(bodyMode, "bodyMode");
        auth = auth == null ? new Auth.None() : auth;
        Objects.requireNonNull(timeout, "timeout");
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive: " + maxResponseBytes);
        }
        signatureScheme = signatureScheme == null ? SignatureScheme.TOOLGATE : signatureScheme;
        responseVariables = responseVariables == null || responseVariables.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(responseVariables));
    }

    /** Returns a copy of this config with other {@link #responseVariables()}. */
    public HttpRequestConfig withResponseVariables(Map<String, String> variables) {
        return toBuilder().responseVariables(variables).build();
    }

    /** Returns a builder that starts from this config's components. */
    public Builder toBuilder() {
        return builder(url, timeout, maxResponseBytes)
                .method(method)
                .headers(headers)
                .queryParams(queryParams)
                .bodyMode(bodyMode)
                .auth(auth)
                .speakDuringExecution(speakDuringExecution)
                .speakAfterExecution(speakAfterExecution)
                .errorHint(errorHint)
                .signatureScheme(signatureScheme)
                .duplicateWindow(duplicateWindow)
                .responseVariables(responseVariables)
                .speakDuringMessage(speakDuringMessage);
    }

    /** Returns the method actually sent: {@code POST} in envelope mode, else {@link #method()}. */
    public HttpMethod effectiveMethod() {
        return bodyMode == BodyMode.ENVELOPE ? HttpMethod.POST : method;
    }

    @Override
    public ToolType type() {
        return ToolType.HTTP_REQUEST;
    }

    /**
     * Returns a builder of an {@code HttpRequestConfig} with {@code url}, {@code timeout}, {@code maxResponseBytes};
     * every other component starts at the default its setter names.
     */
    public static Builder builder(String url, Duration timeout, int maxResponseBytes) {
        return new Builder(url, timeout, maxResponseBytes);
    }

    /** Builds an {@link HttpRequestConfig} one component at a time. Not thread-safe. */
    public static final class Builder {
        private final String url;
        private final Duration timeout;
        private final int maxResponseBytes;
        private HttpMethod method = HttpMethod.POST;
        private List<KeyValue> headers = List.of();
        private List<KeyValue> queryParams = List.of();
        private BodyMode bodyMode = BodyMode.ENVELOPE;
        private Auth auth = new Auth.None();
        private boolean speakDuringExecution;
        private boolean speakAfterExecution = true;
        private String errorHint;
        private SignatureScheme signatureScheme = SignatureScheme.TOOLGATE;
        private Duration duplicateWindow;
        private Map<String, String> responseVariables = Map.of();
        private String speakDuringMessage;

        private Builder(String url, Duration timeout, int maxResponseBytes) {
            this.url = url;
            this.timeout = timeout;
            this.maxResponseBytes = maxResponseBytes;
        }

        /** Sets {@link HttpRequestConfig#method()} (default {@code POST}); returns this builder. */
        public Builder method(HttpMethod method) {
            this.method = method;
            return this;
        }

        /** Sets {@link HttpRequestConfig#headers()} (default none); returns this builder. */
        public Builder headers(List<KeyValue> headers) {
            this.headers = headers;
            return this;
        }

        /** Sets {@link HttpRequestConfig#queryParams()} (default none); returns this builder. */
        public Builder queryParams(List<KeyValue> queryParams) {
            this.queryParams = queryParams;
            return this;
        }

        /** Sets {@link HttpRequestConfig#bodyMode()} (default {@link BodyMode#ENVELOPE}); returns this builder. */
        public Builder bodyMode(BodyMode bodyMode) {
            this.bodyMode = bodyMode;
            return this;
        }

        /** Sets {@link HttpRequestConfig#auth()} (default none); returns this builder. */
        public Builder auth(Auth auth) {
            this.auth = auth;
            return this;
        }

        /** Sets {@link HttpRequestConfig#speakDuringExecution()} (default false); returns this builder. */
        public Builder speakDuringExecution(boolean speakDuringExecution) {
            this.speakDuringExecution = speakDuringExecution;
            return this;
        }

        /** Sets {@link HttpRequestConfig#speakAfterExecution()} (default true); returns this builder. */
        public Builder speakAfterExecution(boolean speakAfterExecution) {
            this.speakAfterExecution = speakAfterExecution;
            return this;
        }

        /** Sets {@link HttpRequestConfig#errorHint()} (default null: the per-code hint); returns this builder. */
        public Builder errorHint(String errorHint) {
            this.errorHint = errorHint;
            return this;
        }

        /** Sets {@link HttpRequestConfig#signatureScheme()} (default {@code toolgate}); returns this builder. */
        public Builder signatureScheme(SignatureScheme signatureScheme) {
            this.signatureScheme = signatureScheme;
            return this;
        }

        /** Sets {@link HttpRequestConfig#duplicateWindow()} (default null: the deployment's); returns this builder. */
        public Builder duplicateWindow(Duration duplicateWindow) {
            this.duplicateWindow = duplicateWindow;
            return this;
        }

        /** Sets {@link HttpRequestConfig#responseVariables()} (default none); returns this builder. */
        public Builder responseVariables(Map<String, String> responseVariables) {
            this.responseVariables = responseVariables;
            return this;
        }

        /**
         * Sets {@link HttpRequestConfig#speakDuringMessage()} (default null: a filler of the runtime's choosing);
         * returns this builder.
         */
        public Builder speakDuringMessage(String speakDuringMessage) {
            this.speakDuringMessage = speakDuringMessage;
            return this;
        }

        /**
         * Returns the {@code HttpRequestConfig}.
         *
         * @throws IllegalArgumentException when {@code maxResponseBytes} is not positive or the duplicate window is
         *     outside 0 to 5 minutes
         */
        public HttpRequestConfig build() {
            return new HttpRequestConfig(
                    url,
                    method,
                    headers,
                    queryParams,
                    bodyMode,
                    auth,
                    timeout,
                    maxResponseBytes,
                    speakDuringExecution,
                    speakAfterExecution,
                    errorHint,
                    signatureScheme,
                    duplicateWindow,
                    responseVariables,
                    speakDuringMessage);
        }
    }
}
