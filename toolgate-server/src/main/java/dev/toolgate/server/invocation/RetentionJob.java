package dev.toolgate.server.invocation;

import dev.toolgate.server.config.ShutdownPhases;
import dev.toolgate.server.config.ToolgateProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes invocation-log records older than {@code toolgate.invocation-log.retention} (30 days by default;
 * docs/configuration.md lists the setting), every {@code retention-interval}, on a thread of its own. It deletes in
 * batches of {@code retention-batch-size} rows, each its own short statement, so it never holds locks long enough to
 * delay the log writer, and invocations never wait for the log anyway. A {@link SmartLifecycle} in phase
 * {@link ShutdownPhases#INVOCATION_LOG}: a purge under way when the service stops finishes its statement before the
 * database closes.
 */
@Component
public class RetentionJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ToolgateProperties.InvocationLog settings;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("invocation-log-retention").daemon().factory());

    RetentionJob(JdbcClient jdbc, Clock clock, ToolgateProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = properties.invocationLog();
    }

    private volatile boolean running;

    /** Schedules the purge every {@code retention-interval}. */
    @Override
    public void start() {
        long interval = settings.retentionInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::purgeQuietly, interval, interval, TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Cancels the schedule and waits up to 10 s for a purge under way (it stops after its current batch). */
    @Override
    public void stop() {
        running = false;
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return ShutdownPhases.INVOCATION_LOG;
    }

    /**
     * Deletes every record created before now minus the retention, batch by batch.
     *
     * @return how many records were deleted
     */
    public int purge() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(settings.retention()));
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("delete from invocations where id in"
                            + " (select id from invocations where created_at < ? limit ?)")
                    .params(cutoff, settings.retentionBatchSize())
                    .update();
            total += deleted;
        } while (deleted == settings.retentionBatchSize() && !scheduler.isShutdown());
        return total;
    }

    private void purgeQuietly() {
        try {
            int deleted = purge();
            if (deleted > 0) {
                log.info(
                        "Invocation-log retention deleted {} record(s) older than {}",
                        deleted,
                        Duration.ofSeconds(settings.retention().toSeconds()));
            }
        } catch (RuntimeException e) {
            log.error("Invocation-log retention failed; it will run again in {}", settings.retentionInterval(), e);
        }
    }
}
