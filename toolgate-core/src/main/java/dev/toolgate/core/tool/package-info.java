/**
 * The tool model and the checks a submitted tool passes before it is stored.
 *
 * <p>{@link dev.toolgate.core.tool.ToolDefinitionParser} turns a REST body (the native shape, or an
 * AssemblyAI-style {@code http} block) into a {@link dev.toolgate.core.tool.ToolDefinition}, or a
 * {@link dev.toolgate.core.tool.ParseResult.Invalid} listing every {@link dev.toolgate.core.tool.FieldError}; it
 * also applies a PATCH (JSON Merge Patch, where {@code "***"} keeps a stored secret).
 * {@link dev.toolgate.core.tool.ToolDefinitionWriter} writes a definition back. A stored tool is a
 * {@link dev.toolgate.core.tool.Tool}; its {@link dev.toolgate.core.tool.ToolType} has one
 * {@link dev.toolgate.core.tool.ToolConfig} record, e.g. {@link dev.toolgate.core.tool.HttpRequestConfig} with its
 * {@link dev.toolgate.core.tool.Auth}, {@link dev.toolgate.core.tool.BodyMode},
 * {@link dev.toolgate.core.tool.HttpMethod} and {@link dev.toolgate.core.tool.SignatureScheme}.
 * {@link dev.toolgate.core.tool.ToolLimits} are the deployment limits a tool is checked against;
 * {@link dev.toolgate.core.tool.TemplateSyntax} is the {@code {{...}}} template language of header and query
 * values, checked when a tool is saved and filled in by {@code core.render};
 * {@link dev.toolgate.core.tool.UrlTemplate} the {@code {{args.NAME}}} path segments a tool URL may hold.
 *
 * <p>Depends on Jackson, networknt json-schema-validator (the {@code parameters} meta-schema check) and OkHttp
 * ({@code HttpUrl}, {@code Headers}, for URL and header syntax).
 */
package dev.toolgate.core.tool;
