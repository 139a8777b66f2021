/**
 * The OpenAPI document of the REST API, served at {@code /v3/api-docs} and shown by Swagger UI at
 * {@code /docs/api} (docs/api.md).
 *
 * <p>{@link dev.toolgate.server.openapi.OpenApiConfiguration} sets the document's info (title, version, licence),
 * the {@code X-API-Key} security scheme and the shared problem responses;
 * {@link dev.toolgate.server.openapi.OperationConventions} gives every operation a lowerCamel operationId, a
 * summary, its tag ({@link dev.toolgate.server.openapi.ApiTag}) and the error responses it really gives, where the
 * controller's own annotations leave them out. Redocly's recommended ruleset and a generated TypeScript client
 * check the result in the build ({@code contract/}).
 *
 * <p>Depends on springdoc and swagger-core, and on {@code server.api} and {@code server.tenant} for the problem shape
 * and the secured paths.
 */
package dev.toolgate.server.openapi;
