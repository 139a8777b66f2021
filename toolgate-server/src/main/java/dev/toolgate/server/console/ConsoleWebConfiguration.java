package dev.toolgate.server.console;

import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.ratelimit.RateLimiter;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Wires the console into Spring MVC: its session interceptor ({@link ConsoleInterceptor}), the {@link ConsoleSession}
 * handler parameter, its security headers ({@link ConsoleHeadersFilter}), and the only static files Toolgate serves:
 * the console's own assets under {@code /console/assets/} and the WebJars under {@code /console/webjars/} (the API
 * keeps {@code spring.web.resources.add-mappings: false}, so no other path is a file lookup).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

    private final ConsoleSessions sessions;
    private final RateLimiter limiter;
    private final ToolgateProperties properties;

    ConsoleWebConfiguration(ConsoleSessions sessions, RateLimiter limiter, ToolgateProperties properties) {
        this.sessions = sessions;
        this.limiter = limiter;
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ConsoleInterceptor(sessions, limiter, properties.console()))
                .addPathPatterns("/**");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(ConsolePaths.ASSETS + "**").addResourceLocations("classpath:/console/static/");
        registry.addResourceHandler(ConsolePaths.WEBJARS + "**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == ConsoleSession.class;
            }

            @Override
            public Object resolveArgument(
                    MethodParameter parameter,
                    ModelAndViewContainer mav,
                    NativeWebRequest request,
                    WebDataBinderFactory binderFactory) {
                Object session = request.getAttribute(ConsoleInterceptor.SESSION, RequestAttributes.SCOPE_REQUEST);
                if (session == null) {
                    throw new IllegalStateException("no console session on this request");
                }
                return session;
            }
        });
    }

    @Bean
    FilterRegistrationBean<ConsoleHeadersFilter> consoleHeadersFilter() {
        FilterRegistrationBean<ConsoleHeadersFilter> registration =
                new FilterRegistrationBean<>(new ConsoleHeadersFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
