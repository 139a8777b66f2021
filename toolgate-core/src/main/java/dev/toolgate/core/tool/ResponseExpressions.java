package dev.toolgate.core.tool;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * The rules of an {@code http_request} tool's {@code response_variables}: an object mapping a call-variable
 * name to an expression that picks a value out of the endpoint's JSON answer.
 *
 * <ul>
 *   <li>An expression that is empty or starts with {@code /} is a JSON Pointer (RFC 6901): {@code ~} must be
 *       followed by {@code 0} or {@code 1}.</li>
 *   <li>One that starts with {@code $} is a JSONPath, compiled with Jayway JsonPath (close to RFC 9535; its
 *       dialect is described in docs/voice-runtime.md). The regular-expression filter {@code =~} is refused:
 *       it runs {@code java.util.regex}, whose backtracking a hostile pattern can make slow.</li>
 *   <li>Anything else is refused. An expression is at most {@value #MAX_EXPRESSION} characters.</li>
 *   <li>At most {@value #MAX_VARIABLES} variables per tool; names follow the call-variable rule
 *       {@code ^[a-zA-Z_][a-zA-Z0-9_]{0,63}$}.</li>
 * </ul>
 */
public final class ResponseExpressions {

    /** The most response variables of one tool. */
    public static final int MAX_VARIABLES = 20;

    /** The longest expression, in characters. */
    public static final int MAX_EXPRESSION = 500;

    private ResponseExpressions() {}

    /** Returns whether {@code expression} is a JSON Pointer (empty or starting with {@code /}). */
    public static boolean isPointer(String expression) {
        return expression.isEmpty() || expression.charAt(0) == '/';
    }

    /** Returns whether {@code expression} is a JSONPath (starting with {@code $}). */
    public static boolean isJsonPath(String expression) {
        return !expression.isEmpty() && expression.charAt(0) == '$';
    }

    /**
     * Checks one expression.
     *
     * @param expression the expression; null is a problem
     * @return null when it is usable, else what is wrong
     */
    public static String problem(String expression) {
        if (expression == null) {
            return "must be a string";
        }
        if (expression.length() > MAX_EXPRESSION) {
            return "must be at most " + MAX_EXPRESSION + " characters";
        }
        if (isPointer(expression)) {
            for (int i = 0; i < expression.length(); i++) {
                if (expression.charAt(i) == '~'
                        && (i + 1 == expression.length()
                                || (expression.charAt(i + 1) != '0' && expression.charAt(i + 1) != '1'))) {
                    return "is not a valid JSON Pointer (RFC 6901): ~ must be followed by 0 or 1";
                }
            }
            JsonPointer.compile(expression);
            return null;
        }
        if (isJsonPath(expression)) {
            if (expression.contains("=~")) {
                return "must not use the regular-expression filter =~";
            }
            try {
                JsonPath.compile(expression);
                return null;
            } catch (InvalidPathException | IllegalArgumentException e) {
                return "is not a valid JSONPath: " + e.getMessage();
            }
        }
        return "must be a JSON Pointer (starting with /) or a JSONPath (starting with $)";
    }

    /** Reads {@code response_variables} of an http_request config; records problems at {@code config.response_variables.NAME}. */
    static Map<String, String> parse(FieldReader r) {
        JsonNode object = r.node("response_variables");
        if (object == null) {
            return Map.of();
        }
        if (!object.isObject()) {
            r.error("response_variables", "must be an object mapping variable names to JSON Pointers or JSONPaths");
            return Map.of();
        }
        if (object.size() > MAX_VARIABLES) {
            r.error("response_variables", "must have at most " + MAX_VARIABLES + " entries");
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : List.copyOf(object.propertyNames())) {
            String field = "response_variables." + name;
            JsonNode value = object.get(name);
            if (!ActionConfigParsers.VARIABLE_NAME.matcher(name).matches()) {
                r.error(field, "is not a variable name: must match " + ActionConfigParsers.VARIABLE_NAME.pattern());
                continue;
            }
            String problem = value.isString() ? problem(value.stringValue()) : "must be a string";
            if (problem != null) {
                r.error(field, problem);
                continue;
            }
            result.put(name, value.stringValue());
        }
        return result;
    }
}
