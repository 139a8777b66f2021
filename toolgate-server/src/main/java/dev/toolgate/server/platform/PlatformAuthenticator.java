package dev.toolgate.server.platform;

import dev.toolgate.server.agent.Agent;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiErrorCode;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.secrets.TenantSecretStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Authenticates a voice platform's request to an adapter: the agent of the path names the tenant, and the
 * platform's credential must match that tenant's secret ({@link Platform#secretName()}): compared in constant time
 * (a shared secret), or checked as Retell's signature over the raw body. The credential and the secret never leave
 * this class: not in a log line, not in an answer.
 */
@Component
class PlatformAuthenticator {

    private final AgentStore agents;
    private final TenantSecretStore secrets;
    private final Clock clock;

    PlatformAuthenticator(AgentStore agents, TenantSecretStore secrets, Clock clock) {
        this.agents = agents;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Returns the agent once the platform is authenticated.
     *
     * @param credential the value of {@link Platform#credentialHeader()}, or null
     * @param rawBody the request body exactly as received (Retell signs it)
     * @throws ApiException 404 {@code not_found} when there is no such agent; 401 {@code platform_unauthenticated}
     *     when the credential is missing, the tenant has no such secret, or they do not match
     */
    Agent authenticate(Platform platform, UUID agentId, String credential, byte[] rawBody) {
        Agent agent = agents.findOfAnyTenant(agentId).orElseThrow(() -> ApiException.notFound("agent"));
        String secret = secrets.resolve(agent.tenantId(), platform.secretName()).orElse(null);
        boolean valid = secret != null
                && !secret.isEmpty()
                && credential != null
                && switch (platform) {
                    case RETELL -> RetellSignature.verify(rawBody, secret, credential, clock.instant());
                    case VAPI, ELEVENLABS ->
                        MessageDigest.isEqual(
                                credential.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
                };
        if (!valid) {
            throw new ApiException(
                    ApiErrorCode.PLATFORM_UNAUTHENTICATED,
                    "The " + platform.credentialHeader() + " header is missing or does not match the tenant secret '"
                            + platform.secretName() + "' (docs/platforms.md)");
        }
        return agent;
    }
}
