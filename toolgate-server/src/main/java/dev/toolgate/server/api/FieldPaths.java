package dev.toolgate.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Names a field of a request body the way the client wrote it, for the {@code errors[].field} of a problem: Bean
 * Validation reports Java paths ({@code overlapSeconds}, {@code scopes[0]}), Jackson reports the JSON names it read
 * ({@code overlap_seconds}), a key found twice is named by where the parser stood ({@code message.tool_calls[0].id}).
 * Also says in words what type a field should have had. Stateless once built.
 */
final class FieldPaths {

    /** The start of the message of Jackson's {@code StreamReadFeature.STRICT_DUPLICATE_DETECTION} failure. */
    static final String DUPLICATE_MESSAGE = "Duplicate Object property \"";

    private final JsonMapper json;
    private final PropertyNamingStrategy naming;

    /** @param json the mapper Spring reads request bodies with; its naming strategy turns Java names into JSON ones */
    FieldPaths(JsonMapper json) {
        this.json = json;
        this.naming = json.deserializationConfig().getPropertyNamingStrategy();
    }

    /** Returns Jackson's path as {@code a.b[2].c}; empty for the body itself. */
    static String of(List<JacksonException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /**
     * Returns the JSON path of a Bean Validation property path on a body of type {@code root}: each name that is a
     * component of the record at that point becomes its JSON name; any other name (such as an unknown field the
     * client sent) is kept as written. Indexes ({@code [0]}) are kept.
     */
    String wirePath(Class<?> root, String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        Type type = root;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            String suffix = bracket < 0 ? "" : part.substring(bracket);
            RecordComponent component = component(type, name);
            out.append(out.isEmpty() ? "" : ".").append(component == null ? name : jsonName(component));
            out.append(suffix);
            type = component == null ? null : suffix.isEmpty() ? component.getGenericType() : element(component);
        }
        return out.toString();
    }

    /** Returns what a value of {@code type} must be, e.g. {@code "must be a string"}, {@code "must be one of a, b"}. */
    String mustBe(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(constant -> json.valueToTree(constant).asString())
                            .collect(Collectors.joining(", "));
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == Instant.class) {
            return "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        return "must be an object";
    }

    private String jsonName(RecordComponent component) {
        JsonProperty property = component.getAnnotation(JsonProperty.class);
        if (property != null && !property.value().isEmpty()) {
            return property.value();
        }
        return wireName(naming, component.getName());
    }

    /** Returns the JSON name {@code naming} gives the Java property {@code name}; {@code name} when there is none. */
    static String wireName(PropertyNamingStrategy naming, String name) {
        return naming == null ? name : naming.nameForField(null, null, name);
    }

    private static RecordComponent component(Type type, String name) {
        Class<?> raw = raw(type);
        if (raw == null || !raw.isRecord()) {
            return null;
        }
        return Arrays.stream(raw.getRecordComponents())
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** The element type of a list, set or map component (what {@code [i]} or {@code [key]} selects). */
    private static Type element(RecordComponent component) {
        if (component.getGenericType() instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            return Map.class.isAssignableFrom(component.getType()) ? arguments[1] : arguments[0];
        }
        return component.getType().isArray() ? component.getType().getComponentType() : null;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
    }

    /**
     * Returns the path ({@code call.id}, {@code message.tool_calls[0].id}) of the key Jackson found twice in one
     * object, or null when {@code ex} is not a duplicate-key failure.
     */
    static String duplicateKey(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException read
                    && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith(DUPLICATE_MESSAGE)) {
                JsonParser parser = read.processor();
                if (parser != null && parser.streamReadContext() != null) {
                    return LogSafe.text(path(parser.streamReadContext()));
                }
                String message = read.getOriginalMessage();
                return LogSafe.text(message.substring(DUPLICATE_MESSAGE.length(), message.length() - 1));
            }
        }
        return null;
    }

    private static String path(TokenStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.currentName() != null) {
                parts.push((c.getParent() == null || c.getParent().inRoot() ? "" : ".") + c.currentName());
            }
        }
        return String.join("", parts);
    }
}
