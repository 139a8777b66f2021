/**
 * The OpenAPI import, {@code POST /v1/agents/{agentId}/tools/import} (docs/openapi-import.md): an OpenAPI 3.0/3.1 or
 * Swagger 2.0 document, inline or fetched from an https URL, becomes one {@code http_request} tool per operation.
 *
 * <p>{@link dev.toolgate.server.toolimport.OpenApiDocuments} reads the document with swagger-parser (its models and
 * Jackson 2 types stay inside that class) and hands back a plain JSON tree; {@code DocumentFetcher} fetches a
 * document through an executor of its own under the deployment's egress policy; {@code ServerUrls} picks the base
 * URL; {@code Selection} the operations; {@code OperationMapper} (with {@code SchemaConverter},
 * {@code SecurityMapping} and {@code Names}) builds each tool as the tool API's JSON; {@code ImportService} checks
 * every tool with the same {@code core.tool.ToolDefinitionParser} as {@code POST /tools} and stores them in one
 * transaction through {@code server.tool.ToolStore}. What does not map is an
 * {@link dev.toolgate.server.toolimport.ImportWarning} with a typed code and the operation it concerns.
 *
 * <p>Depends on {@code core.tool}, {@code core.egress}, {@code core.exec}, {@code core.render} (the request of a
 * fetch), {@code core.http}, {@code core.args} ({@code LinearRegex}), {@code core.signing}, {@code server.agent},
 * {@code server.tool}, {@code server.secrets}, {@code server.api}, {@code server.config}, {@code server.tenant},
 * Spring MVC, Jackson 3, springdoc annotations and swagger-parser.
 */
package dev.toolgate.server.toolimport;
