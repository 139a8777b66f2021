package dev.toolgate.server.config;

import dev.toolgate.core.args.ArgumentLimits;
import dev.toolgate.core.tool.ToolLimits;
import dev.toolgate.server.api.LogSafe;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code toolgate.*} setting, bound from {@code application.yaml}, system properties and environment
 * variables ({@code TOOLGATE_DATA_DIR} etc.). Defaults, units and ranges are documented in
 * {@code docs/configuration.md} and {@code application.yaml}; {@link #validate()} enforces the ranges.
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
 * @param console web console settings
 */
@ConfigurationProperties("toolgate")
public record ToolgateProperties(
        @DefaultValue("./toolgate-data") Path dataDir,
        String bootstrapApiKey,
        @DefaultValue Egress egress,
        @DefaultValue(DEFAULT_BUDGET) Duration budget,
        @DefaultValue(DEFAULT_MAX_RESPONSE_BYTES) int maxResponseBytes,
        @DefaultValue Db db,
        @DefaultValue InvocationLog invocationLog,
        @DefaultValue RateLimit rateLimit,
        String redisUrl,
        @DefaultValue Duplicates duplicates,
        @DefaultValue CircuitBreaker circuitBreaker,
        String masterKey,
        @DefaultValue Signing signing,
        @DefaultValue Limits limits,
        @DefaultValue("500ms") Duration redisTimeout,
        @DefaultValue Invalidation invalidation,
        @DefaultValue Reencryption reencryption,
        @DefaultValue Console console) {

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
            @DefaultValue("30m") Duration idleTimeout,
            @DefaultValue("5m") Duration signInLinkTtl,
            @DefaultValue("300") int requestsPerMinute,
            @DefaultValue("10") int signInAttemptsPerMinute) {}

    /**
     * Cache invalidation across instances (Redis pub/sub, or PostgreSQL LISTEN/NOTIFY).
     *
     * @param fallbackTtl the longest a cached key, agent, tool, signing secret or rate limit lives while the
     *     connection to the other instances is down, 100 ms..10 s (default 1 s)
     */
    public record Invalidation(@DefaultValue("1s") Duration fallbackTtl) {}

    /**
     * The background job that re-encrypts stored secrets under the master key's primary key (docs/secrets.md).
     *
     * @param batchSize rows re-encrypted per transaction, 1..10,000 (default 500)
     * @param batchPause the pause between two batches, to spread the load, 0 s..1 min (default 100 ms)
     */
    public record Reencryption(
            @DefaultValue("500") int batchSize,
            @DefaultValue("100ms") Duration batchPause) {}

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
            @DefaultValue("1048576") int maxRequestBodyBytes,
            @DefaultValue("10s") Duration headerReadTimeout,
            @DefaultValue("" + LogSafe.DEFAULT_MAX_CHARS) int maxLoggedStringChars,
            @DefaultValue(DEFAULT_ARGUMENT_BYTES) int maxArgumentBytes,
            @DefaultValue(DEFAULT_ARGUMENT_DEPTH) int maxArgumentDepth,
            @DefaultValue(DEFAULT_PARAMETERS_BYTES) int maxParametersBytes,
            @DefaultValue(DEFAULT_PARAMETERS_DEPTH) int maxParametersDepth,
            @DefaultValue(DEFAULT_DESCRIPTION_CHARS) int maxParameterDescriptionChars,
            @DefaultValue(DEFAULT_TOOLS_PER_AGENT) int maxToolsPerAgent,
            @DefaultValue("16384") int maxRecordFieldBytes) {}

    // The defaults of the argument and parameters limits are the core's constants (annotations need text).
    private static final String DEFAULT_BUDGET = ToolLimits.DEFAULT_BUDGET_SECONDS + "s";
    private static final String DEFAULT_MAX_RESPONSE_BYTES = "" + ToolLimits.DEFAULT_MAX_RESPONSE_BYTES;
    private static final String DEFAULT_ARGUMENT_BYTES = "" + ArgumentLimits.DEFAULT_MAX_BYTES;
    private static final String DEFAULT_ARGUMENT_DEPTH = "" + ArgumentLimits.DEFAULT_MAX_DEPTH;
    private static final String DEFAULT_PARAMETERS_BYTES = "" + ToolLimits.DEFAULT_MAX_PARAMETERS_BYTES;
    private static final String DEFAULT_PARAMETERS_DEPTH = "" + ToolLimits.DEFAULT_MAX_PARAMETERS_DEPTH;
    private static final String DEFAULT_DESCRIPTION_CHARS = "" + ToolLimits.DEFAULT_MAX_PARAMETER_DESCRIPTION_CHARS;
    private static final String DEFAULT_TOOLS_PER_AGENT = "" + ToolLimits.DEFAULT_MAX_TOOLS_PER_AGENT;

    /**
     * Rate limits in invocations per minute; 0 = unlimited.
     *
     * @param tenantPerMinute all invocations of one tenant (default 60)
     * @param toolPerMinute invocations of one tool (default 30)
     * @param testFirePerMinute test fires of one tenant, in their own bucket (default 10)
     */
    public record RateLimit(
            @DefaultValue("60") int tenantPerMinute,
            @DefaultValue("30") int toolPerMinute,
            @DefaultValue("10") int testFirePerMinute) {}

    /**
     * Duplicate tool calls (the same call asking the same tool with the same arguments).
     *
     * @param defaultWindow how long a result is reused for a repeat, unless the tool sets its own
     *     {@code duplicate_window} (0 disables); 0..300 s
     */
    public record Duplicates(@DefaultValue("10s") Duration defaultWindow) {}

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
            @DefaultValue("50") int failureRateThreshold,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("20") int windowSize,
            @DefaultValue("30s") Duration openDuration,
            @DefaultValue("3") int halfOpenCalls) {}

    /**
     * Egress settings.
     *
     * @param allowlist DANGEROUS: comma-separated {@code host:port}, {@code ip:port}, {@code CIDR} or
     *     {@code CIDR:port} entries admitted despite the private-network block; blank for none
     * @param extraCa a PEM file of extra CA certificates trusted for tenant endpoints, or null
     */
    public record Egress(String allowlist, Path extraCa) {}

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
            @DefaultValue("4096") int previewBytes,
            @DefaultValue("100000") int queueCapacity,
            @DefaultValue("US") String piiRegion,
            @DefaultValue("30d") Duration retention,
            @DefaultValue("1h") Duration retentionInterval,
            @DefaultValue("1000") int retentionBatchSize,
            @DefaultValue("8") int writeRetries,
            @DefaultValue("100ms") Duration writeRetryDelay) {}

    /**
     * Request-signing settings.
     *
     * @param rotationOverlap how long a rotated-out signing secret keeps signing next to the new one, 0s..30d
     */
    public record Signing(@DefaultValue("24h") Duration rotationOverlap) {}

    /**
     * Checks every range.
     *
     * @throws IllegalStateException naming the setting, its value and the allowed range
     */
    public void validate() {
        if (rateLimit.tenantPerMinute() < 0 || rateLimit.toolPerMinute() < 0 || rateLimit.testFirePerMinute() < 0) {
            throw new IllegalStateException("toolgate.rate-limit.* must be >= 0 (0 = unlimited), got " + rateLimit);
        }
        if (duplicates.defaultWindow().isNegative()
                || duplicates.defaultWindow().compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalStateException("toolgate.duplicates.default-window must be between 0s and 300s, got "
                    + duplicates.defaultWindow());
        }
        if (circuitBreaker.failureRateThreshold() < 1
                || circuitBreaker.failureRateThreshold() > 100
                || circuitBreaker.minimumCalls() < 1
                || circuitBreaker.windowSize() < circuitBreaker.minimumCalls()
                || circuitBreaker.halfOpenCalls() < 1
                || !circuitBreaker.openDuration().isPositive()) {
            throw new IllegalStateException("toolgate.circuit-breaker.* out of range: " + circuitBreaker
                    + " (threshold 1..100 %, minimum-calls >= 1, window-size >= minimum-calls, half-open-calls >= 1,"
                    + " open-duration > 0)");
        }
        if (budget.compareTo(Duration.ofMillis(100)) < 0 || budget.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalStateException("toolgate.budget must be between 100ms and 60s, got " + budget);
        }
        if (maxResponseBytes < 1024 || maxResponseBytes > 1_048_576) {
            throw new IllegalStateException(
                    "toolgate.max-response-bytes must be between 1024 and 1048576, got " + maxResponseBytes);
        }
        if (invocationLog.previewBytes() < 0 || invocationLog.previewBytes() > 8192) {
            throw new IllegalStateException("toolgate.invocation-log.preview-bytes must be between 0 and 8192, got "
                    + invocationLog.previewBytes());
        }
        if (invocationLog.retention().compareTo(Duration.ofHours(1)) < 0
                || invocationLog.retention().compareTo(Duration.ofDays(3650)) > 0) {
            throw new IllegalStateException(
                    "toolgate.invocation-log.retention must be between 1h and 3650d, got " + invocationLog.retention());
        }
        if (invocationLog.retentionInterval().compareTo(Duration.ofMinutes(1)) < 0
                || invocationLog.retentionInterval().compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalStateException("toolgate.invocation-log.retention-interval must be between 1m and 1d, got "
                    + invocationLog.retentionInterval());
        }
        if (invocationLog.retentionBatchSize() < 100 || invocationLog.retentionBatchSize() > 100_000) {
            throw new IllegalStateException(
                    "toolgate.invocation-log.retention-batch-size must be between 100 and 100000," + " got "
                            + invocationLog.retentionBatchSize());
        }
        if (invocationLog.queueCapacity() < 1000 || invocationLog.queueCapacity() > 1_000_000) {
            throw new IllegalStateException(
                    "toolgate.invocation-log.queue-capacity must be between 1000 and 1000000, got "
                            + invocationLog.queueCapacity());
        }
        if (redisTimeout.compareTo(Duration.ofMillis(10)) < 0 || redisTimeout.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalStateException("toolgate.redis-timeout must be between 10ms and 10s, got " + redisTimeout);
        }
        if (invalidation.fallbackTtl().compareTo(Duration.ofMillis(100)) < 0
                || invalidation.fallbackTtl().compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalStateException("toolgate.invalidation.fallback-ttl must be between 100ms and 10s, got "
                    + invalidation.fallbackTtl());
        }
        if (reencryption.batchSize() < 1 || reencryption.batchSize() > 10_000) {
            throw new IllegalStateException(
                    "toolgate.reencryption.batch-size must be between 1 and 10000, got " + reencryption.batchSize());
        }
        if (reencryption.batchPause().isNegative() || reencryption.batchPause().compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalStateException(
                    "toolgate.reencryption.batch-pause must be between 0s and 1m, got " + reencryption.batchPause());
        }
        if (invocationLog.writeRetries() < 0 || invocationLog.writeRetries() > 100) {
            throw new IllegalStateException("toolgate.invocation-log.write-retries must be between 0 and 100, got "
                    + invocationLog.writeRetries());
        }
        if (invocationLog.writeRetryDelay().compareTo(Duration.ofMillis(1)) < 0
                || invocationLog.writeRetryDelay().compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalStateException(
                    "toolgate.invocation-log.write-retry-delay must be between 1ms and 10s, got "
                            + invocationLog.writeRetryDelay());
        }
        if (limits.maxRecordFieldBytes() < 1024 || limits.maxRecordFieldBytes() > 1_048_576) {
            throw new IllegalStateException(
                    "toolgate.limits.max-record-field-bytes must be between 1024 and 1048576, got "
                            + limits.maxRecordFieldBytes());
        }
        if (signing.rotationOverlap().isNegative() || signing.rotationOverlap().compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalStateException(
                    "toolgate.signing.rotation-overlap must be between 0s and 30d, got " + signing.rotationOverlap());
        }
        validateHttpLimits();
        validateInputLimits();
        validateConsole();
    }

    private void validateConsole() {
        if (console.idleTimeout().compareTo(Duration.ofMinutes(1)) < 0
                || console.idleTimeout().compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalStateException(
                    "toolgate.console.idle-timeout must be between 1m and 24h, got " + console.idleTimeout());
        }
        if (console.signInLinkTtl().compareTo(Duration.ofSeconds(10)) < 0
                || console.signInLinkTtl().compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalStateException(
                    "toolgate.console.sign-in-link-ttl must be between 10s and 1h, got " + console.signInLinkTtl());
        }
        if (console.requestsPerMinute() < 0 || console.signInAttemptsPerMinute() < 0) {
            throw new IllegalStateException("toolgate.console.requests-per-minute and sign-in-attempts-per-minute must"
                    + " be >= 0 (0 = unlimited), got " + console);
        }
    }

    private void validateHttpLimits() {
        if (limits.maxRequestBodyBytes() < 1024 || limits.maxRequestBodyBytes() > 64 * 1024 * 1024) {
            throw new IllegalStateException(
                    "toolgate.limits.max-request-body-bytes must be between 1024 and 67108864, got "
                            + limits.maxRequestBodyBytes());
        }
        if (limits.headerReadTimeout().compareTo(Duration.ofMillis(100)) < 0
                || limits.headerReadTimeout().compareTo(Duration.ofSeconds(300)) > 0) {
            throw new IllegalStateException("toolgate.limits.header-read-timeout must be between 100ms and 300s, got "
                    + limits.headerReadTimeout());
        }
        if (limits.maxLoggedStringChars() < 16 || limits.maxLoggedStringChars() > 65_536) {
            throw new IllegalStateException("toolgate.limits.max-logged-string-chars must be between 16 and 65536, got "
                    + limits.maxLoggedStringChars());
        }
    }

    /**
     * The ranges of the argument and {@code parameters} limits. Depths stop at 256: API bodies are parsed with
     * Jackson's nesting limit of 500 and arguments sit inside them, and recursive schema validation stays far from
     * the thread's stack at that depth.
     */
    private void validateInputLimits() {
        range("max-argument-bytes", limits.maxArgumentBytes(), 1024, 1_048_576);
        range("max-argument-depth", limits.maxArgumentDepth(), 1, 256);
        range("max-parameters-bytes", limits.maxParametersBytes(), 1024, 1_048_576);
        range("max-parameters-depth", limits.maxParametersDepth(), 2, 256);
        range("max-parameter-description-chars", limits.maxParameterDescriptionChars(), 1, 100_000);
        range("max-tools-per-agent", limits.maxToolsPerAgent(), 1, 100_000);
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalStateException(
                    "toolgate.limits." + name + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    @Override
    public String toString() {
        return "ToolgateProperties[dataDir=" + dataDir + ", bootstrapApiKey=" + (bootstrapApiKey == null ? null : "***")
                + ", egress=" + egress + ", budget=" + budget + ", maxResponseBytes=" + maxResponseBytes
                + ", db=" + db + ", invocationLog=" + invocationLog + ", rateLimit=" + rateLimit
                + ", redisUrl=" + (redisUrl == null || redisUrl.isBlank() ? null : "***") + ", duplicates=" + duplicates
                + ", circuitBreaker=" + circuitBreaker + ", masterKey=" + (masterKey == null ? null : "***")
                + ", signing=" + signing + ", limits=" + limits + ", redisTimeout=" + redisTimeout
                + ", invalidation=" + invalidation + ", reencryption=" + reencryption + "]";
    }
}
