package dev.toolgate.server.invocation;

import dev.toolgate.server.config.ShutdownPhases;
import dev.toolgate.server.config.ToolgateProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The invocation log. {@link #record} never touches the database on the caller's thread: records go to a
 * bounded queue and a background writer inserts them in batches: at once when it has been idle, and under load
 * after letting a batch fill for at most 10 ms ({@link #BATCH_LINGER_NANOS}). Reads first flush whatever
 * is queued, so a client always sees its own invocations. When the queue is full (the database is far behind),
 * {@link #record} waits for room rather than lose a record.
 *
 * <p>A failed insert is retried with exponential backoff ({@code toolgate.invocation-log.write-retries},
 * {@code write-retry-delay}); meanwhile the records stay pending ({@link #find} still returns them, the gauge
 * {@code toolgate.invocation_log.pending} counts them). A batch the database refuses as data (a value it cannot
 * hold) is written one record at a time so only the refused records are lost. Whatever is lost is counted in
 * {@code toolgate.invocation_log.dropped} and logged with its real count. The arguments and the rendered request are
 * stored bounded by {@code toolgate.limits.max-record-field-bytes} ({@link RecordField}).
 *
 * <p>A {@link SmartLifecycle} in phase {@link ShutdownPhases#INVOCATION_LOG}: it stops after the web server has
 * finished the calls in flight and writes everything still queued before the database closes (docs/invocation-log.md).
 */
@Component
public class InvocationLog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InvocationLog.class);
    private static final long IDLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * Under load (the writer wrote its last batch less than this ago), how long it lets the next batch fill before it
     * writes it, unless it is full ({@link LogBatches#BATCH_SIZE}) first: at 1,000 calls per second a batch of about
     * 10 records costs the database one statement round and one commit instead of ten. After a quieter spell a
     * record is written at once, so another instance reading the shared log sees it as soon as it can. A read
     * flushes at once, so a client never waits for it.
     */
    static final long BATCH_LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final InvocationTable table;
    private final BlockingQueue<PendingRecord> queue;
    private final Map<UUID, PendingRecord> pending = new ConcurrentHashMap<>();
    private final LogBatches batches;
    /** Batches whose first insert failed on a reader's thread, for the writer to retry. */
    private final Queue<LogBatches.Batch> handedOver = new ConcurrentLinkedQueue<>();

    private volatile Thread writer;
    /** Whether the writer is letting a batch fill; a record queued meanwhile does not wake it. */
    private volatile boolean lingering;

    private volatile boolean running;
    private volatile boolean stopped;

    InvocationLog(JdbcClient jdbc, JdbcTemplate template, ToolgateProperties properties, MeterRegistry meters) {
        this.queue = new ArrayBlockingQueue<>(properties.invocationLog().queueCapacity());
        InvocationTable table =
                new InvocationTable(jdbc, template, properties.limits().maxRecordFieldBytes());
        this.batches = new LogBatches(table, queue, pending, properties.invocationLog(), meters);
        Gauge.builder("toolgate.invocation_log.pending", pending, Map::size)
                .description("Invocation records accepted but not yet written (queued, being written or retried)")
                .register(meters);
        this.table = table;
    }

    /** Queues a record for writing; returns at once unless the queue is full. */
    public void record(InvocationRecord record) {
        record(record.id(), record.tenantId(), () -> record);
    }

    /**
     * Queues a record whose content {@code builder} makes later, off the caller's thread; returns at once unless
     * the queue is full. The builder must only read values that no longer change. After {@link #stop} (a call that
     * outlived the web server's graceful wait) the record is written on the caller's thread.
     *
     * @param id the record's invocation id
     * @param tenantId the record's tenant
     */
    public void record(UUID id, UUID tenantId, Supplier<InvocationRecord> builder) {
        PendingRecord entry = new PendingRecord(id, tenantId, builder);
        pending.put(id, entry);
        if (!queue.offer(entry)) {
            try {
                queue.put(entry);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batches.drop(List.of(entry), "interrupted while queueing invocation " + id, null);
                return;
            }
        }
        // wake the writer unless it is letting a batch fill, and then only once the batch is full
        Thread current = writer;
        if (current != null && (!lingering || queue.size() >= LogBatches.BATCH_SIZE)) {
            LockSupport.unpark(current);
        }
        if (stopped) {
            flush();
        }
    }

    /** Returns the tenant's invocation with this id, or empty. */
    public Optional<InvocationRecord> find(UUID tenantId, UUID id) {
        PendingRecord queued = pending.get(id);
        if (queued != null) {
            return queued.tenantId.equals(tenantId) ? Optional.of(queued.get()) : Optional.empty();
        }
        return table.find(tenantId, id);
    }

    /**
     * Lists an agent's invocations, newest first.
     *
     * @param filter which invocations ({@link InvocationFilter#ALL} for every one)
     * @param before the keyset cursor: only records strictly older than ({@code createdAt}, {@code id}), or null
     * @param limit at most this many (1–200)
     */
    public List<InvocationRecord> list(UUID tenantId, UUID agentId, InvocationFilter filter, Cursor before, int limit) {
        flush();
        return table.list(tenantId, agentId, filter, before, limit);
    }

    /** A keyset position in the newest-first order. */
    public record Cursor(Instant createdAt, UUID id) {}

    /**
     * Writes everything queued so far before returning. A batch whose insert fails here is handed to the writer,
     * which retries it; after {@link #stop} it is retried here.
     */
    public void flush() {
        if (stopped) {
            LogBatches.Batch handed = handedOver.poll();
            boolean reachable = true;
            while (reachable && handed != null) {
                reachable = batches.write(handed);
                handed = handedOver.poll();
            }
            while (reachable && !queue.isEmpty()) {
                reachable = batches.write(batches.next());
            }
            if (!reachable) {
                batches.dropRest(handed, handedOver);
            }
            return;
        }
        batches.whileLocked(() -> {
            while (!queue.isEmpty()) {
                LogBatches.Batch batch = batches.next();
                try {
                    batch.execute();
                } catch (RuntimeException e) {
                    handedOver.add(batch);
                    Thread current = writer;
                    if (current != null) {
                        LockSupport.unpark(current);
                    }
                    return;
                }
            }
        });
    }

    private void drainLoop() {
        long lastWritten = System.nanoTime() - BATCH_LINGER_NANOS;
        while (true) {
            LogBatches.Batch handed = handedOver.poll();
            if (handed != null) {
                batches.write(handed);
                continue;
            }
            if (queue.isEmpty()) {
                if (!running) {
                    return;
                }
                LockSupport.parkNanos(this, IDLE_WAIT_NANOS);
                continue;
            }
            if (System.nanoTime() - lastWritten < BATCH_LINGER_NANOS) {
                linger();
            }
            boolean written = batches.write(batches.next());
            lastWritten = System.nanoTime();
            if (!written && !running) {
                // Stopping with the database gone: one batch has used up its retries; don't wait that long again
                // for each of the rest.
                batches.dropRest(null, handedOver);
                return;
            }
        }
    }

    /**
     * Waits up to {@link #BATCH_LINGER_NANOS} for the queued batch to fill, unless stopping or full already; called
     * only when the last batch was written less than that ago.
     */
    private void linger() {
        long deadline = System.nanoTime() + BATCH_LINGER_NANOS;
        long left;
        lingering = true;
        try {
            while (running
                    && handedOver.isEmpty()
                    && queue.size() < LogBatches.BATCH_SIZE
                    && (left = deadline - System.nanoTime()) > 0) {
                LockSupport.parkNanos(this, left);
            }
        } finally {
            lingering = false;
        }
    }

    /** Starts the writer thread (before the web server accepts calls). */
    @Override
    public void start() {
        if (running) {
            return;
        }
        running = true;
        writer = Thread.ofPlatform().name("invocation-log-writer").daemon().start(this::drainLoop);
    }

    /**
     * Stops the writer after it has written everything queued (retrying as configured); a record queued after
     * this is written on its caller's thread.
     */
    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        Thread current = writer;
        LockSupport.unpark(current);
        try {
            current.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopped = true;
        flush();
        log.info(
                "Invocation log stopped; {} record(s) left unwritten, {} dropped since the start",
                pending.size(),
                batches.droppedCount());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return ShutdownPhases.INVOCATION_LOG;
    }
}
