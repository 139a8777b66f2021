package dev.toolgate.server.tenant;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Installs API-key authentication on every path of the API port (failing closed, see {@link ApiKeyInterceptor}) and
 * lets handlers take a {@link Principal} parameter. Only the framework's own handlers are left out: Spring Boot's
 * error page ({@code /error}), the OpenAPI document ({@code springdoc.api-docs.path}, default
 * {@code /v3/api-docs}) and Swagger UI ({@code springdoc.swagger-ui.path}, default {@code /docs/api}); the liveness and readiness probes ({@code /livez}, {@code /readyz}) are actuator endpoints,
 * which this interceptor never sees.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final ApiKeyService keys;
    private final String apiDocsPath;
    private final String swaggerUiPath;

    WebConfiguration(
            ApiKeyService keys,
            @Value("${springdoc.api-docs.path:/v3/api-docs}") String apiDocsPath,
            @Value("${springdoc.swagger-ui.path:/docs/api}") String swaggerUiPath) {
        this.keys = keys;
        this.apiDocsPath = apiDocsPath;
        this.swaggerUiPath = swaggerUiPath;
    }

    /** Returns the path patterns open without an API key because the framework, not Toolgate, serves them. */
    List<String> frameworkPaths() {
        return List.of(
                "/error",
                apiDocsPath,
                apiDocsPath + "/**",
                apiDocsPath + ".yaml",
                swaggerUiPath,
                swaggerUiPath + "/**",
                "/docs/swagger-ui/**");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ApiKeyInterceptor(keys))
                .addPathPatterns("/**")
                .excludePathPatterns(frameworkPaths());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Principal.class;
            }

            @Override
            public Object resolveArgument(
                    MethodParameter parameter,
                    ModelAndViewContainer mav,
                    NativeWebRequest request,
                    WebDataBinderFactory binderFactory) {
                Object principal = request.getAttribute(ApiKeyInterceptor.PRINCIPAL, RequestAttributes.SCOPE_REQUEST);
                if (principal == null) {
                    throw new IllegalStateException("no authenticated principal on this request");
                }
                return principal;
            }
        });
    }
}
