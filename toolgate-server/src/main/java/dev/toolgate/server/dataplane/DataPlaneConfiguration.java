package dev.toolgate.server.dataplane;

import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.invocation.InvocationService;
import dev.toolgate.server.tenant.ApiKeyService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the {@link DataPlaneFilter} on the agents' paths, after the filter that notes each request's arrival
 * ({@code ArrivalFilter}, first) and Spring's observation filter (second), before the body-limit filter and
 * everything that reads a body; and leaves the tool-call endpoints out of Spring's per-request
 * {@code http.server.requests} observation: they are measured by the pre-registered {@code toolgate.invocations}
 * timers and {@code toolgate.data_plane.requests} counters instead (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
class DataPlaneConfiguration {

    /** After the arrival filter and Spring's observation filter, before the body-limit filter. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

    @Bean
    DataPlaneHandler dataPlaneHandler(
            ApiKeyService keys,
            AgentStore agents,
            InvocationService service,
            JsonMapper json,
            Validator validator,
            ToolgateProperties properties,
            MeterRegistry meters) {
        RequestBodies bodies =
                new RequestBodies(json, validator, properties.limits().maxRequestBodyBytes());
        return new DataPlaneHandler(keys, agents, service, bodies, meters);
    }

    @Bean
    FilterRegistrationBean<DataPlaneFilter> dataPlaneFilter(DataPlaneHandler handler) {
        FilterRegistrationBean<DataPlaneFilter> registration =
                new FilterRegistrationBean<>(new DataPlaneFilter(handler));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/v1/agents/*");
        return registration;
    }

    /** No {@code http.server.requests} observation of a request to a tool-call endpoint. */
    @Bean
    ObservationPredicate toolCallsUnobserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && server.getCarrier() instanceof HttpServletRequest request
                && DataPlaneRoute.of(request.getMethod(), request.getRequestURI()) != null);
    }
}
