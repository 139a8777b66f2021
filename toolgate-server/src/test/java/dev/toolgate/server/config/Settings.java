package dev.toolgate.server.config;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** Binds {@link ToolgateProperties} from a map the way startup does: defaults applied, constraints checked. */
final class Settings {
    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    private Settings() {}

    /**
     * Binds and validates {@code values} ({@code toolgate.*} names).
     *
     * @throws org.springframework.boot.context.properties.bind.BindException when a value is out of range; its
     *     message names the setting, the value and the range
     */
    static ToolgateProperties bind(Map<String, String> values) {
        ValidationBindHandler validation =
                new ValidationBindHandler(new SpringValidatorAdapter(VALIDATION.getValidator()));
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("toolgate", Bindable.of(ToolgateProperties.class), validation);
    }

    /** Returns the whole message chain of {@code failure}, as startup prints it. */
    static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
