package dev.toolgate.server.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * A Bean Validation constraint for a body that refuses fields it does not know, where a typo must not pass silently
 * (a rate limit, a rotation window): each unknown field becomes one field error, {@code {"field": <its name>,
 * "message": <message>}}. The body keeps what it did not know in a {@code @JsonAnySetter} map ({@link Body}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownFieldsOnly.Check.class)
public @interface KnownFieldsOnly {

    /** The message of each unknown field. */
    String message() default "is not a known field";

    /** Bean Validation groups; none are used. */
    Class<?>[] groups() default {};

    /** Bean Validation payload; none is used. */
    Class<? extends Payload>[] payload() default {};

    /** A body that collects the fields it has no component for. */
    interface Body {
        /** Returns the fields of the JSON object that are not components, by name; empty when there are none. */
        Map<String, Object> unknownFields();
    }

    /** Reports every unknown field, in name order. */
    final class Check implements ConstraintValidator<KnownFieldsOnly, Body> {
        @Override
        public boolean isValid(Body body, ConstraintValidatorContext context) {
            Map<String, Object> unknown = body == null ? null : body.unknownFields();
            if (unknown == null || unknown.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            unknown.keySet().stream()
                    .sorted()
                    .forEach(name -> context.buildConstraintViolationWithTemplate(
                                    context.getDefaultConstraintMessageTemplate())
                            .addPropertyNode(name)
                            .addConstraintViolation());
            return false;
        }
    }
}
