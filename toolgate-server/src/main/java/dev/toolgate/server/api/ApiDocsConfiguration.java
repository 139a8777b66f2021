package dev.toolgate.server.api;

import io.swagger.v3.core.jackson.ModelResolver;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the OpenAPI document ({@code /v3/api-docs}) describe the bodies as they are on the wire: springdoc reads
 * schemas with its own (Jackson 2) mapper, so it gets the naming strategy of the mapper Spring reads and writes
 * bodies with ({@code spring.jackson.property-naming-strategy}, SNAKE_CASE); and the document gets the {@code
 * Problem} schema and the named error responses of {@link ProblemResponses}. Only in the web server (the document is
 * not served by the command-line tools).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiDocsConfiguration {

    @Bean
    ModelResolver wireNamesModelResolver(ObjectMapperProvider springdocMappers, JsonMapper json) {
        var mapper = springdocMappers.jsonMapper().copy();
        PropertyNamingStrategy naming = json.deserializationConfig().getPropertyNamingStrategy();
        if (naming != null) {
            mapper.setPropertyNamingStrategy(new com.fasterxml.jackson.databind.PropertyNamingStrategies.NamingBase() {
                @Override
                public String translate(String name) {
                    return FieldPaths.wireName(naming, name);
                }
            });
        }
        return new ModelResolver(mapper).openapi31(springdocMappers.isOpenapi31());
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return ProblemResponses::register;
    }
}
