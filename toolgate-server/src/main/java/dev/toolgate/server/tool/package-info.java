/**
 * Tools of an agent: {@link dev.toolgate.server.tool.ToolStore} keeps definitions (auth values apart and encrypted,
 * through {@code server.secrets}), always within one tenant, with parsed definitions cached per tool version
 * ({@code StoredToolRows}). A
 * package-private controller serves {@code /v1/agents/{id}/tools} (create, read, PATCH, delete; a new signing secret
 * is shown once), {@code /v1/agents/{id}/tools/{id}/signing-secret/rotate} and {@code /v1/agents/{id}/functions}
 * (the enabled tools as OpenAI, Anthropic or Gemini function
 * descriptors, or in the formats other features provide as {@link dev.toolgate.server.tool.ToolExportFormat} beans,
 * such as the voice platforms'); {@code ToolStore.createAll} stores several tools in one transaction (the OpenAPI
 * import's); the OpenAPI document describes each tool type's body from core's {@code ToolSchemas}.
 *
 * <p>Depends on {@code core.tool}, {@code core.describe}, {@code core.signing}, {@code server.agent},
 * {@code server.api}, {@code server.secrets}, {@code server.tenant}, Spring (MVC, JDBC, transactions), Jackson,
 * springdoc (OpenAPI annotations and models) and Caffeine.
 */
package dev.toolgate.server.tool;
