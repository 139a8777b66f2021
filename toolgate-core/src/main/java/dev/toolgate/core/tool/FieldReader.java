package dev.toolgate.core.tool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of one submitted JSON object, type-checking each and recording a {@link FieldError} for
 * every problem instead of stopping at the first. A JSON {@code null} counts as absent. Each getter returns
 * null when the field is absent or wrong, so callers fall back to a default or skip dependent checks.
 * Fields outside the known set that were not {@link #claim claimed} are reported by {@link #rejectUnknown()}.
 */
final class FieldReader {

    private final JsonNode object;
    private final String prefix;
    private final List<FieldError> errors;
    private final Set<String> known;
    private final String what;
    private final Set<String> read = new HashSet<>();

    /**
     * @param object the JSON object to read; must be an object node
     * @param prefix the path of {@code object} in the submission, e.g. {@code config}; empty for the top level
     * @param errors where problems are appended
     * @param known the field names this object may hold, for {@link #rejectUnknown()}
     * @param what how error messages name this object, e.g. {@code "http_request config"}
     */
    FieldReader(JsonNode object, String prefix, List<FieldError> errors, Collection<String> known, String what) {
        this.object = object;
        this.prefix = prefix;
        this.errors = errors;
        this.known = new LinkedHashSet<>(known);
        this.what = what;
    }

    /** Returns the path of {@code child} below {@code parent}: {@code parent.child}, or {@code child} at the top. */
    static String join(String parent, String child) {
        return parent.isEmpty() ? child : parent + "." + child;
    }

    /** Returns the path of field {@code name} of this object. */
    String path(String name) {
        return join(prefix, name);
    }

    /** Returns the list problems are appended to (shared with nested readers). */
    List<FieldError> errors() {
        return errors;
    }

    /** Records a problem with field {@code name}. */
    void error(String name, String message) {
        errors.add(new FieldError(path(name), message));
    }

    /** Marks {@code name} as handled by the caller, so {@link #rejectUnknown()} leaves it alone. */
    void claim(String name) {
        read.add(name);
    }

    /** Returns whether the object has the field at all, even as JSON {@code null}; marks it as read. */
    boolean has(String name) {
        read.add(name);
        return object.has(name);
    }

    /** Returns whether the field is present and not JSON {@code null}; marks it as read. */
    boolean present(String name) {
        read.add(name);
        JsonNode value = object.get(name);
        return value != null && !value.isNull();
    }

    /** Returns the raw value, or null when absent or JSON {@code null}; marks it as read. */
    JsonNode node(String name) {
        return present(name) ? object.get(name) : null;
    }

    /** Returns the string value; records "is required" when absent and "must be a string" when not a string. */
    String requiredString(String name) {
        if (!present(name)) {
            error(name, "is required");
            return null;
        }
        return optionalString(name);
    }

    /** Returns the string value or null when absent; records "must be a string" when it is another type. */
    String optionalString(String name) {
        JsonNode value = node(name);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            error(name, "must be a string");
            return null;
        }
        return value.stringValue();
    }

    /** Returns the boolean value or null when absent; records "must be true or false" for any other type. */
    Boolean optionalBoolean(String name) {
        JsonNode value = node(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            error(name, "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    /**
     * Returns the integer value or null when absent; records an error when it is not a whole number in
     * {@code min..max} (a whole-valued decimal such as {@code 5.0} is accepted).
     */
    Long optionalInteger(String name, long min, long max) {
        JsonNode value = node(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            error(name, "must be a whole number between " + min + " and " + max);
            return null;
        }
        long result = value.longValue();
        if (result < min || result > max) {
            error(name, "must be between " + min + " and " + max);
            return null;
        }
        return result;
    }

    /** Returns the numeric value or null when absent; records an error when it is not a number in {@code min..max}. */
    Double optionalNumber(String name, double min, double max) {
        JsonNode value = node(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            error(name, "must be a number between " + plain(min) + " and " + plain(max));
            return null;
        }
        double result = value.doubleValue();
        if (!(result >= min && result <= max)) {
            error(name, "must be between " + plain(min) + " and " + plain(max));
            return null;
        }
        return result;
    }

    /** Returns the value when it is at most {@code max} characters (Unicode code points), else records an error and returns null. */
    String checkMaxLength(String name, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            error(name, "must be at most " + max + " characters");
            return null;
        }
        return value;
    }

    /** Returns the value when it matches {@code pattern}, else records "must match <pattern>" and returns null. */
    String checkPattern(String name, String value, Pattern pattern, String example) {
        if (value != null && !pattern.matcher(value).matches()) {
            error(name, "must match " + pattern.pattern() + (example == null ? "" : ", e.g. " + example));
            return null;
        }
        return value;
    }

    /** Returns the value when it is one of {@code allowed}, else records "must be one of ..." and returns null. */
    String checkOneOf(String name, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            error(name, "must be one of " + String.join(", ", allowed));
            return null;
        }
        return value;
    }

    /** Records "is not a known field" for every field that is neither known nor claimed, naming the known fields. */
    void rejectUnknown() {
        List<String> unknown = new ArrayList<>();
        for (String name : object.propertyNames()) {
            if (!read.contains(name) && !known.contains(name)) {
                unknown.add(name);
            }
        }
        for (String name : unknown) {
            error(name, "is not a known field of " + what + "; known fields: " + String.join(", ", known));
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
