package dev.toolgate.server.tenant;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that also takes its API key as an OAuth 2.0 bearer token ({@code Authorization: Bearer <key>},
 * RFC 6750 section 2.1), for clients that can send no other header, such as MCP clients (docs/mcp.md). The key is
 * the same {@code tg_...} value, with the same scopes; {@code X-API-Key} wins when both are present.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AcceptsBearerToken {}
