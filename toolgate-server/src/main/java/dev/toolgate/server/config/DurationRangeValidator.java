package dev.toolgate.server.config;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/** Checks a {@link Duration} against its {@link DurationRange}, whose ends are parsed as Spring Boot parses settings. */
public final class DurationRangeValidator implements ConstraintValidator<DurationRange, Duration> {
    private Duration min;
    private Duration max;

    /** Reads the range's ends; a malformed end is a programming error ({@link IllegalArgumentException}). */
    @Override
    public void initialize(DurationRange range) {
        min = DurationStyle.detectAndParse(range.min());
        max = DurationStyle.detectAndParse(range.max());
    }

    /** Returns whether {@code value} is null or within the range, ends included. */
    @Override
    public boolean isValid(Duration value, ConstraintValidatorContext context) {
        return value == null || (value.compareTo(min) >= 0 && value.compareTo(max) <= 0);
    }
}
