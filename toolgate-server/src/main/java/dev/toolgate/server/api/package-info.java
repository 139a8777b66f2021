/**
 * The shape of the REST boundary: {@link dev.toolgate.server.api.ApiErrorCode} (the closed list of problem codes, with
 * status and meaning), {@link dev.toolgate.server.api.ApiException} (code, detail, field errors), rendered by a
 * package-private handler as RFC 9457 {@code application/problem+json} ({@link dev.toolgate.server.api.Problem});
 * Bean Validation failures and body fields of the wrong JSON type are 422 {@code validation_failed} with each field
 * named as it was sent. {@link dev.toolgate.server.api.ListResponse} is every listing,
 * {@link dev.toolgate.server.api.KnownFieldsOnly} a body that refuses unknown fields, and
 * {@link dev.toolgate.server.api.ProblemResponses} the error responses of the OpenAPI document. Unexpected faults become
 * a generic 500 that reveals nothing; messages never carry secrets or stack traces. Tool failures are not API errors:
 * they are 200 answers with {@code status: error}.
 *
 * <p>Depends on {@code core.tool} ({@code FieldError}), Spring MVC, Jackson, Bean Validation and springdoc (swagger
 * models). Every other server feature package uses it.
 */
package dev.toolgate.server.api;
