/**
 * Tenants, API keys and who may do what. {@link dev.toolgate.server.tenant.Tenant} and
 * {@link dev.toolgate.server.tenant.TenantStore} hold tenants, their rate-limit overrides and their call settings (region and time zone
 * of the voice-runtime tools, {@code /v1/tenants/{id}/call-settings});
 * {@link dev.toolgate.server.tenant.ApiKeyService} creates keys (shown once, stored as SHA-256 hashes) and
 * authenticates them. A package-private interceptor turns the {@code X-API-Key} header of every {@code /v1} request
 * into a {@link dev.toolgate.server.tenant.Principal} (tenant and {@link dev.toolgate.server.tenant.Scope}s) and
 * checks the handler's {@link dev.toolgate.server.tenant.RequiresScope} and
 * {@link dev.toolgate.server.tenant.OperatorOnly}. Package-private controllers serve
 * {@code /v1/tenants} (the operator) and {@code /v1/api-keys}; the first start creates the default tenant and its
 * admin key.
 *
 * <p>Depends on {@code core.telephony} (regions), {@code server.api}, {@code server.config}, Spring (MVC, JDBC, transactions, events), the Servlet API,
 * Jackson, Bean Validation, the OpenAPI annotations and Caffeine.
 */
package dev.toolgate.server.tenant;
