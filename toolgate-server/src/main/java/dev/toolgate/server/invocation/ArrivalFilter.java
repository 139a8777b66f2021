package dev.toolgate.server.invocation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notes when each request arrived, before any other filter, the API-key check or the body is read: a tool call's
 * budget counts from this instant ({@link dev.toolgate.core.engine.Invocation#arrivedAtNanos()}), so the time
 * spent reading the request, authenticating, looking the tool up and validating the arguments is part of it.
 * The instant is a {@link System#nanoTime()} reading, stored in the request attribute {@link #ATTRIBUTE}.
 */
public final class ArrivalFilter extends OncePerRequestFilter {

    /** The request attribute holding the arrival as a {@link Long} on the {@link System#nanoTime()} scale. */
    public static final String ATTRIBUTE = "dev.toolgate.arrivedAtNanos";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(ATTRIBUTE, System.nanoTime());
        chain.doFilter(request, response);
    }

    /**
     * Returns the arrival noted for a request, or now when there is none (a request that bypassed the filter).
     *
     * @param attribute the value of {@link #ATTRIBUTE}, or null
     */
    public static long arrivedAt(Long attribute) {
        return attribute == null ? System.nanoTime() : attribute;
    }

    /** Registers the filter first in the chain. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<ArrivalFilter> arrivalFilter() {
            FilterRegistrationBean<ArrivalFilter> registration = new FilterRegistrationBean<>(new ArrivalFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.addUrlPatterns("/v1/*");
            return registration;
        }
    }
}
