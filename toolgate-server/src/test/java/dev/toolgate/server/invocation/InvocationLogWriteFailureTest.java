package dev.toolgate.server.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.toolgate.server.config.ToolgateProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A failed write never loses records silently: the log writer retries with backoff while the records stay
 * pending, writes them once the database answers again, and when it must give up (or the database refuses a record)
 * drops only what it could not write, counts it in {@code toolgate.invocation_log.dropped} and logs the real count.
 * The database here is an in-memory H2 behind a data source that fails as each test tells it to.
 */
class InvocationLogWriteFailureTest {

    static final UUID TENANT = UUID.randomUUID();
    static final UUID AGENT = UUID.randomUUID();

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    final ch.qos.logback.classic.Logger logger =
            (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(InvocationLog.class);
    FlakyDataSource dataSource;
    InvocationLog invocationLog;

    /** Fails {@code getConnection} the first {@code failFirst} times, telling {@code onFailure} each failure's number. */
    static final class FlakyDataSource extends DelegatingDataSource {
        volatile int failFirst;
        volatile IntConsumer onFailure = n -> {};
        final AtomicInteger failures = new AtomicInteger();

        FlakyDataSource(JdbcDataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (failures.get() < failFirst) {
                int n = failures.incrementAndGet();
                onFailure.accept(n);
                throw new SQLException("Database is closed (test failure " + n + ")", "90098");
            }
            return super.getConnection();
        }
    }

    @BeforeEach
    void setUp() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:log-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure()
                .dataSource(h2)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        dataSource = new FlakyDataSource(h2);
        ToolgateProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                        "toolgate.invocation-log.write-retries", "4",
                        "toolgate.invocation-log.write-retry-delay", "1ms")))
                .bindOrCreate("toolgate", ToolgateProperties.class);
        invocationLog =
                new InvocationLog(JdbcClient.create(dataSource), new JdbcTemplate(dataSource), properties, meters);
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void tearDown() {
        invocationLog.stop();
        logger.detachAppender(logged);
    }

    @Test
    void aDatabaseThatFailsThreeTimesThenWorksLosesNothing() {
        dataSource.failFirst = 3;
        List<Boolean> foundWhileFailing = new ArrayList<>();
        List<Double> pendingWhileFailing = new ArrayList<>();
        List<UUID> ids = record(20);
        dataSource.onFailure = n -> {
            foundWhileFailing.add(invocationLog.find(TENANT, ids.get(0)).isPresent());
            pendingWhileFailing.add(gauge("toolgate.invocation_log.pending"));
        };

        invocationLog.start();
        invocationLog.stop();

        assertThat(stored()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(foundWhileFailing).containsOnly(true).hasSize(3);
        assertThat(pendingWhileFailing).containsOnly(20.0);
        assertThat(counter("toolgate.invocation_log.write_retries")).isEqualTo(3);
        assertThat(counter("toolgate.invocation_log.dropped")).isZero();
        assertThat(gauge("toolgate.invocation_log.pending")).isZero();
        assertThat(messages(Level.WARN))
                .hasSize(3)
                .allMatch(m -> m.contains("insert of 20 invocation record(s) failed"))
                .anyMatch(m -> m.contains("attempt 1 of 5"))
                .anyMatch(m -> m.contains("attempt 3 of 5"));
        assertThat(messages(Level.ERROR)).isEmpty();
    }

    @Test
    void aDatabaseThatStaysDownDropsTheBatchAfterTheRetriesAndSaysHowMany() {
        dataSource.failFirst = 5; // the first attempt and all 4 retries
        List<UUID> ids = record(7);

        invocationLog.start();
        invocationLog.stop();

        assertThat(dataSource.failures.get()).isEqualTo(5);
        assertThat(stored()).isEmpty();
        assertThat(counter("toolgate.invocation_log.dropped")).isEqualTo(7);
        assertThat(gauge("toolgate.invocation_log.pending")).isZero();
        assertThat(invocationLog.find(TENANT, ids.get(0))).isEmpty();
        assertThat(messages(Level.ERROR))
                .containsExactly("Invocation log: 7 record(s) dropped: the write failed 5 time(s)");
    }

    @Test
    void aDatabaseGoneAtShutdownCostsOneRoundOfRetriesNotOnePerBatch() {
        dataSource.failFirst = Integer.MAX_VALUE;
        record(1_200); // three batches
        dataSource.onFailure = n -> {
            while (n == 1 && invocationLog.isRunning()) {
                Thread.onSpinWait(); // the first failure happens once the stop has begun
            }
        };

        invocationLog.start();
        invocationLog.stop();

        assertThat(dataSource.failures.get()).isEqualTo(5);
        assertThat(counter("toolgate.invocation_log.dropped")).isEqualTo(1_200);
        assertThat(gauge("toolgate.invocation_log.pending")).isZero();
        assertThat(messages(Level.ERROR))
                .containsExactly(
                        "Invocation log: 500 record(s) dropped: the write failed 5 time(s)",
                        "Invocation log: 700 record(s) dropped: the database was unreachable while stopping");
    }

    @Test
    void aRecordTheDatabaseRefusesIsDroppedAloneAndTheRestOfItsBatchIsWritten() {
        List<UUID> ids = record(5);
        UUID refused = UUID.randomUUID();
        invocationLog.record(record(refused, "x".repeat(300)));

        invocationLog.start();
        invocationLog.stop();

        assertThat(stored()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(counter("toolgate.invocation_log.dropped")).isEqualTo(1);
        assertThat(messages(Level.ERROR))
                .containsExactly("Invocation log: 1 record(s) dropped: the database refused them (6 in the batch,"
                        + " the rest written)");
    }

    @Test
    void metricsAreThereBeforeTheFirstFailure() {
        assertThat(meters.find("toolgate.invocation_log.pending").gauge()).isNotNull();
        assertThat(meters.find("toolgate.invocation_log.dropped").counter()).isNotNull();
        assertThat(meters.find("toolgate.invocation_log.write_retries").counter())
                .isNotNull();
    }

    /** Queues {@code count} records (before the writer starts, so they make one batch) and returns their ids. */
    private List<UUID> record(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            invocationLog.record(record(id, "call_" + i));
            ids.add(id);
        }
        return ids;
    }

    private static InvocationRecord record(UUID id, String toolCallId) {
        return InvocationRecord.builder(id, TENANT)
                .agentId(AGENT)
                .toolName("lookup")
                .kind("invoke")
                .toolCallId(toolCallId)
                .status("ok")
                .httpStatus(200)
                .durationMs(1.5)
                .argumentsJson("{\"day\":\"mon\"}")
                .responsePreview("ok")
                .createdAt(Instant.now())
                .build();
    }

    private List<UUID> stored() {
        return JdbcClient.create(dataSource.getTargetDataSource())
                .sql("select id from invocations")
                .query(UUID.class)
                .list();
    }

    private double counter(String name) {
        return meters.get(name).counter().count();
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private List<String> messages(Level level) {
        return logged.list.stream()
                .filter(e -> e.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }
}
