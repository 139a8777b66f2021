package dev.toolgate.core.tool;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Parses and checks an {@code http_request} config object (docs/request-response.md), recording every problem.
 * Defaults: {@code method} POST, {@code body_mode} envelope, {@code auth} none, {@code timeout} and
 * {@code max_response_bytes} from {@link ToolLimits}, {@code speak_during_execution} false,
 * {@code speak_after_execution} true, {@code signature_scheme} toolgate.
 */
final class HttpConfigParser {

    static final List<String> FIELDS = List.of(
            "url",
            "method",
            "headers",
            "query_params",
            "body_mode",
            "auth",
            "timeout",
            "max_response_bytes",
            "speak_during_execution",
            "speak_after_execution",
            "speak_during_message",
            "error_hint",
            "signature_scheme",
            "duplicate_window",
            "response_variables");

    /** The most headers or query parameters one tool may define. */
    static final int MAX_PAIRS = 50;

    /** The longest {@code error_hint}, in characters. */
    static final int MAX_ERROR_HINT = 500;

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    static final List<String> BODY_MODES = List.of("envelope", "arguments");
    static final List<String> SCHEMES = List.of("toolgate", "standard_webhooks");

    private final ToolLimits limits;

    HttpConfigParser(ToolLimits limits) {
        this.limits = limits;
    }

    /**
     * Returns the config, or null when {@code config} has problems (all recorded in {@code errors}, with paths
     * below {@code prefix}).
     */
    HttpRequestConfig parse(JsonNode config, String prefix, List<FieldError> errors) {
        int before = errors.size();
        FieldReader r = new FieldReader(config, prefix, errors, FIELDS, "an http_request config");
        String url = url(r);
        String method = r.optionalString("method");
        method = r.checkOneOf("method", method == null ? null : method.toUpperCase(Locale.ROOT), METHODS);
        HeadersAndAuth headersAndAuth = headers(r, AuthParser.parse(r));
        List<KeyValue> queryParams = pairs(r, "query_params", null);
        String bodyMode = r.checkOneOf("body_mode", r.optionalString("body_mode"), BODY_MODES);
        Duration timeout = timeout(r);
        Long maxBytes = maxResponseBytes(r);
        Boolean speakDuring = r.optionalBoolean("speak_during_execution");
        Boolean speakAfter = r.optionalBoolean("speak_after_execution");
        String speakMessage = r.checkMaxLength(
                "speak_during_message",
                r.optionalString("speak_during_message"),
                HttpRequestConfig.MAX_SPEAK_DURING_MESSAGE);
        String errorHint = r.checkMaxLength("error_hint", r.optionalString("error_hint"), MAX_ERROR_HINT);
        String scheme = r.checkOneOf("signature_scheme", r.optionalString("signature_scheme"), SCHEMES);
        Double duplicateWindow =
                r.optionalNumber("duplicate_window", 0, HttpRequestConfig.MAX_DUPLICATE_WINDOW.toSeconds());
        Map<String, String> responseVariables = ResponseExpressions.parse(r);
        r.rejectUnknown();
        if (errors.size() > before) {
            return null;
        }
        return HttpRequestConfig.builder(
                        url,
                        timeout == null ? limits.defaultTimeout() : timeout,
                        maxBytes == null ? limits.defaultMaxResponseBytes() : maxBytes.intValue())
                .method(method == null ? HttpMethod.POST : HttpMethod.valueOf(method))
                .headers(headersAndAuth.headers())
                .queryParams(queryParams)
                .bodyMode(bodyMode == null ? BodyMode.ENVELOPE : BodyMode.fromWireName(bodyMode))
                .auth(headersAndAuth.auth())
                .speakDuringExecution(speakDuring != null && speakDuring)
                .speakAfterExecution(speakAfter == null || speakAfter)
                .errorHint(errorHint)
                .signatureScheme(scheme == null ? SignatureScheme.TOOLGATE : SignatureScheme.fromWireName(scheme))
                .duplicateWindow(duplicateWindow == null ? null : Duration.ofMillis(Math.round(duplicateWindow * 1000)))
                .responseVariables(responseVariables)
                .speakDuringMessage(speakMessage == null || speakMessage.isBlank() ? null : speakMessage.strip())
                .build();
    }

    private static String url(FieldReader r) {
        String url = r.requiredString("url");
        if (url == null) {
            return null;
        }
        String problem = HttpFieldRules.urlProblem(url);
        if (problem != null) {
            r.error("url", problem);
            return null;
        }
        return HttpFieldRules.canonicalUrl(url);
    }

    /** The headers of a config and its auth, after an {@code Authorization} header has moved into the auth. */
    private record HeadersAndAuth(List<KeyValue> headers, Auth auth) {}

    /**
     * Parses {@code headers}. When the config has no auth, an {@code Authorization} header becomes the auth
     * ({@code Bearer X} → {@link Auth.Bearer}, any other value → {@link Auth.Header}), so that it is write-only
     * like every credential; tools written for other gateways often send their key this way.
     */
    private static HeadersAndAuth headers(FieldReader r, Auth auth) {
        List<KeyValue> headers = pairs(r, "headers", auth == null ? new Auth.None() : auth);
        if (!(auth instanceof Auth.None)) {
            return new HeadersAndAuth(headers, auth);
        }
        List<KeyValue> rest = new ArrayList<>();
        Auth result = auth;
        for (KeyValue header : headers) {
            if (header.key().equalsIgnoreCase("authorization")) {
                result = HttpFieldRules.authorizationToAuth(header.key(), header.value());
            } else {
                rest.add(header);
            }
        }
        return new HeadersAndAuth(rest, result);
    }

    /**
     * Parses a {@code [{key, value}]} list. Header lists ({@code auth} non-null) check names against
     * RFC 9110 and the reserved set, refuse repeated names and names the auth already sends; an
     * {@code Authorization} value must also pass {@link HttpFieldRules#authorizationProblems}.
     */
    private static List<KeyValue> pairs(FieldReader r, String field, Auth auth) {
        JsonNode array = r.node(field);
        if (array == null) {
            return List.of();
        }
        if (!array.isArray()) {
            r.error(field, "must be an array of {\"key\": ..., \"value\": ...} objects");
            return List.of();
        }
        if (array.size() > MAX_PAIRS) {
            r.error(field, "must have at most " + MAX_PAIRS + " entries");
            return List.of();
        }
        boolean headers = auth != null;
        Set<String> seen = new HashSet<>();
        List<KeyValue> result = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = r.path(field) + "[" + i + "]";
            JsonNode element = array.get(i);
            if (!element.isObject()) {
                r.errors().add(new FieldError(path, "must be an object {\"key\": ..., \"value\": ...}"));
                continue;
            }
            FieldReader pair = new FieldReader(element, path, r.errors(), List.of("key", "value"), "a key/value pair");
            String key = pair.requiredString("key");
            String value = pair.requiredString("value");
            key = headers ? headerKey(pair, key, auth, seen) : queryKey(pair, key);
            if (value != null) {
                boolean credential = headers && key != null && key.equalsIgnoreCase("authorization");
                List<String> problems = !headers
                        ? TemplateSyntax.problems(value)
                        : credential
                                ? HttpFieldRules.authorizationProblems(value)
                                : HttpFieldRules.headerValueProblems(value);
                problems.forEach(problem -> pair.error("value", problem));
                value = problems.isEmpty() ? value : null;
            }
            pair.rejectUnknown();
            if (key != null && value != null) {
                result.add(new KeyValue(key, value));
            }
        }
        return result;
    }

    private static String headerKey(FieldReader pair, String key, Auth auth, Set<String> seen) {
        if (key == null) {
            return null;
        }
        String problem = HttpFieldRules.headerNameProblem(key);
        String lower = key.toLowerCase(Locale.ROOT);
        if (problem == null && seen.contains(lower)) {
            problem = "repeats an earlier header " + key + " (header names are case-insensitive)";
        }
        if (problem == null && auth instanceof Auth.Bearer && lower.equals("authorization")) {
            problem = "conflicts with auth: bearer auth already sends Authorization";
        }
        if (problem == null
                && auth instanceof Auth.Header header
                && header.headerName().equalsIgnoreCase(key)) {
            problem = "conflicts with auth: header auth already sends " + header.headerName();
        }
        seen.add(lower);
        if (problem != null) {
            pair.error("key", problem);
            return null;
        }
        return key;
    }

    private static String queryKey(FieldReader pair, String key) {
        if (key != null && key.isBlank()) {
            pair.error("key", "must not be blank");
            return null;
        }
        return key;
    }

    private Duration timeout(FieldReader r) {
        JsonNode value = r.node("timeout");
        if (value == null) {
            return null;
        }
        String max = limits.maxTimeoutSecondsText();
        if (!value.isNumber()) {
            r.error("timeout", "must be a number of seconds, at most " + max + " (the deployment budget)");
            return null;
        }
        BigDecimal seconds = value.decimalValue();
        if (seconds.signum() <= 0) {
            r.error("timeout", "must be greater than 0 seconds");
            return null;
        }
        BigDecimal millis = seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP);
        if (millis.compareTo(BigDecimal.valueOf(limits.maxTimeout().toMillis())) > 0) {
            r.error("timeout", "must be at most " + max + " seconds (the deployment budget)");
            return null;
        }
        if (millis.signum() == 0) {
            r.error("timeout", "must be at least 0.001 seconds");
            return null;
        }
        return Duration.ofMillis(millis.longValueExact());
    }

    private Long maxResponseBytes(FieldReader r) {
        JsonNode value = r.node("max_response_bytes");
        if (value == null) {
            return null;
        }
        int cap = limits.maxResponseBytes();
        if (!value.isNumber()
                || !value.canConvertToExactIntegral()
                || !value.canConvertToLong()
                || value.longValue() < 1
                || value.longValue() > cap) {
            r.error(
                    "max_response_bytes",
                    "must be a whole number between 1 and " + cap + " (the deployment cap, in bytes)");
            return null;
        }
        return value.longValue();
    }
}
