package dev.toolgate.server.config;

import dev.toolgate.core.args.ArgumentLimits;
import dev.toolgate.core.egress.AllowlistEntry;
import dev.toolgate.core.egress.EgressPolicy;
import dev.toolgate.core.engine.EndpointCircuits;
import dev.toolgate.core.engine.ToolEngine;
import dev.toolgate.core.engine.VoiceServices;
import dev.toolgate.core.exec.ExecutorConfig;
import dev.toolgate.core.exec.HttpExecutor;
import dev.toolgate.core.render.RequestRenderer;
import dev.toolgate.core.render.SecretResolver;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.core.tool.ToolLimits;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the core engine from {@link ToolgateProperties}: limits, egress policy, executor, renderer, parser. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ToolgateProperties.class)
class EngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

    /** The version sent in {@code User-Agent: Toolgate/<version>}. */
    static final String USER_AGENT = "Toolgate/" + version();

    @Bean
    ToolLimits toolLimits(ToolgateProperties properties) {
        RuntimeSettings.Limits limits = properties.limits();
        return new ToolLimits(
                properties.budget(),
                properties.maxResponseBytes(),
                limits.maxParametersBytes(),
                limits.maxParametersDepth(),
                limits.maxParameterDescriptionChars(),
                limits.maxToolsPerAgent());
    }

    @Bean
    ArgumentLimits argumentLimits(ToolgateProperties properties) {
        return new ArgumentLimits(
                properties.limits().maxArgumentBytes(), properties.limits().maxArgumentDepth());
    }

    @Bean
    ToolDefinitionParser toolDefinitionParser(ToolLimits limits) {
        return new ToolDefinitionParser(limits);
    }

    @Bean
    EgressPolicy egressPolicy(ToolgateProperties properties) {
        String raw = properties.egress().allowlist();
        List<AllowlistEntry> allowlist = raw == null || raw.isBlank() ? List.of() : AllowlistEntry.parseList(raw);
        if (!allowlist.isEmpty()) {
            log.warn(
                    "DANGEROUS SETTING: toolgate.egress.allowlist admits these destinations despite the private-network"
                            + " block: {}",
                    raw);
        }
        return EgressPolicy.builder().allowlist(allowlist).build();
    }

    @Bean(destroyMethod = "close")
    HttpExecutor httpExecutor(ToolgateProperties properties, EgressPolicy egress) {
        List<X509Certificate> extraCas = List.of();
        if (properties.egress().extraCa() != null) {
            extraCas = ExecutorConfig.readPemCertificates(properties.egress().extraCa());
            log.info(
                    "Trusting {} extra CA certificate(s) from {} for tenant endpoints",
                    extraCas.size(),
                    properties.egress().extraCa());
        }
        ExecutorConfig config = ExecutorConfig.builder()
                .maxBudget(properties.budget())
                .maxResponseBytes(properties.maxResponseBytes())
                .extraTrustedCertificates(extraCas)
                .userAgent(USER_AGENT)
                .maxConnectionsPerEndpoint(properties.egress().maxConnectionsPerEndpoint())
                .build();
        return new HttpExecutor(config, egress);
    }

    @Bean
    RequestRenderer requestRenderer(SecretResolver tenantSecrets) {
        return new RequestRenderer(tenantSecrets, USER_AGENT);
    }

    /** The clock of time-based rules (circuit breakers, retention, signing-secret expiry); tests replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ToolEngine toolEngine(
            HttpExecutor executor,
            EgressPolicy egress,
            RequestRenderer renderer,
            EndpointCircuits circuits,
            ArgumentLimits argumentLimits,
            VoiceServices voice) {
        // voice: the call variables, tenants' call settings and knowledge search of server.calls
        return new ToolEngine(executor, egress, renderer, InstantSource.system(), circuits, argumentLimits)
                .withVoice(voice);
    }

    private static String version() {
        String version = EngineConfiguration.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
