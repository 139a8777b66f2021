package dev.toolgate.server.toolimport;

import dev.toolgate.core.egress.EgressPolicy;
import dev.toolgate.core.exec.ExecutorConfig;
import dev.toolgate.core.exec.HttpExecutor;
import dev.toolgate.server.config.FeatureSettings;
import dev.toolgate.server.config.ToolgateProperties;
import java.security.cert.X509Certificate;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI import's beans: its {@link DocumentFetcher} runs on an {@link HttpExecutor} of its own, under the same
 * {@link EgressPolicy} bean and extra CAs as tool calls, whose cap and budget are
 * {@code toolgate.openapi-import.max-document-bytes} and {@code fetch-timeout} (a document is larger than a tool's
 * answer), with a small connection pool (imports are rare).
 */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    /** Idle connections the import's client keeps. */
    static final int MAX_IDLE_CONNECTIONS = 4;

    /** The fetcher, which owns its executor: not an {@link HttpExecutor} bean, so tool calls never get it. */
    @Bean(destroyMethod = "close")
    DocumentFetcher openApiDocumentFetcher(ToolgateProperties properties, EgressPolicy egress) {
        List<X509Certificate> extraCas = properties.egress().extraCa() == null
                ? List.of()
                : ExecutorConfig.readPemCertificates(properties.egress().extraCa());
        FeatureSettings.OpenApiImport settings = properties.openapiImport();
        ExecutorConfig config = ExecutorConfig.builder()
                .maxBudget(settings.fetchTimeout())
                .maxResponseBytes(settings.maxDocumentBytes())
                .extraTrustedCertificates(extraCas)
                .maxIdleConnections(MAX_IDLE_CONNECTIONS)
                .build();
        return new DocumentFetcher(
                new HttpExecutor(config, egress), egress, settings.fetchTimeout(), settings.maxDocumentBytes());
    }
}
