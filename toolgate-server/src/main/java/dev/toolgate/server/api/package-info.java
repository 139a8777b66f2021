/**
 * How failed API requests look: {@link dev.toolgate.server.api.ApiException} (status, stable {@code code}, detail,
 * field errors), rendered by a package-private handler as RFC 9457 {@code application/problem+json}. Unexpected
 * faults become a generic 500 that reveals nothing; messages never carry secrets or stack traces. Tool failures are
 * not API errors: they are 200 answers with {@code status: error}.
 *
 * <p>Depends on {@code core.tool} ({@code FieldError}) and Spring MVC. Every other server feature package uses it.
 */
package dev.toolgate.server.api;
