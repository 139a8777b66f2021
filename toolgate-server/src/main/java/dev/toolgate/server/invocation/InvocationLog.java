package dev.toolgate.server.invocation;

import dev.toolgate.server.api.LogSafe;
import dev.toolgate.server.config.ToolgateProperties;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The invocation log. {@link #record} never touches the database on the caller's thread: records go to a
 * bounded queue and a background writer inserts them in batches. Reads first flush whatever is queued, so a
 * client always sees its own invocations. When the queue is full (the database is far behind), {@link #record}
 * waits for room rather than lose a record.
 */
@Component
public class InvocationLog {

    private static final Logger log = LoggerFactory.getLogger(InvocationLog.class);
    private static final int BATCH_SIZE = 500;
    private static final String INSERT = "insert into invocations (id, tenant_id, agent_id, tool_id, tool_name, kind,"
            + " tool_call_id, call_id, status, error_code, error_message, http_status, truncated, duration_ms, timings,"
            + " arguments, request, response_preview, created_at, replay_of, repeat_of, call_context)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final BlockingQueue<Pending> queue;
    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Thread writer;
    private volatile boolean running = true;

    InvocationLog(JdbcClient jdbc, JdbcTemplate template, ToolgateProperties properties) {
        this.jdbc = jdbc;
        this.template = template;
        this.queue = new ArrayBlockingQueue<>(properties.invocationLog().queueCapacity());
        this.writer = Thread.ofPlatform().name("invocation-log-writer").daemon().start(this::drainLoop);
    }

    /**
     * A record not yet written. Its content is built at most once, on the writer thread (or by a reader that
     * asks for it first), so the caller's thread pays no JSON serialisation or preview masking.
     */
    private static final class Pending {
        final UUID id;
        final UUID tenantId;
        private Supplier<InvocationRecord> builder;
        private InvocationRecord record;

        Pending(UUID id, UUID tenantId, Supplier<InvocationRecord> builder) {
            this.id = id;
            this.tenantId = tenantId;
            this.builder = builder;
        }

        synchronized InvocationRecord get() {
            if (record == null) {
                record = builder.get();
                builder = null;
            }
            return record;
        }
    }

    /** Queues a record for writing; returns at once unless the queue is full. */
    public void record(InvocationRecord record) {
        record(record.id(), record.tenantId(), () -> record);
    }

    /**
     * Queues a record whose content {@code builder} makes later, off the caller's thread; returns at once unless
     * the queue is full. The builder must only read values that no longer change.
     *
     * @param id the record's invocation id
     * @param tenantId the record's tenant
     */
    public void record(UUID id, UUID tenantId, Supplier<InvocationRecord> builder) {
        Pending entry = new Pending(id, tenantId, builder);
        pending.put(id, entry);
        if (!queue.offer(entry)) {
            try {
                queue.put(entry);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pending.remove(id);
                log.warn("Interrupted while queueing invocation {}; the record is lost", id);
            }
        }
    }

    /** Returns the tenant's invocation with this id, or empty. */
    public Optional<InvocationRecord> find(UUID tenantId, UUID id) {
        Pending queued = pending.get(id);
        if (queued != null) {
            return queued.tenantId.equals(tenantId) ? Optional.of(queued.get()) : Optional.empty();
        }
        return jdbc.sql("select * from invocations where id = ? and tenant_id = ?")
                .params(id, tenantId)
                .query(InvocationLog::map)
                .optional();
    }

    /**
     * Lists an agent's invocations, newest first.
     *
     * @param toolName only this tool, or null
     * @param status only {@code ok} or {@code error}, or null
     * @param since only records created at or after this instant, or null
     * @param before the keyset cursor: only records strictly older than ({@code createdAt}, {@code id}), or null
     * @param limit at most this many (1–200)
     */
    public List<InvocationRecord> list(
            UUID tenantId, UUID agentId, String toolName, String status, Instant since, Cursor before, int limit) {
        flush();
        StringBuilder sql = new StringBuilder("select * from invocations where tenant_id = ? and agent_id = ?");
        List<Object> params = new ArrayList<>(List.of(tenantId, agentId));
        if (toolName != null) {
            sql.append(" and tool_name = ?");
            params.add(toolName);
        }
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status);
        }
        if (since != null) {
            sql.append(" and created_at >= ?");
            params.add(Timestamp.from(since));
        }
        if (before != null) {
            sql.append(" and (created_at < ? or (created_at = ? and id < ?))");
            params.add(Timestamp.from(before.createdAt()));
            params.add(Timestamp.from(before.createdAt()));
            params.add(before.id());
        }
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(InvocationLog::map).list();
    }

    /** A keyset position in the newest-first order. */
    public record Cursor(Instant createdAt, UUID id) {}

    /** Writes everything queued so far before returning. */
    public void flush() {
        writeLock.lock();
        try {
            List<Pending> batch = new ArrayList<>();
            while (queue.drainTo(batch, BATCH_SIZE) > 0) {
                write(batch);
                batch.clear();
            }
        } finally {
            writeLock.unlock();
        }
    }

    private void drainLoop() {
        List<Pending> batch = new ArrayList<>(BATCH_SIZE);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                writeLock.lock();
                try {
                    batch.add(first);
                    queue.drainTo(batch, BATCH_SIZE - 1);
                    write(batch);
                } finally {
                    writeLock.unlock();
                    batch.clear();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Invocation log writer failed; {} record(s) dropped", batch.size(), LogSafe.throwable(e));
                batch.forEach(r -> pending.remove(r.id));
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (Pending entry : batch) {
            InvocationRecord r = entry.get();
            rows.add(new Object[] {
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
                r.argumentsJson(),
                r.requestJson(),
                r.responsePreview(),
                Timestamp.from(r.createdAt()),
                r.replayOf(),
                r.repeatOf(),
                r.callJson()
            });
        }
        template.batchUpdate(INSERT, rows);
        batch.forEach(r -> pending.remove(r.id));
    }

    /** Stops the writer after writing what is queued. */
    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        writer.join(5000);
        flush();
    }

    private static InvocationRecord map(ResultSet rs, int row) throws SQLException {
        int httpStatus = rs.getInt("http_status");
        Integer status = rs.wasNull() ? null : httpStatus;
        return new InvocationRecord(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getObject("agent_id", UUID.class),
                rs.getObject("tool_id", UUID.class),
                rs.getString("tool_name"),
                rs.getString("kind"),
                rs.getString("tool_call_id"),
                rs.getString("call_id"),
                rs.getString("status"),
                rs.getString("error_code"),
                rs.getString("error_message"),
                status,
                rs.getBoolean("truncated"),
                rs.getDouble("duration_ms"),
                rs.getString("timings"),
                rs.getString("arguments"),
                rs.getString("request"),
                rs.getString("response_preview"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("replay_of", UUID.class),
                rs.getObject("repeat_of", UUID.class),
                rs.getString("call_context"));
    }
}
