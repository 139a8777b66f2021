package dev.toolgate.core.exec;

import dev.toolgate.core.tool.ToolLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Deployment-wide settings of the {@link HttpExecutor}: the ceilings a tool's own {@code timeout} and
 * {@code max_response_bytes} are clamped to, the extra trust anchors for tenant endpoints, and the
 * connection pool size. Immutable; validated on construction.
 *
 * @param maxBudget the longest total time one call may take, DNS, connect, TLS, request and response body
 *     included (docs/security.md, "What comes back, and how long it may take"); positive; default 10 s
 * @param maxResponseBytes the most decoded body bytes read from one response (docs/security.md, "What comes back, and
 *     how long it may take"); the rest is discarded unread; 1 to {@code Integer.MAX_VALUE - 1}; default 65,536 (64
 *     KiB)
 * @param extraTrustedCertificates certificates trusted as TLS anchors <em>in addition to</em> the platform's
 *     CAs (the operator setting {@code TOOLGATE_EGRESS_EXTRA_CA}); never null, default empty
 * @param userAgent the {@code User-Agent} sent when the rendered request sets none; visible ASCII and spaces
 *     only; default {@value #DEFAULT_USER_AGENT}
 * @param connections the connection pool and the per-endpoint cap
 */
public record ExecutorConfig(
        Duration maxBudget,
        int maxResponseBytes,
        List<X509Certificate> extraTrustedCertificates,
        String userAgent,
        Connections connections) {

    /**
     * How many connections the executor keeps and opens.
     *
     * @param maxIdle how many idle keep-alive connections the one shared pool keeps (all tools together); zero or
     *     more; default {@value #DEFAULT_MAX_IDLE_CONNECTIONS}
     * @param keepAlive how long an idle pooled connection is kept before it is closed; positive; default 5 min
     * @param maxPerEndpoint the most calls one tenant has in flight to one endpoint (scheme, host, port) that speaks
     *     HTTP/1.1, so at most that many connections (TLS handshakes) to it; a call beyond waits for one of them
     *     inside its budget. An endpoint that negotiates HTTP/2 (ALPN) multiplexes every call over its connections
     *     and is not capped. 1 to 10,000; default {@value #DEFAULT_MAX_PER_ENDPOINT}
     */
    public record Connections(int maxIdle, Duration keepAlive, int maxPerEndpoint) {
        /**
         * Validates the settings.
         *
         * @throws IllegalArgumentException when a value is out of range
         */
        public Connections {
            Objects.requireNonNull(keepAlive, "keepAlive");
            if (maxIdle < 0) {
                throw new IllegalArgumentException("maxIdle must be zero or more, was " + maxIdle);
            }
            if (keepAlive.isNegative() || keepAlive.isZero()) {
                throw new IllegalArgumentException("keepAlive must be positive, was " + keepAlive);
            }
            if (maxPerEndpoint < 1 || maxPerEndpoint > MAX_PER_ENDPOINT) {
                throw new IllegalArgumentException(
                        "maxPerEndpoint must be between 1 and " + MAX_PER_ENDPOINT + ", was " + maxPerEndpoint);
            }
        }
    }

    /** The default {@code User-Agent}. */
    public static final String DEFAULT_USER_AGENT = "Toolgate/0.1.0";
    /** The default number of idle pooled connections. */
    public static final int DEFAULT_MAX_IDLE_CONNECTIONS = 1024;
    /** The default cap of one tenant's calls in flight to one HTTP/1.1 endpoint. */
    public static final int DEFAULT_MAX_PER_ENDPOINT = 256;
    /** The largest cap of one tenant's calls in flight to one HTTP/1.1 endpoint. */
    public static final int MAX_PER_ENDPOINT = 10_000;
    /** The default idle keep-alive. */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofMinutes(5);

    /**
     * Validates and copies the settings.
     *
     * @throws IllegalArgumentException when a value is out of range (the message names the value and the rule)
     * @throws NullPointerException when a component is null
     */
    public ExecutorConfig {
        Objects.requireNonNull(maxBudget, "maxBudget");
        Objects.requireNonNull(extraTrustedCertificates, "extraTrustedCertificates");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(connections, "connections");
        if (maxBudget.isNegative() || maxBudget.isZero()) {
            throw new IllegalArgumentException("maxBudget must be positive, was " + maxBudget);
        }
        if (maxResponseBytes < 1 || maxResponseBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "maxResponseBytes must be between 1 and " + (Integer.MAX_VALUE - 1) + ", was " + maxResponseBytes);
        }
        extraTrustedCertificates = List.copyOf(extraTrustedCertificates);
        if (userAgent.isBlank() || !userAgent.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new IllegalArgumentException("userAgent must be non-blank visible ASCII, was \"" + userAgent + "\"");
        }
    }

    /**
     * Returns the defaults: 10 s, 64 KiB, no extra CAs, {@value #DEFAULT_USER_AGENT}, 1,024 idle connections kept
     * 5 min, 256 calls in flight per tenant and HTTP/1.1 endpoint.
     */
    public static ExecutorConfig ofDefaults() {
        return builder().build();
    }

    /** Returns a builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads every X.509 certificate from a PEM file (one or more {@code -----BEGIN CERTIFICATE-----} blocks),
     * as given by {@code TOOLGATE_EGRESS_EXTRA_CA}.
     *
     * @param pemFile the file to read
     * @return the certificates in file order; never empty
     * @throws IllegalArgumentException when the file cannot be read, holds no certificate, or holds a block that
     *     is not a valid certificate; the message names the file and the problem
     */
    public static List<X509Certificate> readPemCertificates(Path pemFile) {
        Objects.requireNonNull(pemFile, "pemFile");
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pemFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Extra CA file " + pemFile + " cannot be read ("
                            + e.getClass().getSimpleName() + ").",
                    e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(
                    "Extra CA file " + pemFile + " is not a valid PEM file of X.509 certificates: " + e.getMessage(),
                    e);
        }
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate certificate : certificates) {
            if (!(certificate instanceof X509Certificate x509)) {
                throw new IllegalArgumentException("Extra CA file " + pemFile + " holds a non-X.509 certificate.");
            }
            out.add(x509);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("Extra CA file " + pemFile
                    + " holds no certificate: expected one or more -----BEGIN CERTIFICATE----- blocks.");
        }
        return List.copyOf(out);
    }

    /** Returns the settings with the certificates summarised by subject (a full certificate dump is noise). */
    @Override
    public String toString() {
        List<String> subjects = extraTrustedCertificates.stream()
                .map(c -> c.getSubjectX500Principal().getName())
                .toList();
        return "ExecutorConfig[maxBudget=" + maxBudget + ", maxResponseBytes=" + maxResponseBytes
                + ", extraTrustedCertificates=" + subjects + ", userAgent=" + userAgent
                + ", connections=" + connections + "]";
    }

    /** Builder for {@link ExecutorConfig}; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        private Duration maxBudget = ToolLimits.DEFAULT_BUDGET;
        private int maxResponseBytes = ToolLimits.DEFAULT_MAX_RESPONSE_BYTES;
        private List<X509Certificate> extraTrustedCertificates = List.of();
        private String userAgent = DEFAULT_USER_AGENT;
        private int maxIdleConnections = DEFAULT_MAX_IDLE_CONNECTIONS;
        private Duration keepAlive = DEFAULT_KEEP_ALIVE;
        private int maxPerEndpoint = DEFAULT_MAX_PER_ENDPOINT;

        private Builder() {}

        /** Sets the total budget ceiling; see {@link ExecutorConfig#maxBudget()}. */
        public Builder maxBudget(Duration maxBudget) {
            this.maxBudget = maxBudget;
            return this;
        }

        /** Sets the response cap in decoded bytes; see {@link ExecutorConfig#maxResponseBytes()}. */
        public Builder maxResponseBytes(int maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /** Sets the extra trust anchors; see {@link ExecutorConfig#extraTrustedCertificates()}. */
        public Builder extraTrustedCertificates(List<X509Certificate> certificates) {
            this.extraTrustedCertificates = certificates;
            return this;
        }

        /** Sets the default {@code User-Agent}; see {@link ExecutorConfig#userAgent()}. */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /** Sets the idle pool size; see {@link Connections#maxIdle()}. */
        public Builder maxIdleConnections(int maxIdleConnections) {
            this.maxIdleConnections = maxIdleConnections;
            return this;
        }

        /** Sets the idle keep-alive; see {@link Connections#keepAlive()}. */
        public Builder keepAlive(Duration keepAlive) {
            this.keepAlive = keepAlive;
            return this;
        }

        /** Sets the per-endpoint cap of HTTP/1.1 calls in flight; see {@link Connections#maxPerEndpoint()}. */
        public Builder maxConnectionsPerEndpoint(int maxPerEndpoint) {
            this.maxPerEndpoint = maxPerEndpoint;
            return this;
        }

        /**
         * Returns the validated config.
         *
         * @throws IllegalArgumentException when a value is out of range
         */
        public ExecutorConfig build() {
            return new ExecutorConfig(
                    maxBudget,
                    maxResponseBytes,
                    extraTrustedCertificates,
                    userAgent,
                    new Connections(maxIdleConnections, keepAlive, maxPerEndpoint));
        }
    }
}
