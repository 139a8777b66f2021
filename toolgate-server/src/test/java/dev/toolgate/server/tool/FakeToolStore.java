package dev.toolgate.server.tool;

import dev.toolgate.core.signing.SigningSecret;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolLimits;
import dev.toolgate.server.invalidation.LocalInvalidationBus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ToolStore} without a database, for unit tests of the code that looks tools up: it finds the tools it was
 * given by tenant, agent and name, each signed with one secret. Writing through it is not supported.
 */
public final class FakeToolStore extends ToolStore {

    private record Key(UUID tenantId, UUID agentId, String name) {}

    private final Map<Key, Tool> tools = new ConcurrentHashMap<>();
    private final SigningSecret secret;

    /** @param secret the secret every tool signs with */
    public FakeToolStore(SigningSecret secret) {
        super(null, null, null, null, ToolLimits.ofDefaults(), new LocalInvalidationBus());
        this.secret = secret;
    }

    /** Makes {@code tool} findable by its tenant, agent and name; returns it. */
    public Tool add(Tool tool) {
        tools.put(new Key(tool.tenantId(), tool.agentId(), tool.name()), tool);
        return tool;
    }

    @Override
    public Optional<Tool> findByName(UUID tenantId, UUID agentId, String name) {
        return Optional.ofNullable(tools.get(new Key(tenantId, agentId, name)));
    }

    @Override
    public List<SigningSecret> activeSigningSecrets(UUID toolId) {
        return List.of(secret);
    }
}
