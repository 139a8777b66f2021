package dev.toolgate.server.invocation;

import dev.toolgate.server.config.ToolgateProperties;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes invocation-log records older than {@code toolgate.invocation-log.retention} (30 days by default, seed
 * 000's "Retention of logs"), every {@code retention-interval}, on a thread of its own. It deletes in batches of
 * {@code retention-batch-size} rows, each its own short statement, so it never holds locks long enough to delay
 * the log writer, and invocations never wait for the log anyway.
 */
@Component
public class RetentionJob {

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

    @PostConstruct
    void start() {
        long interval = settings.retentionInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::purgeQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
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
        } while (deleted == settings.retentionBatchSize());
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
