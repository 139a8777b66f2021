package dev.toolgate.server.config;

import dev.toolgate.server.api.LogSafe;
import dev.toolgate.server.api.RequestBodyLimitFilter;
import org.apache.coyote.AbstractProtocol;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's HTTP front, from {@code toolgate.limits.*} (docs/configuration.md): HTTP/2 with prior knowledge beside
 * HTTP/1.1 ({@link PriorKnowledgeHttp2}), the request-body bound, Tomcat's header-read timeout and form-size limit, strict duplicate-key detection on the JSON mapper Spring reads request
 * bodies with, and the length of tenant-supplied strings in the server log.
 */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

    /**
     * After Spring's observation filter (so a refused body still shows in the HTTP metrics), before anything that
     * reads a body (Spring's {@code FormContentFilter} is at -9900).
     */
    static final int BODY_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    HttpConfiguration(ToolgateProperties properties) {
        LogSafe.configure(properties.limits().maxLoggedStringChars());
    }

    /** The body bound, with the larger bounds features declare for their paths ({@link RequestBodyLimitFilter.PathLimit}). */
    /** The OpenAPI import's body: a whole OpenAPI document, bounded by its own setting. */
    @Bean
    RequestBodyLimitFilter.PathLimit openApiImportBodyLimit(ToolgateProperties properties) {
        return new RequestBodyLimitFilter.PathLimit(
                "POST",
                FeatureSettings.OpenApiImport.PATH,
                properties.openapiImport().maxDocumentBytes(),
                "toolgate.openapi-import.max-document-bytes");
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            ToolgateProperties properties,
            JsonMapper json,
            ObjectProvider<RequestBodyLimitFilter.PathLimit> pathLimits) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(
                        properties.limits().maxRequestBodyBytes(),
                        json,
                        pathLimits.orderedStream().toList()));
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }

    /**
     * Tomcat closes a connection whose request line and headers stall for {@code header-read-timeout} (its
     * {@code connectionTimeout}: the longest silence while a request arrives; the idle wait between keep-alive
     * requests is {@code server.tomcat.keep-alive-timeout}), and parses at most {@code max-request-body-bytes} of a
     * form body itself.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatRequestLimits(ToolgateProperties properties) {
        int timeoutMillis = (int) properties.limits().headerReadTimeout().toMillis();
        int maxBody = properties.limits().maxRequestBodyBytes();
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setMaxPostSize(maxBody);
            connector.addUpgradeProtocol(new PriorKnowledgeHttp2());
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setConnectionTimeout(timeoutMillis);
            }
        });
    }

    /**
     * A JSON object with the same key twice is refused (400 {@code duplicate_json_key}) rather than read with the last
     * value winning: {@code {"tool":"a","tool":"b"}} must not run {@code b} behind a check that saw {@code a}.
     */
    @Bean
    JsonMapperBuilderCustomizer strictDuplicateKeys() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
