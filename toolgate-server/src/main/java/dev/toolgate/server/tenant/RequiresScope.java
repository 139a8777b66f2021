package dev.toolgate.server.tenant;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler with the scope its API key must carry; a key without it gets 403. Every handler needs this or
 * {@link PublicEndpoint}: one with neither refuses every key (the API fails closed).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresScope {
    /** The required scope. */
    Scope value();
}
