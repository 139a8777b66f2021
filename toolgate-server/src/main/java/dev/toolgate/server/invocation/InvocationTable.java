package dev.toolgate.server.invocation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code invocations} table (docs/invocation-log.md): its insert, the mapping of records to rows and back, and
 * the two reads. JSON fields longer than {@code toolgate.limits.max-record-field-bytes} are stored bounded
 * ({@link RecordField#bound}). Thread-safe; every method may throw Spring's {@code DataAccessException}.
 */
final class InvocationTable {

    private static final String INSERT_INTO = "insert into invocations (id, tenant_id, agent_id, tool_id, tool_name,"
            + " kind, tool_call_id, call_id, status, error_code, error_message, http_status, truncated, duration_ms,"
            + " timings, arguments, request, response_preview, created_at, replay_of, repeat_of, call_context,"
            + " action) values ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT = INSERT_INTO + ROW;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final int maxFieldBytes;

    /**
     * @param maxFieldBytes the bound of the arguments and request JSON fields, in bytes
     */
    InvocationTable(JdbcClient jdbc, JdbcTemplate template, int maxFieldBytes) {
        this.jdbc = jdbc;
        this.template = template;
        this.maxFieldBytes = maxFieldBytes;
    }

    /**
     * Inserts {@code rows} as one JDBC batch: a single round trip. PostgreSQL's driver sends it as multi-row
     * {@code insert}s ({@code reWriteBatchedInserts}, set by the data source); H2 runs the one prepared statement per
     * row, which costs it far less than parsing a statement of 500 rows.
     */
    void insertAll(List<Object[]> rows) {
        template.batchUpdate(INSERT, rows);
    }

    /** Inserts one row (made by {@link #row}). */
    void insert(Object[] row) {
        template.update(INSERT, row);
    }

    /** Returns the tenant's written invocation with this id, or empty. */
    Optional<InvocationRecord> find(UUID tenantId, UUID id) {
        return jdbc.sql("select * from invocations where id = ? and tenant_id = ?")
                .params(id, tenantId)
                .query(InvocationTable::map)
                .optional();
    }

    /** The written part of {@link InvocationLog#list}: newest first, filtered as there. */
    List<InvocationRecord> list(
            UUID tenantId, UUID agentId, InvocationFilter filter, InvocationLog.Cursor before, int limit) {
        StringBuilder sql = new StringBuilder("select * from invocations where tenant_id = ? and agent_id = ?");
        List<Object> params = new ArrayList<>(List.of(tenantId, agentId));
        condition(sql, params, " and tool_name = ?", filter.toolName());
        InvocationFilter.Outcome outcome = filter.outcome();
        condition(sql, params, " and status = ?", outcome.status());
        condition(sql, params, " and error_code = ?", outcome.errorCode());
        if (outcome.httpStatusClass() != null) {
            sql.append(" and http_status >= ? and http_status < ?");
            params.add(outcome.httpStatusClass() * 100);
            params.add(outcome.httpStatusClass() * 100 + 100);
        }
        condition(sql, params, " and duration_ms > ?", outcome.minDurationMs());
        condition(sql, params, " and call_id = ?", filter.call().callId());
        if (filter.call().idempotencyKey() != null) {
            // the key is 64 hex characters (InvocationFilter checks it), so it holds no LIKE wildcard
            sql.append(" and request like ?");
            params.add("%\"Idempotency-Key\":\"" + filter.call().idempotencyKey() + "\"%");
        }
        condition(sql, params, " and created_at >= ?", filter.since() == null ? null : Timestamp.from(filter.since()));
        condition(sql, params, " and created_at < ?", filter.until() == null ? null : Timestamp.from(filter.until()));
        if (before != null) {
            sql.append(" and (created_at < ? or (created_at = ? and id < ?))");
            params.add(Timestamp.from(before.createdAt()));
            params.add(Timestamp.from(before.createdAt()));
            params.add(before.id());
        }
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(InvocationTable::map)
                .list();
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            params.add(value);
        }
    }

    /** The insert parameters of {@code r}, in the column order of the insert. */
    Object[] row(InvocationRecord r) {
        return new Object[] {
            r.id(),
            r.tenantId(),
            r.agentId(),
            r.toolId(),
            r.toolName(),
            r.kind(),
            r.toolCallId(),
            r.callId(),
            r.status(),
            r.errorCode(),
            r.errorMessage(),
            r.httpStatus(),
            r.truncated(),
            r.durationMs(),
            r.timingsJson(),
            RecordField.bound(r.argumentsJson(), maxFieldBytes),
            RecordField.bound(r.requestJson(), maxFieldBytes),
            r.responsePreview(),
            Timestamp.from(r.createdAt()),
            r.replayOf(),
            r.repeatOf(),
            r.callJson(),
            r.actionJson()
        };
    }

    static InvocationRecord map(ResultSet rs, int row) throws SQLException {
        int httpStatus = rs.getInt("http_status");
        Integer status = rs.wasNull() ? null : httpStatus;
        return InvocationRecord.builder(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class))
                .agentId(rs.getObject("agent_id", UUID.class))
                .toolId(rs.getObject("tool_id", UUID.class))
                .toolName(rs.getString("tool_name"))
                .kind(rs.getString("kind"))
                .toolCallId(rs.getString("tool_call_id"))
                .callId(rs.getString("call_id"))
                .status(rs.getString("status"))
                .errorCode(rs.getString("error_code"))
                .errorMessage(rs.getString("error_message"))
                .httpStatus(status)
                .truncated(rs.getBoolean("truncated"))
                .durationMs(rs.getDouble("duration_ms"))
                .timingsJson(rs.getString("timings"))
                .argumentsJson(rs.getString("arguments"))
                .requestJson(rs.getString("request"))
                .responsePreview(rs.getString("response_preview"))
                .createdAt(rs.getTimestamp("created_at").toInstant())
                .replayOf(rs.getObject("replay_of", UUID.class))
                .repeatOf(rs.getObject("repeat_of", UUID.class))
                .callJson(rs.getString("call_context"))
                .actionJson(rs.getString("action"))
                .build();
    }
}
