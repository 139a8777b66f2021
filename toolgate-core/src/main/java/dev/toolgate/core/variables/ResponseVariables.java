package dev.toolgate.core.variables;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.spi.json.JsonSmartJsonProvider;
import com.jayway.jsonpath.spi.mapper.JsonSmartMappingProvider;
import dev.toolgate.core.tool.ResponseExpressions;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Picks an {@code http_request} tool's {@code response_variables} out of its endpoint's answer.
 *
 * <p>The body is parsed once with Jackson (decimals kept exactly as written, e.g. {@code 10.50}). A JSON
 * Pointer is applied to that tree; a JSONPath is evaluated by Jayway JsonPath over the same tree as plain
 * maps and lists. A result becomes a string: a JSON string as its text, a number or boolean as written, an
 * object or array (also the list of matches of an indefinite path such as {@code $..id}) as compact JSON.
 * No variable is set for a missing value, a JSON {@code null}, an empty match list or a value longer than
 * {@value CallVariables#MAX_VALUE_LENGTH} characters; {@link Result#problems()} says why.
 *
 * <p>Thread-safe; all methods are static.
 */
public final class ResponseVariables {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final Configuration JSON_PATH = Configuration.builder()
            .jsonProvider(new JsonSmartJsonProvider())
            .mappingProvider(new JsonSmartMappingProvider())
            .build();

    private ResponseVariables() {}

    /**
     * What was extracted.
     *
     * @param values variable name → value, in the order of the spec
     * @param problems variable name → why it was not set (e.g. {@code not found in the answer})
     */
    public record Result(Map<String, String> values, Map<String, String> problems) {
        public Result {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
        }
    }

    /**
     * Extracts the variables.
     *
     * @param spec variable name → expression, as checked by {@link ResponseExpressions#problem}
     * @param body the endpoint's answer as text; null or non-JSON sets nothing
     * @return the values found and the problems of the rest
     */
    public static Result extract(Map<String, String> spec, String body) {
        Objects.requireNonNull(spec, "spec");
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        if (spec.isEmpty()) {
            return new Result(values, problems);
        }
        JsonNode tree;
        try {
            tree = body == null ? null : MAPPER.readTree(body);
        } catch (JacksonException e) {
            tree = null;
        }
        if (tree == null || tree.isMissingNode()) {
            spec.keySet().forEach(name -> problems.put(name, "the answer is not JSON"));
            return new Result(values, problems);
        }
        Object plain = null;
        for (Map.Entry<String, String> entry : spec.entrySet()) {
            String expression = entry.getValue();
            JsonNode found;
            if (ResponseExpressions.isPointer(expression)) {
                found = tree.at(JsonPointer.compile(expression));
            } else {
                if (plain == null) {
                    plain = MAPPER.convertValue(tree, Object.class);
                }
                found = evaluate(expression, plain);
            }
            String problem = problem(found);
            if (problem == null) {
                String text = text(found);
                if (text.length() > CallVariables.MAX_VALUE_LENGTH) {
                    problems.put(
                            entry.getKey(),
                            "the value is longer than " + CallVariables.MAX_VALUE_LENGTH + " characters");
                } else {
                    values.put(entry.getKey(), text);
                }
            } else {
                problems.put(entry.getKey(), problem);
            }
        }
        return new Result(values, problems);
    }

    private static JsonNode evaluate(String expression, Object document) {
        try {
            Object result = JsonPath.using(JSON_PATH).parse(document).read(expression);
            if (result instanceof Collection<?> matches && matches.isEmpty() && !JsonPath.isPathDefinite(expression)) {
                return null;
            }
            return MAPPER.valueToTree(result);
        } catch (RuntimeException e) {
            // JsonPathException (PathNotFoundException and friends), or Jayway tripping over data of an
            // unexpected shape: the answer then simply has no such value.
            return null;
        }
    }

    private static String problem(JsonNode found) {
        if (found == null || found.isMissingNode()) {
            return "not found in the answer";
        }
        if (found.isNull()) {
            return "is null in the answer";
        }
        return null;
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asString() : MAPPER.writeValueAsString(value);
    }
}
