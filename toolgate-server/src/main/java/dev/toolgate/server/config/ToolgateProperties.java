package dev.toolgate.server.config;

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
 * @param masterKey the Tink AEAD keyset that encrypts secrets at rest, as JSON or base64 of the JSON; null to use
 *     (or create) {@code <dataDir>/master-keyset.json}, which only the embedded database may do (docs/secrets.md)
 * @param signing request-signing settings
 */
@ConfigurationProperties("toolgate")
public record ToolgateProperties(
        @DefaultValue("./toolgate-data") Path dataDir,
        String bootstrapApiKey,
        @DefaultValue Egress egress,
        @DefaultValue("10s") Duration budget,
        @DefaultValue("65536") int maxResponseBytes,
        @DefaultValue Db db,
        @DefaultValue InvocationLog invocationLog,
        String masterKey,
        @DefaultValue Signing signing) {

    /**
     * Egress settings.
     *
     * @param allowlist DANGEROUS: comma-separated {@code host:port}, {@code ip:port}, {@code CIDR} or
     *     {@code CIDR:port} entries admitted despite the private-network block; blank for none
     * @param extraCa a PEM file of extra CA certificates trusted for tenant endpoints, or null
     */
    public record Egress(String allowlist, Path extraCa) {
    }

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
     */
    public record InvocationLog(@DefaultValue("4096") int previewBytes, @DefaultValue("100000") int queueCapacity) {
    }

    /**
     * Request-signing settings.
     *
     * @param rotationOverlap how long a rotated-out signing secret keeps signing next to the new one, 0s..30d
     */
    public record Signing(@DefaultValue("24h") Duration rotationOverlap) {
    }

    /**
     * Checks every range.
     *
     * @throws IllegalStateException naming the setting, its value and the allowed range
     */
    public void validate() {
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
        if (invocationLog.queueCapacity() < 1000 || invocationLog.queueCapacity() > 1_000_000) {
            throw new IllegalStateException("toolgate.invocation-log.queue-capacity must be between 1000 and 1000000, got "
                    + invocationLog.queueCapacity());
        }
        if (signing.rotationOverlap().isNegative() || signing.rotationOverlap().compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalStateException("toolgate.signing.rotation-overlap must be between 0s and 30d, got "
                    + signing.rotationOverlap());
        }
    }

    @Override
    public String toString() {
        return "ToolgateProperties[dataDir=" + dataDir + ", bootstrapApiKey=" + (bootstrapApiKey == null ? null : "***")
                + ", egress=" + egress + ", budget=" + budget + ", maxResponseBytes=" + maxResponseBytes
                + ", db=" + db + ", invocationLog=" + invocationLog + ", masterKey=" + (masterKey == null ? null : "***")
                + ", signing=" + signing + "]";
    }
}
