/**
 * The web console (docs/console.md): server-rendered pages (Thymeleaf, htmx) through which a tenant's admin does in
 * a browser what the REST API offers: agents, tools and their JSON Schemas, the test panel, the invocation log, tool
 * health, secrets, API keys, the operator's tenants, and the docs.
 *
 * <p>Every page calls the same services the REST controllers use ({@code ToolService}, {@code InvocationService},
 * {@code InvocationQueries}, {@code ApiKeyService}, ...), never the API over HTTP and never its own copy of a rule.
 * Sign-in exchanges an API key for a server-side session ({@link ConsoleSessions}): the browser holds an HttpOnly,
 * SameSite=Strict cookie with a random token, the database the token's hash and the key's id (never the key), and
 * every request acts with that key's current scopes ({@link ConsoleInterceptor}), so revoking the key ends its
 * sessions. State-changing requests carry the session's synchronizer token (CSRF); pages are sent with a
 * Content-Security-Policy that admits no inline script ({@link ConsoleHeadersFilter}).
 */
package dev.toolgate.server.console;
