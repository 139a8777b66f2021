package dev.toolgate.core.tool;

/**
 * One problem with a submitted tool definition, as reported in a 422 problem+json.
 *
 * @param field the JSON path of the offending field, e.g. {@code config.url} or {@code parameters/properties/x}
 * @param message what is wrong and what would be right, e.g. "must be at most 64 characters"
 */
public record FieldError(String field, String message) {}
