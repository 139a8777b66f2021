package dev.toolgate.server.secrets;

import dev.toolgate.server.config.ToolgateProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the {@link SecretCipher} from the master key that {@link MasterKeyLoader} finds. */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    @Bean
    SecretCipher secretCipher(ToolgateProperties properties) {
        return MasterKeyLoader.load(properties.masterKey(), properties.db().url(), properties.dataDir());
    }
}
