package dev.toolgate.server.config;

import dev.toolgate.core.tool.ToolLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.Range;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every {@code toolgate.*} setting, bound from {@code application.yaml}, system properties and environment
 * variables ({@code TOOLGATE_DATA_DIR} etc.). Each setting's default and range are written here once, as
 * {@link DefaultValue} (the core's constant where the core has the limit) and a constraint ({@link Range},
 * {@link DurationRange}, ...); binding checks the constraints, so a value out of range stops startup with a message
 * naming the setting, and {@code docs/configuration.md} is checked against both by a test.
 *
 * @param dataDir folder of the embedded database and key files
 * @param bootstrapApiKey the admin key created for the default tenant when no key exists yet, or null
 * @param egress egress settings
 * @param budget total time budget per call, 100 ms..60 s
 * @param maxResponseBytes decoded response bytes read per call, 1,024..1,048,576
 * @param db an external PostgreSQL database, or empty for embedded H2
 * @param invocationLog invocation-log settings
 * @param rateLimit the deployment's rate limits (per-tenant overrides through the API)
 * @param redisUrl a Redis URL ({@code redis://host:6379}) for rate limits, duplicate-call results and cache
 *     invalidation shared by every instance, or blank for this process only
 * @param duplicates duplicate-call settings
 * @param circuitBreaker per-endpoint circuit-breaker settings
 * @param masterKey the Tink AEAD keyset that encrypts secrets at rest, as JSON or base64 of the JSON; null to use
 *     (or create) {@code <dataDir>/master-keyset.json}, which only the embedded database may do (docs/secrets.md)
 * @param signing request-signing settings
 * @param limits size, depth, count and time limits on what tenants and callers send (docs/configuration.md)
 * @param redisTimeout the longest one Redis command may take before it counts as failed, 10 ms..10 s
 * @param invalidation cache-invalidation settings
 * @param reencryption settings of the job that re-encrypts secrets under a new primary master key
 * @param openapiImport settings of the OpenAPI import (docs/openapi-import.md)
 * @param publicBaseUrl the base URL voice platforms reach this gateway at ({@code https://toolgate.example.com}),
 *     written into the tool exports for Vapi, Retell and ElevenLabs; null to use the URL the export request came in on
 * @param mcp MCP-server settings (docs/mcp.md)
 * @param knowledge knowledge-base settings (docs/knowledge-base.md)
 * @param calls settings of live calls: call variables, and the region and time zone values are read in
 * @param console web-console settings (docs/console.md)
 */
@Validated
@ConfigurationProperties("toolgate")
public record ToolgateProperties(
        @DefaultValue("./toolgate-data") Path dataDir,
        String bootstrapApiKey,
        @DefaultValue @Valid RuntimeSettings.Egress egress,

        @DefaultValue(DEFAULT_BUDGET) @DurationRange(min = "100ms", max = "60s")
        Duration budget,

        @DefaultValue(DEFAULT_MAX_RESPONSE_BYTES) @Range(min = 1024, max = 1_048_576)
        int maxResponseBytes,

        @DefaultValue FeatureSettings.Db db,
        @DefaultValue @Valid FeatureSettings.InvocationLog invocationLog,
        @DefaultValue @Valid RuntimeSettings.RateLimit rateLimit,
        String redisUrl,
        @DefaultValue @Valid RuntimeSettings.Duplicates duplicates,
        @DefaultValue @Valid RuntimeSettings.CircuitBreaker circuitBreaker,
        String masterKey,
        @DefaultValue @Valid RuntimeSettings.Signing signing,
        @DefaultValue @Valid RuntimeSettings.Limits limits,

        @DefaultValue("500ms") @DurationRange(min = "10ms", max = "10s")
        Duration redisTimeout,

        @DefaultValue @Valid RuntimeSettings.Invalidation invalidation,
        @DefaultValue @Valid FeatureSettings.Reencryption reencryption,
        @DefaultValue @Valid FeatureSettings.OpenApiImport openapiImport,
        String publicBaseUrl,
        @DefaultValue @Valid FeatureSettings.Mcp mcp,
        @DefaultValue @Valid FeatureSettings.Knowledge knowledge,
        @DefaultValue @Valid FeatureSettings.Calls calls,
        @DefaultValue @Valid FeatureSettings.Console console) {

    /**
     * Whether {@link #publicBaseUrl()} is unset or an http(s) URL with a host and no user info, query or fragment
     * (RFC 3986 syntax, read by {@link java.net.URI}).
     */
    @AssertTrue(
            message = "public-base-url must be an http(s) URL with a host and no user info, query or fragment"
                    + " (e.g. https://toolgate.example.com)")
    public boolean isPublicBaseUrlValid() {
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            return true;
        }
        java.net.URI uri;
        try {
            uri = new java.net.URI(publicBaseUrl);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
        return web
                && uri.getHost() != null
                && uri.getRawQuery() == null
                && uri.getRawFragment() == null
                && uri.getRawUserInfo() == null;
    }

    /** Returns {@link #publicBaseUrl()} without a trailing slash, or null when it is not set. */
    public String publicBaseUrlOrNull() {
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            return null;
        }
        String url = publicBaseUrl.strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static final String DEFAULT_BUDGET = ToolLimits.DEFAULT_BUDGET_SECONDS + "s";
    private static final String DEFAULT_MAX_RESPONSE_BYTES = "" + ToolLimits.DEFAULT_MAX_RESPONSE_BYTES;

    @Override
    public String toString() {
        return "ToolgateProperties[dataDir=" + dataDir + ", bootstrapApiKey=" + (bootstrapApiKey == null ? null : "***")
                + ", egress=" + egress + ", budget=" + budget + ", maxResponseBytes=" + maxResponseBytes
                + ", db=" + db + ", invocationLog=" + invocationLog + ", rateLimit=" + rateLimit
                + ", redisUrl=" + (redisUrl == null || redisUrl.isBlank() ? null : "***") + ", duplicates=" + duplicates
                + ", circuitBreaker=" + circuitBreaker + ", masterKey=" + (masterKey == null ? null : "***")
                + ", signing=" + signing + ", limits=" + limits + ", redisTimeout=" + redisTimeout
                + ", invalidation=" + invalidation + ", reencryption=" + reencryption + ", openapiImport="
                + openapiImport
                + "]";
    }
}
