package dev.toolgate.server.tenant;

import dev.toolgate.server.config.ToolgateProperties;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start, creates the default tenant and its admin key: the value of
 * {@code TOOLGATE_BOOTSTRAP_API_KEY} if set, otherwise a random key printed once on standard output
 * (never to the log).
 */
@Component
@Order(0)
class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final ApiKeyService keys;
    private final ToolgateProperties properties;

    Bootstrap(ApiKeyService keys, ToolgateProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        keys.ensureDefaultTenant();
        if (keys.countKeys() > 0) {
            return;
        }
        String bootstrap = properties.bootstrapApiKey();
        if (bootstrap != null && !bootstrap.isBlank()) {
            keys.createKey(ApiKeyService.DEFAULT_TENANT_ID, "bootstrap", EnumSet.of(Scope.ADMIN), bootstrap.trim());
            log.info("Created the default tenant's admin key from TOOLGATE_BOOTSTRAP_API_KEY");
        } else {
            ApiKeyService.CreatedKey key = keys.createKey(
                    ApiKeyService.DEFAULT_TENANT_ID, "bootstrap", EnumSet.of(Scope.ADMIN), ApiKeyService.generateKey());
            log.info("Created a random admin key for the default tenant; it is printed once on standard output");
            System.out.println("Toolgate admin API key (shown once, store it now): " + key.key());
        }
    }
}
