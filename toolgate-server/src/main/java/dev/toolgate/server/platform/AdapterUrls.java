package dev.toolgate.server.platform;

import dev.toolgate.server.config.ToolgateProperties;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The URLs the voice platforms call: {@code toolgate.public-base-url} when it is set, else the base URL of the
 * request being served (the export request), followed by the adapter's path.
 */
@Component
class AdapterUrls {

    private final String publicBaseUrl;

    AdapterUrls(ToolgateProperties properties) {
        this.publicBaseUrl = properties.publicBaseUrlOrNull();
    }

    /** Returns the adapter URL of {@code platform} for {@code agentId}, e.g. {@code https://tg.example.com/v1/...}. */
    String adapter(Platform platform, UUID agentId) {
        return base() + platform.adapterPath(agentId);
    }

    private String base() {
        return publicBaseUrl != null
                ? publicBaseUrl
                : ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
