package dev.toolgate.server.invocation;

import dev.toolgate.server.api.LogSafe;
import dev.toolgate.server.config.FeatureSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/**
 * The write side of the {@link InvocationLog}: takes up to {@link #BATCH_SIZE} queued records, inserts them as one
 * batch, retries a failed insert with exponential backoff (Spring's {@link RetryTemplate}: {@code write-retries},
 * {@code write-retry-delay} doubling up to {@link #MAX_RETRY_DELAY}), writes a batch the database refuses as data one
 * record at a time, and counts and logs every record it loses ({@code toolgate.invocation_log.dropped}, retries in
 * {@code toolgate.invocation_log.write_retries}). One write lock keeps a reader's flush from running between the
 * taking of a batch and its writing.
 */
final class LogBatches {
    /** Records per insert batch. */
    static final int BATCH_SIZE = 500;
    /** The longest wait between two retries, unless {@code write-retry-delay} is longer. */
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(InvocationLog.class);

    private final InvocationTable table;
    private final BlockingQueue<PendingRecord> queue;
    private final Map<UUID, PendingRecord> pending;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final RetryTemplate retry;
    private final Counter dropped;

    /**
     * @param table where the records go
     * @param queue the log's queue, batches are taken from
     * @param pending the log's records not yet written, by id; a record leaves it once written or dropped
     * @param settings the retry settings
     * @param meters where the dropped and retry counters are registered
     */
    LogBatches(
            InvocationTable table,
            BlockingQueue<PendingRecord> queue,
            Map<UUID, PendingRecord> pending,
            FeatureSettings.InvocationLog settings,
            MeterRegistry meters) {
        this.table = table;
        this.queue = queue;
        this.pending = pending;
        this.dropped = Counter.builder("toolgate.invocation_log.dropped")
                .description("Invocation records lost because the database refused them or stayed unreachable")
                .register(meters);
        Counter retries = Counter.builder("toolgate.invocation_log.write_retries")
                .description("Retried inserts of invocation-record batches")
                .register(meters);
        Duration delay = settings.writeRetryDelay();
        this.retry = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(settings.writeRetries())
                .delay(delay)
                .multiplier(2)
                .maxDelay(delay.compareTo(MAX_RETRY_DELAY) >= 0 ? delay : MAX_RETRY_DELAY)
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

    /** Returns a batch that takes up to {@link #BATCH_SIZE} queued records on its first attempt. */
    Batch next() {
        return new Batch();
    }

    /** Runs {@code work} holding the write lock (re-entrant: a batch run inside takes it again). */
    void whileLocked(Runnable work) {
        writeLock.lock();
        try {
            work.run();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Writes one batch, retrying; never throws.
     *
     * @return false when the batch was dropped because the database stayed unreachable
     */
    boolean write(Batch batch) {
        try {
            retry.execute(batch);
            return true;
        } catch (RetryException e) {
            if (e.getLastException() instanceof DataIntegrityViolationException) {
                batch.oneByOne();
                return true;
            }
            drop(batch.records, "the write failed " + (e.getRetryCount() + 1) + " time(s)", e.getLastException());
            return false;
        }
    }

    /** Drops {@code first} (may be null), every batch in {@code handedOver} and everything queued, with their count. */
    void dropRest(Batch first, Queue<Batch> handedOver) {
        List<PendingRecord> rest = new ArrayList<>();
        Batch handed = first == null ? handedOver.poll() : first;
        while (handed != null) {
            if (handed.records != null) {
                rest.addAll(handed.records);
            }
            handed = handedOver.poll();
        }
        queue.drainTo(rest);
        drop(rest, "the database was unreachable while stopping", null);
    }

    /** Forgets {@code records} as lost: counted, logged with {@code why}, no longer pending. */
    void drop(List<PendingRecord> records, String why, Throwable cause) {
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

    /** Returns how many records were dropped since the start. */
    long droppedCount() {
        return (long) dropped.count();
    }

    private void written(List<PendingRecord> records) {
        records.forEach(r -> pending.remove(r.id));
    }

    /**
     * One batch insert. Its records are taken from the queue on the first attempt, under the write lock, so a
     * reader's flush never runs between the taking and the writing.
     */
    final class Batch implements Retryable<Void> {
        private List<PendingRecord> records;
        private List<Object[]> rows;

        private Batch() {}

        /** Takes the batch's records on the first call, then inserts them; throws what the database throws. */
        @Override
        public Void execute() {
            writeLock.lock();
            try {
                if (rows == null) {
                    take();
                }
                if (!rows.isEmpty()) {
                    table.insertAll(rows);
                    written(records);
                }
                return null;
            } finally {
                writeLock.unlock();
            }
        }

        private void take() {
            List<PendingRecord> taken = new ArrayList<>(BATCH_SIZE);
            queue.drainTo(taken, BATCH_SIZE);
            List<PendingRecord> built = new ArrayList<>(taken.size());
            rows = new ArrayList<>(taken.size());
            for (PendingRecord entry : taken) {
                try {
                    rows.add(table.row(entry.get()));
                    built.add(entry);
                } catch (RuntimeException e) {
                    drop(List.of(entry), "its content could not be built", e);
                }
            }
            records = built;
        }

        /**
         * Writes the records one by one, dropping only those the database refuses. A duplicate id means an earlier
         * attempt wrote the record already (a batch can be written in part before it fails).
         */
        void oneByOne() {
            List<PendingRecord> refused = new ArrayList<>();
            RuntimeException last = null;
            for (int i = 0; i < records.size(); i++) {
                writeLock.lock();
                try {
                    table.insert(rows.get(i));
                    written(List.of(records.get(i)));
                } catch (DuplicateKeyException alreadyWritten) {
                    written(List.of(records.get(i)));
                } catch (RuntimeException e) {
                    refused.add(records.get(i));
                    last = e;
                } finally {
                    writeLock.unlock();
                }
            }
            if (!refused.isEmpty()) {
                drop(
                        refused,
                        "the database refused them (" + records.size() + " in the batch, the rest written)",
                        last);
            }
        }

        /** Names the insert and its size for the retry log line. */
        @Override
        public String getName() {
            return "insert of " + (records == null ? "queued" : records.size()) + " invocation record(s)";
        }
    }
}
