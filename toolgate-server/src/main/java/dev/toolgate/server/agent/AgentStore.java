package dev.toolgate.server.agent;

import dev.toolgate.server.invalidation.InvalidatingCache;
import dev.toolgate.server.invalidation.InvalidationBus;
import dev.toolgate.server.invalidation.InvalidationEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Agents in the database, always looked up within one tenant. */
@Repository
public class AgentStore {

    private record Key(UUID tenantId, UUID agentId) {}

    /**
     * How long a found agent is reused without asking the database: every invocation names its agent, and agents
     * rarely change. A deletion on any instance drops it everywhere ({@link InvalidationEvent.AgentChanged}).
     */
    public static final Duration CACHE_TTL = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final InvalidationBus invalidations;
    private final InvalidatingCache<Key, Agent> recent;

    AgentStore(JdbcClient jdbc, InvalidationBus invalidations) {
        this.jdbc = jdbc;
        this.invalidations = invalidations;
        this.recent = invalidations.cache(CACHE_TTL);
        invalidations.subscribe(event -> {
            switch (event) {
                case InvalidationEvent.AgentChanged changed ->
                    recent.invalidate(new Key(changed.tenantId(), changed.agentId()));
                case InvalidationEvent.Everything everything -> recent.invalidateAll();
                default -> {}
            }
        });
    }

    /** Inserts a new agent and returns it. */
    public Agent create(UUID tenantId, String name, String description) {
        Instant now = Instant.now();
        Agent agent = new Agent(UUID.randomUUID(), tenantId, name, description, now, now);
        jdbc.sql(
                        "insert into agents (id, tenant_id, name, description, created_at, updated_at) values (?, ?, ?, ?, ?, ?)")
                .params(agent.id(), tenantId, name, description, Timestamp.from(now), Timestamp.from(now))
                .update();
        return agent;
    }

    /** Returns the tenant's agent with this id, or empty (also when it belongs to another tenant). */
    public Optional<Agent> find(UUID tenantId, UUID agentId) {
        return recent.get(
                new Key(tenantId, agentId),
                key -> jdbc.sql("select * from agents where id = ? and tenant_id = ?")
                        .params(key.agentId(), key.tenantId())
                        .query(AgentStore::map)
                        .optional());
    }

    /**
     * Returns the agent with this id, of whichever tenant: only for callers that authenticate by something the agent's
     * tenant holds (a voice platform's signature checked against the tenant's secret) rather than by an API key.
     */
    public Optional<Agent> findOfAnyTenant(UUID agentId) {
        return jdbc.sql("select * from agents where id = ?")
                .param(agentId)
                .query(AgentStore::map)
                .optional();
    }

    /**
     * Returns the tenant's agent with this id.
     *
     * @throws dev.toolgate.server.api.ApiException 404 when there is none (also when it belongs to another tenant)
     */
    public Agent require(UUID tenantId, UUID agentId) {
        return find(tenantId, agentId).orElseThrow(() -> dev.toolgate.server.api.ApiException.notFound("agent"));
    }

    /** Returns the tenant's agents, oldest first. */
    public List<Agent> list(UUID tenantId) {
        return jdbc.sql("select * from agents where tenant_id = ? order by created_at, id")
                .param(tenantId)
                .query(AgentStore::map)
                .list();
    }

    /**
     * Deletes the agent and (by cascade) its tools, and announces it ({@link InvalidationEvent.AgentChanged});
     * returns whether it existed.
     */
    public boolean delete(UUID tenantId, UUID agentId) {
        boolean deleted = jdbc.sql("delete from agents where id = ? and tenant_id = ?")
                        .params(agentId, tenantId)
                        .update()
                > 0;
        if (deleted) {
            invalidations.publish(new InvalidationEvent.AgentChanged(tenantId, agentId));
        }
        return deleted;
    }

    private static Agent map(ResultSet rs, int row) throws SQLException {
        return new Agent(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
