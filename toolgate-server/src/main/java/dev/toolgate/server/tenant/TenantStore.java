package dev.toolgate.server.tenant;

import dev.toolgate.server.invalidation.InvalidationBus;
import dev.toolgate.server.invalidation.InvalidationEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tenants in the database. */
@Repository
public class TenantStore {

    private final JdbcClient jdbc;
    private final InvalidationBus invalidations;

    TenantStore(JdbcClient jdbc, InvalidationBus invalidations) {
        this.jdbc = jdbc;
        this.invalidations = invalidations;
    }

    /** Inserts a tenant with no rate-limit overrides and returns it. */
    public Tenant create(String name) {
        Tenant tenant = new Tenant(
                UUID.randomUUID(), name, Instant.now(), Tenant.RateLimitOverrides.NONE, Tenant.CallSettings.NONE);
        jdbc.sql("insert into tenants (id, name, created_at) values (?, ?, ?)")
                .params(tenant.id(), name, Timestamp.from(tenant.createdAt()))
                .update();
        return tenant;
    }

    /** Returns the tenant with this id, or empty. */
    public Optional<Tenant> find(UUID id) {
        return jdbc.sql("select * from tenants where id = ?")
                .param(id)
                .query(TenantStore::map)
                .optional();
    }

    /** Returns every tenant, oldest first. */
    public List<Tenant> list() {
        return jdbc.sql("select * from tenants order by created_at, id")
                .query(TenantStore::map)
                .list();
    }

    /**
     * Replaces the tenant's rate-limit overrides and announces it ({@link InvalidationEvent.RateLimitsChanged}), so
     * every instance applies them within a second; returns whether the tenant exists.
     */
    public boolean updateRateLimits(UUID id, Tenant.RateLimitOverrides limits) {
        boolean updated = jdbc.sql(
                                "update tenants set rate_limit_tenant_per_minute = ?, rate_limit_tool_per_minute = ?,"
                                        + " rate_limit_test_fire_per_minute = ? where id = ?")
                        .params(limits.tenantPerMinute(), limits.toolPerMinute(), limits.testFirePerMinute(), id)
                        .update()
                > 0;
        if (updated) {
            invalidations.publish(new InvalidationEvent.RateLimitsChanged(id));
        }
        return updated;
    }

    /**
     * Replaces the tenant's call settings and announces it ({@link InvalidationEvent.CallSettingsChanged}), so every
     * instance reads calls with them within a second; returns whether the tenant exists.
     */
    public boolean updateCallSettings(UUID id, Tenant.CallSettings settings) {
        boolean updated = jdbc.sql("update tenants set call_region = ?, call_time_zone = ? where id = ?")
                        .params(settings.region(), settings.timeZone(), id)
                        .update()
                > 0;
        if (updated) {
            invalidations.publish(new InvalidationEvent.CallSettingsChanged(id));
        }
        return updated;
    }

    private static Tenant map(ResultSet rs, int row) throws SQLException {
        return new Tenant(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(),
                new Tenant.RateLimitOverrides(
                        integer(rs, "rate_limit_tenant_per_minute"),
                        integer(rs, "rate_limit_tool_per_minute"),
                        integer(rs, "rate_limit_test_fire_per_minute")),
                new Tenant.CallSettings(rs.getString("call_region"), rs.getString("call_time_zone")));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
