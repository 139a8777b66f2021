package dev.toolgate.server.console;

import dev.toolgate.core.tool.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A form's field errors (the API's, by path: {@code name}, {@code config.url}, {@code parameters.properties.city.type})
 * and lint hints, grouped by the form field that shows them: the path's first segment when the form has that field,
 * else the form's general list. Thymeleaf reads {@link #of(String)} and {@link #other()}.
 */
public final class FormErrors {

    private final Map<String, List<FieldError>> byField = new LinkedHashMap<>();
    private final List<FieldError> other = new ArrayList<>();

    /**
     * @param errors the errors, in the order the API gave them
     * @param fields the form's fields, by their API names
     */
    FormErrors(List<FieldError> errors, Set<String> fields) {
        for (FieldError error : errors) {
            String head = error.field().split("[.\\[]", 2)[0];
            if (fields.contains(head)) {
                byField.computeIfAbsent(head, k -> new ArrayList<>()).add(error);
            } else {
                other.add(error);
            }
        }
    }

    /** No errors. */
    static FormErrors none() {
        return new FormErrors(List.of(), Set.of());
    }

    /** Returns the errors the form shows beside {@code field}. */
    public List<FieldError> of(String field) {
        return byField.getOrDefault(field, List.of());
    }

    /** Returns whether {@code field} has an error. */
    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** Returns the errors of paths the form has no field for. */
    public List<FieldError> other() {
        return other;
    }

    /** Returns whether there is any error at all. */
    public boolean any() {
        return !byField.isEmpty() || !other.isEmpty();
    }
}
