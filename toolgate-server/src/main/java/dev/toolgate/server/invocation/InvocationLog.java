package dev.toolgate.server.invocation;

import dev.toolgate.server.api.LogSafe;
import dev.toolgate.server.config.ShutdownPhases;
import dev.toolgate.server.config.ToolgateProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The invocation log. {@link #record} never touches the database on the caller's thread: records go to a
 * bounded queue and a background writer inserts them in batches as soon as they arrive. Reads first flush whatever
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
    private static final int BATCH_SIZE = 500;
    private static final long IDLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(5);

    private final InvocationTable table;
    private final BlockingQueue<Pending> queue;
    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
    /** Batches whose first insert failed on a reader's thread, for the writer to retry. */
    private final Queue<BatchWrite> handedOver = new ConcurrentLinkedQueue<>();

    private final ReentrantLock writeLock = new ReentrantLock();
    private final RetryTemplate retry;
    private final Counter dropped;
    private final Counter retries;
    private volatile Thread writer;
    private volatile boolean running;
    private volatile boolean stopped;

    InvocationLog(JdbcClient jdbc, JdbcTemplate template, ToolgateProperties properties, MeterRegistry meters) {
        this.table = new InvocationTable(jdbc, template, properties.limits().maxRecordFieldBytes());
        ToolgateProperties.InvocationLog settings = properties.invocationLog();
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        Gauge.builder("toolgate.invocation_log.pending", pending, Map::size)
                .description("Invocation records accepted but not yet written (queued, being written or retried)")
                .register(meters);
        this.dropped = Counter.builder("toolgate.invocation_log.dropped")
                .description("Invocation records lost because the database refused them or stayed unreachable")
                .register(meters);
        this.retries = Counter.builder("toolgate.invocation_log.write_retries")
                .description("Retried inserts of invocation-record batches")
                .register(meters);
        this.retry = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(settings.writeRetries())
                .delay(settings.writeRetryDelay())
                .multiplier(2)
                .maxDelay(max(MAX_RETRY_DELAY, settings.writeRetryDelay()))
                .excludes(DataIntegrityViolationException.class)
                .build());
        this.retry.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
                retries.increment();
                log.warn(
                        "Invocation log: {} failed (attempt {} of {}): {}; retrying with backoff",
                        retryable.getName(),
                        state.getRetryCount(),
                        settings.writeRetries() + 1,
                        LogSafe.text(String.valueOf(state.getLastException())));
            }
        });
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
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
     * the queue is full. The builder must only read values that no longer change. After {@link #stop} (a call that
     * outlived the web server's graceful wait) the record is written on the caller's thread.
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
                dropped.increment();
                log.error("Invocation log: interrupted while queueing invocation {}; 1 record dropped", id);
                return;
            }
        }
        Thread current = writer;
        if (current != null) {
            LockSupport.unpark(current);
        }
        if (stopped) {
            flush();
        }
    }

    /** Returns the tenant's invocation with this id, or empty. */
    public Optional<InvocationRecord> find(UUID tenantId, UUID id) {
        Pending queued = pending.get(id);
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
            BatchWrite handed = handedOver.poll();
            boolean reachable = true;
            while (reachable && handed != null) {
                reachable = write(handed);
                handed = handedOver.poll();
            }
            while (reachable && !queue.isEmpty()) {
                reachable = write(new BatchWrite(null));
            }
            if (!reachable) {
                dropRest(handed);
            }
            return;
        }
        writeLock.lock();
        try {
            while (!queue.isEmpty()) {
                BatchWrite batch = new BatchWrite(null);
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
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * One batch insert. Its records are taken from the queue on the first attempt, under the write lock, so a
     * reader's {@link #flush} never runs between the taking and the writing.
     */
    private final class BatchWrite implements Retryable<Void> {
        private List<Pending> batch;
        private List<Object[]> rows;

        /** @param batch the records, or null to take up to a batch from the queue on the first attempt */
        BatchWrite(List<Pending> batch) {
            this.batch = batch;
        }

        @Override
        public Void execute() {
            writeLock.lock();
            try {
                if (rows == null) {
                    take();
                }
                if (!rows.isEmpty()) {
                    table.insertAll(rows);
                    written(batch);
                }
                return null;
            } finally {
                writeLock.unlock();
            }
        }

        private void take() {
            if (batch == null) {
                batch = new ArrayList<>(BATCH_SIZE);
                queue.drainTo(batch, BATCH_SIZE);
            }
            List<Pending> built = new ArrayList<>(batch.size());
            rows = new ArrayList<>(batch.size());
            for (Pending entry : batch) {
                try {
                    rows.add(table.row(entry.get()));
                    built.add(entry);
                } catch (RuntimeException e) {
                    drop(List.of(entry), "its content could not be built", e);
                }
            }
            batch = built;
        }

        /**
         * Writes the records one by one, dropping only those the database refuses. A duplicate id means an earlier
         * attempt wrote the record already (a batch can be written in part before it fails).
         */
        void oneByOne() {
            List<Pending> refused = new ArrayList<>();
            RuntimeException last = null;
            for (int i = 0; i < batch.size(); i++) {
                writeLock.lock();
                try {
                    table.insert(rows.get(i));
                    written(List.of(batch.get(i)));
                } catch (DuplicateKeyException alreadyWritten) {
                    written(List.of(batch.get(i)));
                } catch (RuntimeException e) {
                    refused.add(batch.get(i));
                    last = e;
                } finally {
                    writeLock.unlock();
                }
            }
            if (!refused.isEmpty()) {
                drop(refused, "the database refused them (" + batch.size() + " in the batch, the rest written)", last);
            }
        }

        @Override
        public String getName() {
            return "insert of " + (batch == null ? "queued" : batch.size()) + " invocation record(s)";
        }
    }

    /**
     * Writes one batch, retrying; never throws.
     *
     * @return false when the batch was dropped because the database stayed unreachable
     */
    private boolean write(BatchWrite batch) {
        try {
            retry.execute(batch);
            return true;
        } catch (RetryException e) {
            if (e.getLastException() instanceof DataIntegrityViolationException) {
                batch.oneByOne();
                return true;
            }
            drop(batch.batch, "the write failed " + (e.getRetryCount() + 1) + " time(s)", e.getLastException());
            return false;
        }
    }

    private void written(List<Pending> batch) {
        batch.forEach(r -> pending.remove(r.id));
    }

    private void drop(List<Pending> records, String why, Throwable cause) {
        if (records == null || records.isEmpty()) {
            return;
        }
        records.forEach(r -> pending.remove(r.id));
        dropped.increment(records.size());
        log.error(
                "Invocation log: {} record(s) dropped: {}",
                records.size(),
                why,
                cause == null ? null : LogSafe.throwable(cause));
    }

    private void drainLoop() {
        while (true) {
            BatchWrite handed = handedOver.poll();
            if (handed != null) {
                write(handed);
                continue;
            }
            if (queue.isEmpty()) {
                if (!running) {
                    return;
                }
                LockSupport.parkNanos(this, IDLE_WAIT_NANOS);
                continue;
            }
            if (!write(new BatchWrite(null)) && !running) {
                // Stopping with the database gone: one batch has used up its retries; don't wait that long again
                // for each of the rest.
                dropRest(null);
                return;
            }
        }
    }

    /** Drops {@code first} (may be null), every handed-over batch and everything queued, with their count. */
    private void dropRest(BatchWrite first) {
        List<Pending> rest = new ArrayList<>();
        BatchWrite handed = first == null ? handedOver.poll() : first;
        while (handed != null) {
            if (handed.batch != null) {
                rest.addAll(handed.batch);
            }
            handed = handedOver.poll();
        }
        queue.drainTo(rest);
        drop(rest, "the database was unreachable while stopping", null);
    }

    /**
     * Inserts {@code rows} (at most {@link #BATCH_SIZE}) with one multi-row {@code insert ... values (...), (...)}:
     * one statement and one round trip per batch on PostgreSQL and H2 alike (22 parameters a row, far below
     * PostgreSQL's 65,535 per statement).
     */

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
                (long) dropped.count());
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
