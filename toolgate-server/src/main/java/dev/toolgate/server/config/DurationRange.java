package dev.toolgate.server.config;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link java.time.Duration} setting's range, both ends included, written as Spring Boot writes durations
 * ({@code 100ms}, {@code 60s}, {@code 3650d}). A null duration is valid (use {@code @NotNull} to forbid it). The
 * range is the setting's only home: binding checks it and the configuration reference is checked against it.
 */
@Documented
@Constraint(validatedBy = DurationRangeValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface DurationRange {
    /** The shortest value allowed, e.g. {@code 100ms}. */
    String min();

    /** The longest value allowed, e.g. {@code 60s}. */
    String max();

    /** The refusal; {@code {min}} and {@code {max}} are filled in. */
    String message() default "must be between {min} and {max}";

    /** Bean Validation groups; unused. */
    Class<?>[] groups() default {};

    /** Bean Validation payload; unused. */
    Class<? extends Payload>[] payload() default {};
}
