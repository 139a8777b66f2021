package dev.toolgate.server.tenant;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that anyone may call without an API key. The API fails closed: a handler with neither this nor
 * {@link RequiresScope} refuses every key with 403, so a new endpoint is never open by accident. A handler may not
 * carry both.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicEndpoint {}
