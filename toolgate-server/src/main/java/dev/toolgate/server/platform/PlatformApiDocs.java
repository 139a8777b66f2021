package dev.toolgate.server.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI security schemes of the platform adapters: each platform proves itself with its own header instead of
 * an API key (docs/platforms.md).
 */
@Configuration(proxyBeanMethods = false)
class PlatformApiDocs {

    /** Vapi's shared secret in {@code X-Vapi-Secret}. */
    static final String VAPI_SCHEME = "VapiSecret";

    /** Retell's HMAC signature in {@code X-Retell-Signature}. */
    static final String RETELL_SCHEME = "RetellSignature";

    /** The shared secret an ElevenLabs server tool sends in {@code X-Toolgate-Secret}. */
    static final String ELEVENLABS_SCHEME = "ElevenLabsSecret";

    @Bean
    OpenApiCustomizer platformSecuritySchemes() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents()
                    .addSecuritySchemes(
                            VAPI_SCHEME,
                            header(
                                    Platform.VAPI,
                                    "Vapi's server secret, equal to the tenant secret `vapi_server_secret`."))
                    .addSecuritySchemes(
                            RETELL_SCHEME,
                            header(
                                    Platform.RETELL,
                                    "`v=<unix ms>,d=<hex HMAC-SHA256 of the raw body followed by the timestamp>`,"
                                            + " keyed by the tenant secret `retell_api_key` (Retell's API key)."))
                    .addSecuritySchemes(
                            ELEVENLABS_SCHEME,
                            header(
                                    Platform.ELEVENLABS,
                                    "A shared secret set on the ElevenLabs tool, equal to the tenant secret"
                                            + " `elevenlabs_tool_secret`."));
        };
    }

    private static SecurityScheme header(Platform platform, String description) {
        return new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER)
                .name(platform.credentialHeader())
                .description(description);
    }
}
