package dev.toolgate.server.tool;

import dev.toolgate.core.signing.SigningSecret;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinition;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.core.tool.ToolDefinitionWriter;
import dev.toolgate.core.tool.ToolLimits;
import dev.toolgate.server.api.ApiErrorCode;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.invalidation.InvalidatingCache;
import dev.toolgate.server.invalidation.InvalidationBus;
import dev.toolgate.server.invalidation.InvalidationEvent;
import dev.toolgate.server.secrets.SigningSecretStore;
import dev.toolgate.server.secrets.ToolAuthSecrets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tools and their signing secrets in the database, always looked up within one tenant. Parsed definitions are
 * cached per (tool id, updated_at), so the invoke path costs one indexed query and no JSON parsing. The stored
 * definition has {@code "***"} in place of the auth secret, which is kept encrypted in {@code auth_secret}
 * ({@link ToolAuthSecrets}); signing secrets are kept encrypted by {@link SigningSecretStore}.
 */
@Repository
public class ToolStore {

    private static final ToolDefinitionWriter WRITER = new ToolDefinitionWriter();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final ToolAuthSecrets authSecrets;
    private final SigningSecretStore signingSecrets;
    private final int maxToolsPerAgent;
    private final StoredToolRows rows;

    private record NameKey(UUID tenantId, UUID agentId, String name) {}

    /**
     * How long a tool found by name is reused without asking the database. A change made through this instance
     * applies at once; through another, as soon as its {@link InvalidationEvent.ToolChanged} (or
     * {@link InvalidationEvent.AgentChanged}) arrives.
     */
    public static final Duration NAME_CACHE_TTL = Duration.ofSeconds(2);

    private final InvalidationBus invalidations;
    /** Tools found by name recently: the invoke path's lookup. */
    private final InvalidatingCache<NameKey, Tool> byName;

    ToolStore(
            JdbcClient jdbc,
            ToolDefinitionParser parser,
            ToolAuthSecrets authSecrets,
            SigningSecretStore signingSecrets,
            ToolLimits limits,
            InvalidationBus invalidations) {
        this.maxToolsPerAgent = limits.maxToolsPerAgent();
        this.jdbc = jdbc;
        this.authSecrets = authSecrets;
        this.rows = new StoredToolRows(parser, authSecrets);
        this.signingSecrets = signingSecrets;
        this.invalidations = invalidations;
        this.byName = invalidations.cache(NAME_CACHE_TTL);
        invalidations.subscribe(event -> {
            switch (event) {
                case InvalidationEvent.ToolChanged changed -> {
                    rows.forget(changed.toolId());
                    byName.invalidateIf((key, tool) -> tool.id().equals(changed.toolId()));
                }
                case InvalidationEvent.AgentChanged changed ->
                    byName.invalidateIf((key, tool) -> key.agentId().equals(changed.agentId()));
                case InvalidationEvent.Everything everything -> byName.invalidateAll();
                default -> {}
            }
        });
    }

    /**
     * Inserts a tool with its first signing secret. Creations for one agent are serialized (its row is locked), so
     * concurrent requests cannot together pass the tools-per-agent limit.
     *
     * @throws ApiException 409 when the agent already has a tool of that name; 422 {@code too_many_tools} when it
     *     already holds {@link ToolLimits#maxToolsPerAgent()} tools
     */
    @Transactional
    public Tool create(UUID tenantId, UUID agentId, ToolDefinition definition, SigningSecret secret) {
        jdbc.sql("select id from agents where id = ? and tenant_id = ? for update")
                .params(agentId, tenantId)
                .query(UUID.class)
                .optional();
        long held = jdbc.sql("select count(*) from tools where agent_id = ? and tenant_id = ?")
                .params(agentId, tenantId)
                .query(Long.class)
                .single();
        if (held >= maxToolsPerAgent) {
            throw new ApiException(
                    ApiErrorCode.TOO_MANY_TOOLS,
                    "This agent already holds " + held + " tools; the limit is " + maxToolsPerAgent
                            + " tools per agent (toolgate.limits.max-tools-per-agent). Nothing was stored.");
        }
        Instant now = Instant.now();
        Tool tool = new Tool(UUID.randomUUID(), tenantId, agentId, definition, now, now);
        ObjectNode json = WRITER.toJson(definition, false);
        String authSecret = authSecrets.seal(tool.id(), json);
        try {
            jdbc.sql(
                            "insert into tools (id, tenant_id, agent_id, name, tool_type, is_enabled, priority, definition, auth_secret, created_at, updated_at)"
                                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            tool.id(),
                            tenantId,
                            agentId,
                            definition.name(),
                            definition.type().wireName(),
                            definition.enabled(),
                            definition.priority(),
                            JSON.writeValueAsString(json),
                            authSecret,
                            Timestamp.from(now),
                            Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicate(definition.name());
        }
        signingSecrets.addCurrent(tool.id(), secret);
        return tool;
    }

    /**
     * Inserts several tools, each with its signing secret, all or none: one transaction, so a name taken meanwhile or
     * the tools-per-agent limit stores nothing at all.
     *
     * @param definitions the tools, in order
     * @param secrets their signing secrets, one per definition, in the same order
     * @return the stored tools, in order
     * @throws ApiException as {@link #create}; nothing is stored then
     * @throws IllegalArgumentException when the lists differ in size
     */
    @Transactional
    public List<Tool> createAll(
            UUID tenantId, UUID agentId, List<ToolDefinition> definitions, List<SigningSecret> secrets) {
        if (definitions.size() != secrets.size()) {
            throw new IllegalArgumentException("one signing secret per definition");
        }
        List<Tool> created = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            created.add(create(tenantId, agentId, definitions.get(i), secrets.get(i)));
        }
        return created;
    }

    /**
     * Replaces a tool's definition.
     *
     * @throws ApiException 409 when another tool of the agent has the new name
     */
    @Transactional
    public Tool update(Tool existing, ToolDefinition definition) {
        Instant now = Instant.now();
        ObjectNode json = WRITER.toJson(definition, false);
        String authSecret = authSecrets.seal(existing.id(), json);
        try {
            jdbc.sql(
                            "update tools set name = ?, tool_type = ?, is_enabled = ?, priority = ?, definition = ?, auth_secret = ?,"
                                    + " updated_at = ? where id = ? and tenant_id = ?")
                    .params(
                            definition.name(),
                            definition.type().wireName(),
                            definition.enabled(),
                            definition.priority(),
                            JSON.writeValueAsString(json),
                            authSecret,
                            Timestamp.from(now),
                            existing.id(),
                            existing.tenantId())
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicate(definition.name());
        }
        invalidations.publish(
                new InvalidationEvent.ToolChanged(existing.tenantId(), existing.agentId(), existing.id()));
        return new Tool(existing.id(), existing.tenantId(), existing.agentId(), definition, existing.createdAt(), now);
    }

    /**
     * Deletes a tool (its secrets cascade) and announces it ({@link InvalidationEvent.ToolChanged}); returns whether
     * it existed.
     */
    public boolean delete(UUID tenantId, UUID agentId, UUID toolId) {
        boolean deleted = jdbc.sql("delete from tools where id = ? and agent_id = ? and tenant_id = ?")
                        .params(toolId, agentId, tenantId)
                        .update()
                > 0;
        if (deleted) {
            invalidations.publish(new InvalidationEvent.ToolChanged(tenantId, agentId, toolId));
        }
        return deleted;
    }

    /**
     * Returns the tool with this id if it belongs to the tenant's agent. A stored tool that no longer passes the
     * rules of this version (see {@link StoredToolRows#row}) is not returned.
     */
    public Optional<Tool> find(UUID tenantId, UUID agentId, UUID toolId) {
        return select("id = ? and agent_id = ? and tenant_id = ?", toolId, agentId, tenantId)
                .findFirst();
    }

    /**
     * Returns the tool with this id if it belongs to the tenant's agent.
     *
     * @throws ApiException 404 when there is none (also when it belongs to another tenant or agent)
     */
    public Tool require(UUID tenantId, UUID agentId, UUID toolId) {
        return find(tenantId, agentId, toolId).orElseThrow(() -> ApiException.notFound("tool"));
    }

    /** Returns the agent's tool called {@code name}, if any. */
    public Optional<Tool> findByName(UUID tenantId, UUID agentId, String name) {
        return byName.get(
                new NameKey(tenantId, agentId, name),
                key -> select("agent_id = ? and name = ? and tenant_id = ?", key.agentId(), key.name(), key.tenantId())
                        .findFirst());
    }

    /** Returns the agent's tools by priority, then name. */
    public List<Tool> list(UUID tenantId, UUID agentId) {
        return select("agent_id = ? and tenant_id = ? order by priority, name", agentId, tenantId)
                .toList();
    }

    /** The stored tools matching {@code where}, those that no longer pass this version's rules left out. */
    private Stream<Tool> select(String where, Object... params) {
        return jdbc.sql(StoredToolRows.SELECT + " where " + where).params(params).query(rows::row).list().stream()
                .filter(Objects::nonNull);
    }

    /**
     * Returns the secrets that currently sign requests of this tool, current first (one, or more during a rotation;
     * see {@link SigningSecretStore#active}).
     */
    public List<SigningSecret> activeSigningSecrets(UUID toolId) {
        return signingSecrets.active(toolId);
    }

    private static ApiException duplicate(String name) {
        return new ApiException(ApiErrorCode.TOOL_NAME_TAKEN, "The agent already has a tool named '" + name + "'");
    }
}
