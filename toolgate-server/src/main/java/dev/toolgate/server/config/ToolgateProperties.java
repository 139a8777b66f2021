package dev.toolgate.server.config;

import dev.toolgate.core.args.ArgumentLimits;
import dev.toolgate.core.exec.ExecutorConfig;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.ToolLimits;
import dev.toolgate.server.api.LogSafe;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
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
        @DefaultValue @Valid Egress egress,

        @DefaultValue(DEFAULT_BUDGET) @DurationRange(min = "100ms", max = "60s")
        Duration budget,

        @DefaultValue(DEFAULT_MAX_RESPONSE_BYTES) @Range(min = 1024, max = 1_048_576)
        int maxResponseBytes,

        @DefaultValue Db db,
        @DefaultValue @Valid InvocationLog invocationLog,
        @DefaultValue @Valid RateLimit rateLimit,
        String redisUrl,
        @DefaultValue @Valid Duplicates duplicates,
        @DefaultValue @Valid CircuitBreaker circuitBreaker,
        String masterKey,
        @DefaultValue @Valid Signing signing,
        @DefaultValue @Valid Limits limits,

        @DefaultValue("500ms") @DurationRange(min = "10ms", max = "10s")
        Duration redisTimeout,

        @DefaultValue @Valid Invalidation invalidation,
        @DefaultValue @Valid Reencryption reencryption,
        @DefaultValue @Valid OpenApiImport openapiImport,
        String publicBaseUrl,
        @DefaultValue @Valid Mcp mcp,
        @DefaultValue @Valid Knowledge knowledge,
        @DefaultValue @Valid Calls calls,
        @DefaultValue @Valid Console console) {

    /**
     * The web console (docs/console.md).
     *
     * @param idleTimeout how long a console session lives without a request, 1 min..24 h (default 30 min)
     * @param signInLinkTtl how long a one-time sign-in link (printed by {@code toolgate demo}) stays usable,
     *     10 s..1 h (default 5 min)
     * @param requestsPerMinute console requests per minute per session, 0 = unlimited (default 300)
     * @param signInAttemptsPerMinute sign-in attempts per minute per client address, 0 = unlimited (default 10)
     */
    public record Console(
            @DefaultValue("30m") @DurationRange(min = "1m", max = "24h")
            Duration idleTimeout,

            @DefaultValue("5m") @DurationRange(min = "10s", max = "1h")
            Duration signInLinkTtl,

            @DefaultValue("300") @PositiveOrZero int requestsPerMinute,
            @DefaultValue("10") @PositiveOrZero int signInAttemptsPerMinute) {}

    /**
     * Settings of live calls (docs/voice-runtime.md).
     *
     * @param variablesLifetime how long a call's variables live after their last write, 1 min..7 d (default 2 h)
     * @param maxCalls calls whose variables one instance keeps in memory without Redis, 1,000..10,000,000 (default
     *     100,000)
     * @param defaultRegion for tenants whose call settings name none: the ISO 3166-1 alpha-2 region whose national
     *     forms phone numbers, spoken destinations and numeric dates are read in, or {@code ZZ} for international
     *     forms only (default)
     * @param timeZone for tenants whose call settings name none: the time zone of "today" and "tomorrow" in
     *     {@code date} variables (default UTC)
     */
    public record Calls(
            @DefaultValue("2h") @DurationRange(min = "1m", max = "7d")
            Duration variablesLifetime,

            @DefaultValue("100000") @Range(min = 1000, max = 10_000_000)
            int maxCalls,

            @DefaultValue("ZZ") String defaultRegion,
            @DefaultValue("UTC") String timeZone) {

        /** Whether {@link #defaultRegion()} is an ISO 3166-1 alpha-2 region libphonenumber knows, or {@code ZZ}. */
        @AssertTrue(message = "default-region must be an ISO 3166-1 alpha-2 region (such as US or DE) or ZZ")
        public boolean isDefaultRegionKnown() {
            return defaultRegion != null
                    && dev.toolgate.core.telephony.PhoneNumbers.isKnownRegion(
                            defaultRegion.toUpperCase(java.util.Locale.ROOT));
        }

        /** Whether {@link #timeZone()} is a time-zone id the JDK knows (IANA tz database, e.g. Europe/Berlin). */
        @AssertTrue(message = "time-zone must be a time-zone id such as Europe/Berlin")
        public boolean isTimeZoneKnown() {
            try {
                java.time.ZoneId.of(timeZone);
                return true;
            } catch (java.time.DateTimeException | NullPointerException e) {
                return false;
            }
        }
    }

    /**
     * Knowledge bases: the documents an agent's {@code knowledge_base} tools search (docs/knowledge-base.md).
     *
     * @param maxDocumentBytes bytes of one document (the uploaded file, the JSON {@code content} in UTF-8, or the
     *     body fetched from a URL), 1,024..104,857,600 (default 10 MiB); the request body may be 1 MiB larger for its
     *     envelope, a larger one is refused with 413 before it is buffered
     * @param maxDocumentsPerAgent documents one agent may hold, 1..100,000 (default 500)
     * @param fetchBudget the time budget of fetching a document from a URL (DNS + connect + TLS + request +
     *     response), 1 s..5 min (default 30 s)
     */
    public record Knowledge(
            @DefaultValue("10485760") @Range(min = 1024, max = 100 * 1024 * 1024)
            int maxDocumentBytes,

            @DefaultValue("500") @Range(min = 1, max = 100_000)
            int maxDocumentsPerAgent,

            @DefaultValue("30s") @DurationRange(min = "1s", max = "5m")
            Duration fetchBudget) {}

    /**
     * The MCP server at {@code /v1/agents/{agentId}/mcp} (docs/mcp.md).
     *
     * @param allowedOrigins comma-separated origins ({@code https://app.example.com}, or {@code https://host:*} for
     *     any port) whose browser pages may call the MCP server; a request with any other {@code Origin} header is
     *     refused with 403, as the MCP specification asks of Streamable HTTP servers against DNS rebinding. Requests
     *     without an {@code Origin} (servers, voice runtimes) are never refused for it. Default: empty
     */
    public record Mcp(String allowedOrigins) {
        /** Returns {@link #allowedOrigins()} as a list, without blanks. */
        public java.util.List<String> allowedOriginList() {
            if (allowedOrigins == null || allowedOrigins.isBlank()) {
                return java.util.List.of();
            }
            return java.util.Arrays.stream(allowedOrigins.split(","))
                    .map(String::trim)
                    .filter(origin -> !origin.isEmpty())
                    .toList();
        }
    }

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

    /**
     * The OpenAPI import ({@code POST /v1/agents/{agentId}/tools/import}, docs/openapi-import.md).
     *
     * @param maxDocumentBytes bytes of one import request body, and of a document fetched from a URL; a larger body
     *     is refused with 413 before it is buffered, a larger fetched document with 422 (default 16 MiB, range
     *     1,024..64 MiB)
     * @param fetchTimeout the total budget of fetching a document from a URL (DNS + connect + TLS + request +
     *     response), 100 ms..60 s (default 10 s)
     */
    public record OpenApiImport(
            @DefaultValue("16777216") @Range(min = 1024, max = 64 * 1024 * 1024)
            int maxDocumentBytes,

            @DefaultValue("10s") @DurationRange(min = "100ms", max = "60s")
            Duration fetchTimeout) {

        /**
         * The import's path: its body is a whole OpenAPI document, bounded by {@link #maxDocumentBytes()} instead of
         * {@code toolgate.limits.max-request-body-bytes}.
         */
        public static final String PATH = "/v1/agents/{agentId}/tools/import";
    }

    /**
     * Cache invalidation across instances (Redis pub/sub, or PostgreSQL LISTEN/NOTIFY).
     *
     * @param fallbackTtl the longest a cached key, agent, tool, signing secret or rate limit lives while the
     *     connection to the other instances is down, 100 ms..10 s (default 1 s)
     */
    public record Invalidation(
            @DefaultValue("1s") @DurationRange(min = "100ms", max = "10s")
            Duration fallbackTtl) {}

    /**
     * The background job that re-encrypts stored secrets under the master key's primary key (docs/secrets.md).
     *
     * @param batchSize rows re-encrypted per transaction, 1..10,000 (default 500)
     * @param batchPause the pause between two batches, to spread the load, 0 s..1 min (default 100 ms)
     */
    public record Reencryption(
            @DefaultValue("500") @Range(min = 1, max = 10_000)
            int batchSize,

            @DefaultValue("100ms") @DurationRange(min = "0s", max = "1m")
            Duration batchPause) {}

    /**
     * Limits on what tenants and callers send; each refusal names its limit. Defaults are the smallest values
     * that every real tool definition and tool call seen so far fits in with a wide margin.
     *
     * @param maxRequestBodyBytes bytes of one API request body; a larger one is refused with 413 before it is
     *     buffered (default 1 MiB, range 1,024..64 MiB)
     * @param headerReadTimeout how long the API waits for the next bytes of a request's line and headers before
     *     closing the connection (default 10 s, range 100 ms..300 s)
     * @param maxLoggedStringChars characters of one tenant-supplied string written to the server log; the rest is
     *     cut with a marker (default 256, range 16..65,536)
     * @param maxArgumentBytes serialized bytes of one tool call's arguments, 1,024..1,048,576 (default 64 KiB)
     * @param maxArgumentDepth nesting depth of one tool call's arguments, 1..256 (default 64)
     * @param maxParametersBytes serialized bytes of one tool's {@code parameters} schema, 1,024..1,048,576
     *     (default 64 KiB)
     * @param maxParametersDepth nesting depth of one tool's {@code parameters} schema, 2..256 (default 32)
     * @param maxParameterDescriptionChars characters of one {@code description} inside {@code parameters},
     *     1..100,000 (default 2,000)
     * @param maxToolsPerAgent tools one agent may hold, 1..100,000 (default 1,000)
     * @param maxRecordFieldBytes bytes of the arguments and of the rendered request kept in one invocation record;
     *     the rest is cut with a marker (default 16 KiB)
     */
    public record Limits(
            @DefaultValue("1048576") @Range(min = 1024, max = 64 * 1024 * 1024)
            int maxRequestBodyBytes,

            @DefaultValue("10s") @DurationRange(min = "100ms", max = "300s")
            Duration headerReadTimeout,

            @DefaultValue("" + LogSafe.DEFAULT_MAX_CHARS) @Range(min = 16, max = 65_536)
            int maxLoggedStringChars,

            @DefaultValue(DEFAULT_ARGUMENT_BYTES) @Range(min = 1024, max = 1_048_576)
            int maxArgumentBytes,

            @DefaultValue(DEFAULT_ARGUMENT_DEPTH) @Range(min = 1, max = MAX_DEPTH)
            int maxArgumentDepth,

            @DefaultValue(DEFAULT_PARAMETERS_BYTES) @Range(min = 1024, max = 1_048_576)
            int maxParametersBytes,

            @DefaultValue(DEFAULT_PARAMETERS_DEPTH) @Range(min = 2, max = MAX_DEPTH)
            int maxParametersDepth,

            @DefaultValue(DEFAULT_DESCRIPTION_CHARS) @Range(min = 1, max = 100_000)
            int maxParameterDescriptionChars,

            @DefaultValue(DEFAULT_TOOLS_PER_AGENT) @Range(min = 1, max = 100_000)
            int maxToolsPerAgent,

            @DefaultValue("16384") @Range(min = 1024, max = 1_048_576)
            int maxRecordFieldBytes) {}

    // The defaults of the argument and parameters limits are the core's constants (annotations need text).
    private static final String MAX_DUPLICATE_WINDOW = HttpRequestConfig.MAX_DUPLICATE_WINDOW_SECONDS + "s";
    private static final String DEFAULT_MAX_PER_ENDPOINT = "" + ExecutorConfig.DEFAULT_MAX_PER_ENDPOINT;
    private static final String DEFAULT_BUDGET = ToolLimits.DEFAULT_BUDGET_SECONDS + "s";
    private static final String DEFAULT_MAX_RESPONSE_BYTES = "" + ToolLimits.DEFAULT_MAX_RESPONSE_BYTES;
    private static final String DEFAULT_ARGUMENT_BYTES = "" + ArgumentLimits.DEFAULT_MAX_BYTES;
    private static final String DEFAULT_ARGUMENT_DEPTH = "" + ArgumentLimits.DEFAULT_MAX_DEPTH;
    private static final String DEFAULT_PARAMETERS_BYTES = "" + ToolLimits.DEFAULT_MAX_PARAMETERS_BYTES;
    private static final String DEFAULT_PARAMETERS_DEPTH = "" + ToolLimits.DEFAULT_MAX_PARAMETERS_DEPTH;
    private static final String DEFAULT_DESCRIPTION_CHARS = "" + ToolLimits.DEFAULT_MAX_PARAMETER_DESCRIPTION_CHARS;
    private static final String DEFAULT_TOOLS_PER_AGENT = "" + ToolLimits.DEFAULT_MAX_TOOLS_PER_AGENT;
    /**
     * The deepest argument or {@code parameters} nesting a setting may allow: API bodies are parsed with Jackson's
     * nesting limit of 500 and arguments sit inside them, and recursive schema validation stays far from the
     * thread's stack at this depth.
     */
    private static final int MAX_DEPTH = 256;

    /**
     * Rate limits in invocations per minute; 0 = unlimited.
     *
     * @param tenantPerMinute all invocations of one tenant (default 60)
     * @param toolPerMinute invocations of one tool (default 30)
     * @param testFirePerMinute test fires of one tenant, in their own bucket (default 10)
     */
    public record RateLimit(
            @DefaultValue("60") @PositiveOrZero int tenantPerMinute,
            @DefaultValue("30") @PositiveOrZero int toolPerMinute,
            @DefaultValue("10") @PositiveOrZero int testFirePerMinute) {}

    /**
     * Duplicate tool calls (the same call asking the same tool with the same arguments).
     *
     * @param defaultWindow how long a result is reused for a repeat, unless the tool sets its own
     *     {@code duplicate_window} (0 disables); 0..300 s
     */
    public record Duplicates(
            @DefaultValue("10s") @DurationRange(min = "0s", max = "300s")
            Duration defaultWindow) {}

    /**
     * The circuit breaker of each (tenant, endpoint host:port).
     *
     * @param failureRateThreshold percentage of failed calls (timeouts, connect/TLS/DNS errors, 5xx) that opens it
     * @param minimumCalls calls in the sliding window before the failure rate counts
     * @param windowSize calls in the count-based sliding window
     * @param openDuration how long it stays open before letting trial calls through (half-open)
     * @param halfOpenCalls trial calls in the half-open state
     */
    public record CircuitBreaker(
            @DefaultValue("50") @Range(min = 1, max = 100) int failureRateThreshold,
            @DefaultValue("10") @Min(1) int minimumCalls,
            @DefaultValue("20") @Min(1) int windowSize,

            @DefaultValue("30s") @DurationRange(min = "1ms", max = "1d")
            Duration openDuration,

            @DefaultValue("3") @Min(1) int halfOpenCalls) {
        /** Whether the sliding window holds at least the minimum number of calls. */
        @AssertTrue(message = "window-size must be at least minimum-calls")
        public boolean isWindowHoldingMinimumCalls() {
            return windowSize >= minimumCalls;
        }
    }

    /**
     * Egress settings.
     *
     * @param allowlist DANGEROUS: comma-separated {@code host:port}, {@code ip:port}, {@code CIDR} or
     *     {@code CIDR:port} entries admitted despite the private-network block; blank for none
     * @param extraCa a PEM file of extra CA certificates trusted for tenant endpoints, or null
     * @param maxConnectionsPerEndpoint the most calls one tenant has in flight to one HTTP/1.1 endpoint (so at most
     *     that many connections); more wait inside their budget; HTTP/2 endpoints are not capped
     */
    public record Egress(
            String allowlist,
            Path extraCa,

            @DefaultValue(DEFAULT_MAX_PER_ENDPOINT) @Range(min = 1, max = ExecutorConfig.MAX_PER_ENDPOINT)
            int maxConnectionsPerEndpoint) {}

    /**
     * External database.
     *
     * @param url a PostgreSQL JDBC URL, or blank for the embedded H2 file database
     * @param user the database user
     * @param password the database password (never logged)
     */
    public record Db(String url, String user, String password) {
        @Override
        public String toString() {
            return "Db[url=" + url + ", user=" + user + ", password=***]";
        }
    }

    /**
     * Invocation-log settings.
     *
     * @param previewBytes response bytes kept per record, 0..8,192
     * @param queueCapacity records buffered before writers push back, 1,000..1,000,000
     * @param piiRegion the ISO 3166 region whose national phone-number formats the preview masking recognises
     * @param retention how long records are kept, 1 h..3,650 d
     * @param retentionInterval how often the retention job runs, 1 min..1 d
     * @param retentionBatchSize records deleted per statement by the retention job, 100..100,000
     * @param writeRetries how often the log writer retries a failed insert before it drops the batch (counted
     *     and logged), 0..100
     * @param writeRetryDelay the wait before the first retry, doubled for each next one up to 5 s (or this value if
     *     larger), 1 ms..10 s
     */
    public record InvocationLog(
            @DefaultValue("4096") @Range(min = 0, max = 8192)
            int previewBytes,

            @DefaultValue("100000") @Range(min = 1000, max = 1_000_000)
            int queueCapacity,

            @DefaultValue("US") String piiRegion,

            @DefaultValue("30d") @DurationRange(min = "1h", max = "3650d")
            Duration retention,

            @DefaultValue("1h") @DurationRange(min = "1m", max = "1d")
            Duration retentionInterval,

            @DefaultValue("1000") @Range(min = 100, max = 100_000)
            int retentionBatchSize,

            @DefaultValue("8") @Range(min = 0, max = 100) int writeRetries,

            @DefaultValue("100ms") @DurationRange(min = "1ms", max = "10s")
            Duration writeRetryDelay) {}

    /**
     * Request-signing settings.
     *
     * @param rotationOverlap how long a rotated-out signing secret keeps signing next to the new one, 0s..30d
     */
    public record Signing(
            @DefaultValue("24h") @DurationRange(min = "0s", max = "30d")
            Duration rotationOverlap) {}

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
