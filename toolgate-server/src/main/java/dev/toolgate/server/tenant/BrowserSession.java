package dev.toolgate.server.tenant;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose handlers a browser calls with a console session cookie instead of an {@code X-API-Key}
 * header (docs/console.md). {@link ApiKeyInterceptor} leaves such handlers alone; the console's own interceptor
 * authenticates them and fails closed the same way: every handler needs a session whose key carries the handler's
 * {@link RequiresScope} scope (and is the operator's for {@link OperatorOnly}), except those marked
 * {@link PublicEndpoint} (the sign-in pages).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface BrowserSession {}
