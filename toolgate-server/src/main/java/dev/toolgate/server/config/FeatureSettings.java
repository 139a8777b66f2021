package dev.toolgate.server.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.Range;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The groups of {@link ToolgateProperties} that belong to one feature each: the database, the invocation log,
 * re-encryption, the OpenAPI import, the MCP server, knowledge bases, live calls and the console. Each default and
 * range is written here once (docs/configuration.md lists them, a test keeps the two equal).
 */
public final class FeatureSettings {
    private FeatureSettings() {}

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
}
