package dev.toolgate.core.tool;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking a submitted tool definition (see {@link ToolDefinitionParser}): either a
 * {@link Valid} definition or the {@link Invalid complete list} of what is wrong with it. A REST layer
 * maps {@link Invalid} to a 422 with one entry per {@link FieldError}.
 */
public sealed interface ParseResult permits ParseResult.Valid, ParseResult.Invalid {

    /**
     * The submission is a valid tool.
     *
     * @param definition the checked definition, defaults filled in
     */
    record Valid(ToolDefinition definition) implements ParseResult {
        public Valid {
            Objects.requireNonNull(definition, "definition");
        }
    }

    /**
     * The submission is not a valid tool.
     *
     * @param errors every problem found, in the order of the submitted fields' checks; never empty
     */
    record Invalid(List<FieldError> errors) implements ParseResult {
        /**
         * Copies the errors.
         *
         * @throws IllegalArgumentException if {@code errors} is empty
         */
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an Invalid result needs at least one error");
            }
        }
    }
}
