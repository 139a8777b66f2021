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

    /** A config without a message to say while waiting. */
    public HttpRequestConfig(
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
            Map<String, String> responseVariables) {
        this(
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
                null);
    }

    /** A config without response variables. */
    public HttpRequestConfig(
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
            Duration duplicateWindow) {
        this(
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
                Map.of(),
                null);
    }

    /** A config with the deployment's default duplicate window and no response variables. */
    public HttpRequestConfig(
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
            SignatureScheme signatureScheme) {
        this(
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
                null,
                Map.of(),
                null);
    }

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
                variables,
                speakDuringMessage);
    }

    /** Returns the method actually sent: {@code POST} in envelope mode, else {@link #method()}. */
    public HttpMethod effectiveMethod() {
        return bodyMode == BodyMode.ENVELOPE ? HttpMethod.POST : method;
    }

    @Override
    public ToolType type() {
        return ToolType.HTTP_REQUEST;
    }
}
