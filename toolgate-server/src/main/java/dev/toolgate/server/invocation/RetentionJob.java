package dev.toolgate.server.invocation;

import dev.toolgate.server.config.FeatureSettings;
import dev.toolgate.server.config.ShutdownPhases;
import dev.toolgate.server.config.ToolgateProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the invocation log within {@code toolgate.invocation-log.retention} (30 days by default; docs/configuration.md
 * lists the setting), at start and then every {@code retention-interval}, on a thread of its own.
 *
 * <p>On PostgreSQL the log is partitioned by day (UTC) on {@code created_at} ({@code invocations_YYYYMMDD}, see
 * docs/invocation-log.md): each run first creates the partitions of today and the next {@link #DAYS_AHEAD} days
 * (there is no default partition, so a record dated beyond them would be refused), then drops every partition whose
 * whole day lies before now minus the retention. A record is thus kept for the retention and at most one day more.
 *
 * <p>On the embedded H2 database (a plain table) it deletes in batches of {@code retention-batch-size} rows, each
 * its own short statement, so it never holds locks long enough to delay the log writer, and invocations never wait
 * for the log anyway. A {@link SmartLifecycle} in phase {@link ShutdownPhases#INVOCATION_LOG}: a purge under way
 * when the service stops finishes its statement before the database closes.
 */
@Component
public class RetentionJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final FeatureSettings.InvocationLog settings;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("invocation-log-retention").daemon().factory());

    /** Days after today (UTC) whose partitions exist ahead of time on PostgreSQL. */
    public static final int DAYS_AHEAD = 7;

    private static final DateTimeFormatter PARTITION_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String PARTITION_PREFIX = "invocations_";

    private final JdbcTemplate template;
    private volatile boolean partitioned;

    RetentionJob(JdbcClient jdbc, JdbcTemplate template, Clock clock, ToolgateProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = properties.invocationLog();
        this.template = template;
    }

    private volatile boolean running;

    /**
     * Creates the partitions ahead (PostgreSQL) before the web server accepts calls, then schedules the purge every
     * {@code retention-interval}.
     */
    @Override
    public void start() {
        partitioned = isPartitioned();
        if (partitioned) {
            createPartitionsAhead();
        }
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
     * Removes the records created before now minus the retention: on PostgreSQL by creating the partitions ahead and
     * dropping the partitions whose whole day is older; on H2 by deleting rows batch by batch.
     *
     * @return how many records were removed
     * @throws org.springframework.dao.DataAccessException when the database fails
     */
    public int purge() {
        if (partitioned) {
            createPartitionsAhead();
            return dropOldPartitions();
        }
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

    /**
     * Creates the missing partitions of today and the next {@link #DAYS_AHEAD} days (UTC), each covering
     * {@code [day 00:00Z, next day 00:00Z)}. Idempotent, so instances running it at once do not conflict.
     */
    void createPartitionsAhead() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int i = 0; i <= DAYS_AHEAD; i++) {
            LocalDate day = today.plusDays(i);
            jdbc.sql("create table if not exists " + partitionName(day) + " partition of invocations for values from ('"
                            + day + " 00:00:00+00') to ('" + day.plusDays(1) + " 00:00:00+00')")
                    .update();
        }
    }

    /** Whether the log is a partitioned PostgreSQL table (not H2, nor a PostgreSQL schema before migration 4). */
    private boolean isPartitioned() {
        String product = template.execute(
                (ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        return "PostgreSQL".equals(product)
                && jdbc.sql("select count(*) from pg_partitioned_table where partrelid = to_regclass('invocations')")
                                .query(Integer.class)
                                .single()
                        == 1;
    }

    /** The partitions of the invocation log, oldest first. */
    List<String> partitions() {
        return jdbc.sql("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                        + " where i.inhparent = 'invocations'::regclass order by c.relname")
                .query(String.class)
                .list();
    }

    private int dropOldPartitions() {
        LocalDate cutoff = LocalDate.ofInstant(clock.instant().minus(settings.retention()), ZoneOffset.UTC);
        int removed = 0;
        for (String partition : partitions()) {
            LocalDate day = partitionDay(partition);
            // a partition holds one day; it goes once the day after it is no later than the cutoff's day
            if (day != null && !day.plusDays(1).isAfter(cutoff)) {
                Integer rows = jdbc.sql("select count(*) from " + partition)
                        .query(Integer.class)
                        .single();
                jdbc.sql("drop table if exists " + partition).update();
                removed += rows;
            }
        }
        return removed;
    }

    private static String partitionName(LocalDate day) {
        return PARTITION_PREFIX + PARTITION_DAY.format(day);
    }

    /** The day of a partition named {@code invocations_YYYYMMDD}, or null for any other name. */
    private static LocalDate partitionDay(String name) {
        String suffix = name.substring(Math.min(name.length(), PARTITION_PREFIX.length()));
        if (!name.startsWith(PARTITION_PREFIX) || !suffix.matches("\\d{8}")) {
            return null;
        }
        return LocalDate.parse(suffix, PARTITION_DAY);
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
